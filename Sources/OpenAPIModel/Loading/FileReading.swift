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
        // Read straight into the array: no zero-filling and no intermediate chunk, which matter
        // when a document is spread over thousands of small files.
        var capacity = max(Int(info.st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            var failure: Int32 = 0
            var reachedEnd = false
            let start = bytes.count
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var filled = 0
                if start > 0 {
                    _ = bytes.withUnsafeBufferPointer { old in memcpy(buffer.baseAddress!, old.baseAddress!, start) }
                    filled = start
                }
                while filled < buffer.count {
                    let count = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if count == 0 {
                        reachedEnd = true
                        break
                    }
                    filled += count
                }
                initialized = filled
            }
            if failure != 0 { return .failure(ReadFailure(errno: failure)) }
            if reachedEnd { break }
            // The file grew while being read, or `st_size` was not its size (a pipe).
            capacity *= 2
        }
        return .success(bytes)
    }
}

/// Why a file could not be read, in the operating system's words.
struct ReadFailure: Error, Sendable {
    var reason: String

    init(errno code: Int32) {
        reason = String(cString: strerror(code))
    }
}
