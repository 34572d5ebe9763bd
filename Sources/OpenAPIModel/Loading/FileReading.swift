#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls, so that a failure carries the system's own words
/// ("No such file or directory") rather than a Foundation error description.
enum FileReading {
    static func contents(of path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(errno: errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure(errno: EISDIR)) }
        // Read straight into an uninitialized array of the file's size: no zero-filling and no
        // intermediate chunk, which matter when a document is spread over thousands of files.
        var outcome = ReadOutcome()
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, initialized in
            outcome = readAll(fd, into: buffer)
            initialized = outcome.count
        }
        // `st_size` was not the size (a pipe, a file growing while read): read on in chunks.
        while !outcome.reachedEnd && outcome.failure == 0 {
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, initialized in
                outcome = readAll(fd, into: buffer)
                initialized = outcome.count
            }
            bytes += chunk
        }
        if outcome.failure != 0 { return .failure(ReadFailure(errno: outcome.failure)) }
        return .success(bytes)
    }

    private struct ReadOutcome {
        var count = 0
        var reachedEnd = false
        var failure: Int32 = 0
    }

    /// Fills `buffer` from `fd` until it is full, the file ends, or a read fails.
    private static func readAll(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> ReadOutcome {
        var outcome = ReadOutcome()
        while outcome.count < buffer.count {
            let count = read(fd, buffer.baseAddress! + outcome.count, buffer.count - outcome.count)
            if count < 0 {
                if errno == EINTR { continue }
                outcome.failure = errno
                return outcome
            }
            if count == 0 {
                outcome.reachedEnd = true
                return outcome
            }
            outcome.count += count
        }
        return outcome
    }
}

/// Why a file could not be read, in the operating system's words.
struct ReadFailure: Error, Sendable {
    var reason: String

    init(errno code: Int32) {
        reason = String(cString: strerror(code))
    }
}
