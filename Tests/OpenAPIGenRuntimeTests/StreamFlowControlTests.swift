import ClientTestSupport
import Foundation
@testable import OpenAPIGenRuntime
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `count` chunks of 256 KiB, chunk `i` filled with the byte `i & 0xFF`, written as the socket
/// takes them (the server thread blocks while the client does not read).
private func blob(chunks count: Int) -> LocalReply {
    let chunks = (0..<256).map { Data(repeating: UInt8($0), count: 256 * 1024) }
    return .chunks(status: 200, headers: [("Content-Type", "application/octet-stream")], body: AsyncStream { continuation in
        for i in 0..<count { continuation.yield(chunks[i & 0xFF]) }
        continuation.finish()
    })
}

private func transport(limit: Int, readerStallLimit: Duration = .seconds(1), uploads: URLSessionTransport.UploadMode = .streamed,
                       requestTimeout: TimeInterval = 60) -> URLSessionTransport {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = requestTimeout
    return URLSessionTransport(configuration: configuration, streaming: .init(responseBufferLimit: limit, readerStallLimit: readerStallLimit, uploads: uploads))
}

/// Reads `body`, sleeping `pause` after each chunk of the first `slowBytes`; returns the byte
/// count after checking every chunk's first and last byte against `blob`'s pattern.
private func read(_ body: HTTPBody, slowBytes: Int, pause: Duration) async throws -> Int {
    var offset = 0
    for try await chunk in body {
        guard let first = chunk.first, let last = chunk.last else { continue }
        #expect(first == UInt8((offset / (256 * 1024)) & 0xFF))
        #expect(last == UInt8(((offset + chunk.count - 1) / (256 * 1024)) & 0xFF))
        offset += chunk.count
        if offset < slowBytes { try await Task.sleep(for: pause) }
    }
    return offset
}

private struct ProducerFailure: Error, Equatable {}

// One at a time, like the golden streaming suite: they share FoundationNetworking's work queue.
@Suite("Streamed bodies: flow control and uploads over real HTTP", .serialized) struct StreamFlowControlTests {
    @Test func aSlowReaderKeepsTheBufferedBytesUnderTheMark() async throws {
        let limit = 1 << 20
        try await withLocalServer(["GET /blob": { _ in blob(chunks: 128) }]) { url in
            // A loaded CI machine can leave the reader's task unscheduled for over a second, which
            // the default stall limit reads as a reader waiting elsewhere: this test is about the
            // mark, so only a far longer silence may lift it (aReaderWaitingOnAnotherRequest… covers the lift).
            let client = ClientCore(baseURL: url, transport: transport(limit: limit, readerStallLimit: .seconds(30)))
            let (_, body) = try await client.stream(HTTPRequest(method: "GET", path: "/blob"), operationID: "blob")
            // 32 MiB, the first 8 read a chunk per millisecond: far slower than loopback delivers.
            let total = try await read(body, slowBytes: 8 << 20, pause: .milliseconds(1))
            #expect(total == 128 * 256 * 1024)
            #expect(body.peakBufferedBytes <= limit)
            // The mark was reached: without flow control the reader would have fallen far behind.
            #expect(body.peakBufferedBytes > limit / 2)
        }
    }

    @Test func withoutAMarkASlowReaderBuffersFarMore() async throws {
        // The contrast that shows the first test measures something: the same reader, no bound.
        try await withLocalServer(["GET /blob": { _ in blob(chunks: 64) }]) { url in
            let client = ClientCore(baseURL: url, transport: transport(limit: .max))
            let (_, body) = try await client.stream(HTTPRequest(method: "GET", path: "/blob"), operationID: "blob")
            let total = try await read(body, slowBytes: 4 << 20, pause: .milliseconds(1))
            #expect(total == 64 * 256 * 1024)
            #expect(body.peakBufferedBytes > 4 << 20)
        }
    }

    @Test func aReaderWaitingOnAnotherRequestDoesNotDeadlockIt() async throws {
        // The reader stops reading a full stream to make another request of the same process,
        // which needs the work queue the stream's wait holds: the mark lifts after a second.
        try await withLocalServer([
            "GET /blob": { _ in blob(chunks: 64) },
            "GET /ping": { _ in .data(status: 200, headers: [("Content-Type", "text/plain")], body: Data("pong".utf8)) },
        ]) { url in
            let client = ClientCore(baseURL: url, transport: transport(limit: 256 * 1024))
            let (_, body) = try await client.stream(HTTPRequest(method: "GET", path: "/blob"), operationID: "blob")
            var iterator = body.makeAsyncIterator()
            _ = try await iterator.next()
            try await Task.sleep(for: .milliseconds(200))
            let started = ContinuousClock.now
            let pong = try await client.send(HTTPRequest(method: "GET", path: "/ping"), operationID: "ping")
            #expect(pong.body == Data("pong".utf8))
            #expect(ContinuousClock.now - started < .seconds(15))
            var rest = 0
            while let chunk = try await iterator.next() { rest += chunk.count }
            #expect(rest > 0)
        }
    }

    @Test func aStreamedUploadReachesTheServerWhileItIsProduced() async throws {
        let result = try await upload(mode: .streamed)
        // The server read the first chunk before the producer made the second.
        #expect(result.seenBeforeLast)
        #expect(result.stored == 8 * 64 * 1024)
    }

    @Test func aSpooledUploadIsSentOnlyOnceProduced() async throws {
        // The contrast: spooled, nothing reaches the server while the producer waits for it.
        let result = try await upload(mode: .spooledToFile, patience: .seconds(1))
        #expect(!result.seenBeforeLast)
        #expect(result.stored == 8 * 64 * 1024)
    }

    /// Uploads 8 chunks of 64 KiB to a server of its own (stopped before it returns, so that its
    /// sockets are gone before the next test's server opens any); after the first chunk, the
    /// producer waits (at most `patience`) for the server to have read it.
    private func upload(mode: URLSessionTransport.UploadMode, patience: Duration = .seconds(10)) async throws
        -> (seenBeforeLast: Bool, stored: Int) {
        let server = try await LocalHTTPServer.start(["PUT /upload": { request in
            .data(status: 200, headers: [("Content-Type", "text/plain")], body: Data("\(request.bytes.count)".utf8))
        }])
        do {
            let result = try await upload(to: server, mode: mode, patience: patience)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private func upload(to server: LocalHTTPServer, mode: URLSessionTransport.UploadMode, patience: Duration) async throws
        -> (seenBeforeLast: Bool, stored: Int) {
        let seen = Flag()
        let produced = AsyncStream<Data> { continuation in
            let producer = Task {
                continuation.yield(Data(repeating: 1, count: 64 * 1024))
                let deadline = ContinuousClock.now + patience
                while ContinuousClock.now < deadline {
                    if server.requestBodyBytesReceived >= 64 * 1024 {
                        seen.set()
                        break
                    }
                    try? await Task.sleep(for: .milliseconds(10))
                }
                for i in 2...8 { continuation.yield(Data(repeating: UInt8(i), count: 64 * 1024)) }
                continuation.finish()
            }
            continuation.onTermination = { _ in producer.cancel() }
        }
        let client = ClientCore(baseURL: server.baseURL, transport: transport(limit: 4 << 20, uploads: mode))
        let (response, body) = try await client.stream(HTTPRequest(method: "PUT", path: "/upload"), upload: HTTPBody(produced), operationID: "upload")
        #expect(response.status == 200)
        let text = String(decoding: try await body.collect(upTo: 1024), as: UTF8.self)
        return (seen.isSet, Int(text) ?? -1)
    }

    @Test func aDownloadRelayedAsAnUploadDoesNotDeadlock() async throws {
        // The upload's bytes come from a response of the same transport: a blocking read of them
        // would hold the queue that delivers them. The transport spools such a body instead.
        try await withLocalServer([
            // Slower than the upload can send: a blocking read of it would catch up and wait.
            "GET /slow": { _ in
                .chunks(status: 200, headers: [("Content-Type", "application/octet-stream")], body: AsyncStream { continuation in
                    let writer = Task {
                        for i in 0..<16 {
                            continuation.yield(Data(repeating: UInt8(i), count: 64 * 1024))
                            try? await Task.sleep(for: .milliseconds(20))
                        }
                        continuation.finish()
                    }
                    continuation.onTermination = { _ in writer.cancel() }
                })
            },
            "PUT /upload": { request in .data(status: 200, headers: [("Content-Type", "text/plain")], body: Data("\(request.bytes.count)".utf8)) },
        ]) { url in
            let client = transport(limit: 256 * 1024, requestTimeout: 5)
            let (_, download) = try await client.stream(HTTPRequest(method: "GET", path: "/slow"), body: nil, baseURL: url)
            let (response, body) = try await client.stream(HTTPRequest(method: "PUT", path: "/upload"), body: download, baseURL: url)
            #expect(response.status == 200)
            #expect(String(decoding: try await body.collect(upTo: 1024), as: UTF8.self) == "\(16 * 64 * 1024)")
        }
    }

    @Test func anUploadWhoseProducerFailsReportsTheProducersError() async throws {
        try await withLocalServer(["PUT /upload": { _ in .data(status: 200, headers: [], body: Data()) }]) { url in
            let produced = AsyncThrowingStream<Data, any Error> { continuation in
                continuation.yield(Data(repeating: 1, count: 1024))
                continuation.finish(throwing: ProducerFailure())
            }
            let client = transport(limit: 4 << 20)
            await #expect(throws: ProducerFailure.self) {
                let (_, body) = try await client.stream(HTTPRequest(method: "PUT", path: "/upload"), body: HTTPBody(produced), baseURL: url)
                _ = try await body.collect(upTo: 1024)
            }
        }
    }

    @Test func anUploadWhoseProducerFallsSilentFailsAsStalled() async throws {
        try await withLocalServer(["PUT /upload": { _ in .data(status: 200, headers: [], body: Data()) }]) { url in
            let produced = AsyncStream<Data> { continuation in
                let producer = Task {
                    continuation.yield(Data(repeating: 1, count: 1024))
                    try? await Task.sleep(for: .seconds(30))
                    continuation.finish()
                }
                continuation.onTermination = { _ in producer.cancel() }
            }
            let client = transport(limit: 4 << 20, requestTimeout: 1)
            let started = ContinuousClock.now
            await #expect(throws: HTTPBodyError.stalled(seconds: 1)) {
                let (_, body) = try await client.stream(HTTPRequest(method: "PUT", path: "/upload"), body: HTTPBody(produced), baseURL: url)
                _ = try await body.collect(upTo: 1024)
            }
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }
}

/// Set once, read from anywhere.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
