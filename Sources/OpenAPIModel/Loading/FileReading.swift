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
    /// Far above any real document (Stripe's is 4 MB), and what stops a reference to
    /// `/dev/zero`, an endless pipe or a huge sparse file from taking all memory.
    static let maxSize = 256 << 20

    static func contents(of path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(errno: errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(ReadFailure(errno: EISDIR)) }
        // A terminal would wait for typing, `/dev/zero` never ends; pipes stay allowed
        // (`openapi-gen lint <(curl …)`).
        if type == S_IFCHR || type == S_IFBLK { return .failure(ReadFailure(reason: "a device, not a file")) }
        if Int(info.st_size) > maxSize { return .failure(.tooLarge) }
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
            if bytes.count > maxSize { return .failure(.tooLarge) }
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

    init(reason: String) {
        self.reason = reason
    }

    static let tooLarge = ReadFailure(reason: "larger than \(FileReading.maxSize >> 20) MB, which no OpenAPI document needs")
}
