import Foundation
import OpenFunnel

/// The `openfunnel rows` command that fetches what a run did not write: the job, its kind, the
/// rows to skip, and the same connection and format, into a file of its own next to `--output`
/// (so the rows already written are not overwritten).
struct RowsCommandLine: Sendable {
    var jobID: String
    var kind: JobKind
    var baseURL: URL
    var format: OutputFormat
    var outputPath: String?

    /// `openfunnel rows JOB [--kind tech-intent] [--skip N] …`.
    func text(skipping skip: Int) -> String {
        var words = ["openfunnel", "rows", jobID]
        if kind != .lookalike { words += ["--kind", kind.rawValue] }
        if skip > 0 { words += ["--skip", String(skip)] }
        if let outputPath {
            words += ["-o", Self.restPath(outputPath, skipping: skip)]
            if OutputFormat.inferred(fromPath: outputPath) != format { words += ["--format", format.rawValue] }
        } else {
            words += ["--format", format.rawValue]
        }
        if baseURL != Servers.server1 { words += ["--base-url", baseURL.absoluteString] }
        return words.map(Self.quoted).joined(separator: " ")
    }

    /// `out.csv` → `out.rest.csv` when rows are skipped (the rest goes beside what was written);
    /// the same name when everything is fetched again.
    static func restPath(_ path: String, skipping skip: Int) -> String {
        guard skip > 0 else { return path }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return ext.isEmpty ? stem + ".rest" : "\(stem).rest.\(ext)"
    }

    /// Single-quoted for a POSIX shell when it holds anything but safe characters.
    static func quoted(_ word: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
