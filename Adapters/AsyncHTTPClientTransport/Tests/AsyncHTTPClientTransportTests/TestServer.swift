import FlyingFox
import FlyingSocks
import Foundation

/// A FlyingFox server on 127.0.0.1 (any free port) answering the transport tests' routes, run for
/// one test and stopped however it ends (Swift Testing has no async tear-down).
@discardableResult
func withServer<T>(
    _ routes: (FlyingFox.HTTPServer) async -> Void, _ body: (URL) async throws -> T
) async throws -> T {
    let server = FlyingFox.HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
    await routes(server)
    let task = Task { try await server.run() }
    do {
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
        let result = try await body(URL(string: "http://127.0.0.1:\(port)")!)
        await server.stop(timeout: 1)
        task.cancel()
        return result
    } catch {
        await server.stop(timeout: 1)
        task.cancel()
        throw error
    }
}

/// What a streamed response body's producer has done, for tests that look at flow control and
/// cancellation from the server's side.
final class ProducerLog: @unchecked Sendable {
    private let lock = NSLock()
    private var produced = 0
    private var done = false

    /// Bytes handed to the server's socket so far.
    var bytes: Int { lock.withLock { produced } }
    /// Whether the server let go of the body's iterator (the body ended or the connection closed).
    var released: Bool { lock.withLock { done } }

    func add(_ count: Int) { lock.withLock { produced += count } }
    func release() { lock.withLock { done = true } }
}

/// `count` bytes of a repeating pattern (byte `i` is `i % 251`), made as the socket takes them.
struct PatternBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let count: Int
    let log: ProducerLog

    func makeAsyncIterator() -> Iterator { Iterator(count: count, log: log) }

    /// Tells the log when the server drops it.
    final class Release: Sendable {
        let log: ProducerLog
        init(_ log: ProducerLog) { self.log = log }
        deinit { log.release() }
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let count: Int
        let log: ProducerLog
        var offset = 0
        let release: Release

        init(count: Int, log: ProducerLog) {
            self.count = count
            self.log = log
            release = Release(log)
        }

        mutating func next() async throws -> UInt8? {
            guard offset < count else { return nil }
            defer { offset += 1 }
            log.add(1)
            return UInt8(offset % 251)
        }

        mutating func nextBuffer(suggested size: Int) async throws -> Data? {
            guard offset < count else { return nil }
            let n = Swift.min(size, count - offset)
            guard n > 0 else { return nil }
            let data = patternSlice(from: offset, count: n)
            offset += data.count
            log.add(n)
            return data
        }
    }
}

/// Whole periods of the pattern, sliced rather than computed byte by byte (tests run unoptimized).
private let period = Data((0..<(251 * 512)).map { UInt8($0 % 251) })

/// Up to `count` bytes of the pattern from position `offset` on (fewer at the end of a period).
func patternSlice(from offset: Int, count: Int) -> Data {
    let start = offset % 251
    return period.subdata(in: start..<Swift.min(period.count, start + count))
}

/// Whether `data` is the pattern from position `offset` on.
func matchesPattern(_ data: Data, at offset: Int) -> Bool {
    var checked = 0
    while checked < data.count {
        let expected = patternSlice(from: offset + checked, count: data.count - checked)
        guard data[data.startIndex + checked ..< data.startIndex + checked + expected.count] == expected else { return false }
        checked += expected.count
    }
    return true
}
