import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where rows are written: standard output, or a file given with `--output`.
///
/// A file is written under a temporary name in the same directory and renamed over the
/// destination by ``commit()``, so a reader never sees half a file and a run that fails before
/// writing anything leaves an existing file alone (``discard()``). Text is buffered; with
/// `flushEachWrite` every write goes straight out, for rows that should appear as they arrive.
final class RowOutput {
    private enum Destination {
        case sink(any ByteSink)
        case file(path: String, temporaryPath: String, fd: Int32)
    }

    private let destination: Destination
    private var buffer = Data()
    private let flushEachWrite: Bool
    private var closed = false
    private static let bufferLimit = 64 * 1024

    /// Standard output (through `sink`) when `path` is nil or `-`; otherwise the file at `path`,
    /// checked and opened now, before anything is submitted.
    init(path: String?, stdout sink: any ByteSink, flushEachWrite: Bool) throws {
        self.flushEachWrite = flushEachWrite
        guard let path, path != "-" else {
            destination = .sink(sink)
            return
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIFailure("--output \(path) is a directory", hint: "give a file name, such as \(path)/companies.csv")
        }
        let directory = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CLIFailure("cannot write --output \(path): \(reason)",
                             hint: FileManager.default.fileExists(atPath: directory) ? nil : "the directory \(directory) does not exist")
        }
        destination = .file(path: path, temporaryPath: temporary, fd: fd)
    }

    deinit { discard() }

    /// The `--output` path, or nil for standard output.
    var filePath: String? {
        if case .file(let path, _, _) = destination { return path }
        return nil
    }

    func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        buffer.append(contentsOf: text.utf8)
        if flushEachWrite || buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Sends buffered text on.
    func flush() throws {
        guard !buffer.isEmpty, !closed else { return }
        let data = buffer
        buffer.removeAll(keepingCapacity: true)
        switch destination {
        case .sink(let sink):
            try sink.write(data)
        case .file(_, _, let fd):
            try FileDescriptorSink(fileDescriptor: fd).write(data)
        }
    }

    /// Flushes and, for a file, moves it into place.
    func commit() throws {
        guard !closed else { return }
        try flush()
        closed = true
        guard case .file(let path, let temporary, let fd) = destination else { return }
        fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIFailure("cannot write --output \(path): \(reason)")
        }
    }

    /// Drops what was written to a file (standard output can't take it back).
    func discard() {
        guard !closed else { return }
        closed = true
        if case .file(_, let temporary, let fd) = destination {
            close(fd)
            unlink(temporary)
        } else {
            try? flush()
        }
    }
}
