import Foundation
import YAMLTree

/// OpenAPI 3.2's `$self`: the URI a document gives itself, which is the base URI its relative
/// references resolve against (Appendix F). openapi-gen reads local files only, so a reference
/// resolved against `$self` is brought back to a file: its path relative to the referring
/// document's `$self` is read relative to the referring file, with `.yaml`, `.yml` or `.json`
/// added when the URI has no such extension (`$self: https://example.com/api/shared/foo` is
/// usually the file `shared/foo.yaml`). An absolute `$self` maps its directory onto the
/// referring file's; a relative one is a path, resolved against the file's path as RFC 3986
/// resolves it against the retrieval URI.
/// The base URI a `$self` gives, when it is one a URI can be resolved against.
enum SelfBase {
    /// A host that never resolves (RFC 6761), standing for the retrieval URI's scheme and host
    /// under a path-absolute `$self` (`/api/openapi`, Appendix F's relative example): only the
    /// path matters for local files, and the same stand-in keeps `$id`s comparable.
    static let placeholderOrigin = "https://self.invalid"

    /// An absolute `$self` as it is, a path-absolute one under ``placeholderOrigin``; nil for a
    /// relative path, which is resolved against the file's path instead.
    static func uri(_ selfText: String) -> String? {
        let text = ModelDecoder.withoutFragment(selfText)
        if ModelDecoder.hasScheme(text) { return text }
        if text.hasPrefix("/"), !text.hasPrefix("//") { return placeholderOrigin + text }
        return nil
    }
}

extension ModelDecoder {
    /// The `$self` of a file's top level, resolved against the file's path when relative; nil
    /// when it has none (most documents), so references read as they always have.
    func selfBase(of file: SourceFileID) -> String? {
        if let known = selfBases[file] { return known }
        var base: String?
        if let root = store.root(of: file), let mapping = root.mapping, let value = mapping["$self"]?.scalar, value.kind == .string,
           !value.text.isEmpty {
            let text = Self.withoutFragment(value.text)
            base = SelfBase.uri(text) ?? FilePaths.join(FilePaths.directory(of: store.files.path(of: file)), text)
        }
        selfBases[file] = .some(base)
        return base
    }

    /// `text` rewritten as the resolver reads it: a file path relative to the referring file
    /// (or a same-file `#…`), when the file has a `$self` and the reference is not a fragment.
    func referenceTextAgainstSelf(_ text: String, from file: SourceFileID) -> String {
        guard let base = selfBase(of: file) else { return text }
        let hash = text.firstIndex(of: "#")
        let uriPart = String(hash.map { text[..<$0] } ?? text[...])
        let fragment = hash.map { String(text[$0...]) } ?? ""
        guard !uriPart.isEmpty else { return text }
        let target: String
        let baseDirectory: String
        if Self.hasScheme(base) {
            guard let baseURL = URL(string: base), let resolved = URL(string: uriPart, relativeTo: baseURL)?.absoluteURL,
                  resolved.scheme == baseURL.scheme, resolved.host == baseURL.host, resolved.port == baseURL.port
            else { return text }
            if Self.withoutFragment(resolved.absoluteString) == base { return fragment.isEmpty ? "#" : fragment }
            target = resolved.path
            baseDirectory = FilePaths.directory(of: baseURL.path.isEmpty ? "/" : baseURL.path)
        } else {
            guard !Self.hasScheme(uriPart) else { return text }
            target = FilePaths.join(FilePaths.directory(of: base), uriPart)
            if target == base { return fragment.isEmpty ? "#" : fragment }
            // Both are paths here, so the target is read from the file's own directory.
            baseDirectory = FilePaths.directory(of: store.files.path(of: file))
        }
        let relative = Self.relativePath(from: baseDirectory, to: target)
        return existingFile(relative, from: file) + fragment
    }

    /// `path`, or the first of it with `.yaml`, `.yml` or `.json` added that exists.
    private func existingFile(_ path: String, from file: SourceFileID) -> String {
        let directory = FilePaths.directory(of: store.files.path(of: file))
        let candidates = [path, path + ".yaml", path + ".yml", path + ".json"]
        return candidates.first { FileManager.default.fileExists(atPath: FilePaths.join(directory, $0)) } ?? path
    }

    /// The lexical path from a directory to a file: `/api/shared` to `/api/schemas/foo` is
    /// `../schemas/foo`.
    static func relativePath(from directory: String, to path: String) -> String {
        let from = FilePaths.normalize(directory).split(separator: "/").filter { $0 != "." }
        let to = FilePaths.normalize(path).split(separator: "/").filter { $0 != "." }
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }

    static func withoutFragment(_ uri: String) -> String {
        uri.firstIndex(of: "#").map { String(uri[..<$0]) } ?? uri
    }

    static func hasScheme(_ uri: String) -> Bool {
        guard let colon = uri.firstIndex(of: ":"), colon > uri.startIndex else { return false }
        let scheme = uri[..<colon]
        return scheme.count >= 2 && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
