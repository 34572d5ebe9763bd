import AsyncHTTPClient
import FlyingFox
import Foundation
import OpenAPIGenAsyncHTTPClient
import OpenAPIGenRuntime
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The transport over real HTTP on 127.0.0.1: exchanges, streamed bodies both ways, cancellation
/// and failures as the runtime sees them.
@Suite struct TransportTests {
    @Test func statusHeadersAndBodyGoBothWays() async throws {
        let transport = AsyncHTTPClientTransport()
        defer { Task { try await transport.shutdown() } }
        try await withServer({ server in
            await server.appendRoute("POST /echo") { request in
                var headers: FlyingFox.HTTPHeaders = [.contentType: "text/plain"]
                // FlyingFox writes repeats of most fields as one line; Set-Cookie it keeps apart.
                headers.addValue("a=1", for: .setCookie)
                headers.addValue("b=2", for: .setCookie)
                headers[HTTPHeader("X-Seen")] = request.headers[HTTPHeader("X-Custom")] ?? "none"
                headers[HTTPHeader("X-Query")] = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
                return FlyingFox.HTTPResponse(statusCode: .created, headers: headers, body: Data(try await request.bodyData.reversed()))
            }
        }) { url in
            var request = OpenAPIGenRuntime.HTTPRequest(method: "POST", path: "/echo", query: [QueryItem(name: "q", value: "a b&c")])
            request.headers.append("X-Custom", "héllo-ascii-only".replacingOccurrences(of: "é", with: "e"))
            request.body = Data("stressed".utf8)
            let response = try await transport.send(request, baseURL: url)
            #expect(response.status == 201)
            #expect(String(decoding: response.body, as: UTF8.self) == "desserts")
            #expect(response.headers["X-Seen"] == "hello-ascii-only")
            #expect(response.headers["x-query"] == "q=a b&c")
            // Repeated fields stay separate lines, in order.
            #expect(response.headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value) == ["a=1", "b=2"])
            #expect(response.headers["Content-Type"] == "text/plain")

            // The streamed path answers the same, its body read as it arrives.
            let (head, body) = try await transport.stream(request, body: HTTPBody(Data("abc".utf8)), baseURL: url)
            #expect(head.status == 201 && head.body.isEmpty)
            #expect(body.length == .known(3))
            #expect(try await body.collect(upTo: 100) == Data("cba".utf8))
        }
    }

    @Test func aLargeDownloadIsReadAsItArrivesWithBoundedMemory() async throws {
        let transport = AsyncHTTPClientTransport()
        defer { Task { try await transport.shutdown() } }
        let size = 96 << 20
        let log = ProducerLog()
        try await withServer({ server in
            await server.appendRoute("GET /blob") { _ in
                FlyingFox.HTTPResponse(statusCode: .ok, headers: [.contentType: "application/octet-stream"],
                                       body: HTTPBodySequence(from: PatternBytes(count: size, log: log), count: size, suggestedBufferSize: 64 * 1024))
            }
        }) { url in
            let (head, body) = try await transport.stream(OpenAPIGenRuntime.HTTPRequest(path: "/blob"), body: nil, baseURL: url)
            #expect(head.status == 200)
            #expect(body.length == .known(Int64(size)))
            var iterator = body.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            var received = first.count
            var intact = matchesPattern(first, at: 0)
            // A reader that stops: the server gets only as far as the socket buffers (the kernel's,
            // up to 32 + 4 MiB here), AsyncHTTPClient's one buffer and the body's 1 MiB read-ahead.
            try await Task.sleep(for: .milliseconds(300))
            let producedWhilePaused = log.bytes
            #expect(producedWhilePaused < size / 2, "the server produced \(producedWhilePaused) of \(size) bytes for a reader that took one chunk")
            while let chunk = try await iterator.next() {
                intact = intact && matchesPattern(chunk, at: received)
                received += chunk.count
            }
            #expect(received == size)
            #expect(intact)
        }
    }

    @Test func uploadsStreamFromAnAsyncSequence() async throws {
        let transport = AsyncHTTPClientTransport()
        defer { Task { try await transport.shutdown() } }
        try await withServer({ server in
            await server.appendRoute("PUT /count") { request in
                var count = 0
                var sum = 0
                for try await chunk in request.bodySequence {
                    count += chunk.count
                    for byte in chunk { sum = (sum &* 31 &+ Int(byte)) & 0xFFFF_FFFF }
                }
                let framing = request.headers[.contentLength] != nil ? "length" : "chunked"
                return FlyingFox.HTTPResponse(statusCode: .ok, body: Data("\(count) \(sum) \(framing)".utf8))
            }
        }) { url in
            let size = 5 << 20
            var expected = Data()
            while expected.count < size { expected.append(patternSlice(from: expected.count, count: size - expected.count)) }
            var sum = 0
            for byte in expected { sum = (sum &* 31 &+ Int(byte)) & 0xFFFF_FFFF }
            for length in [HTTPBody.Length.unknown, .known(Int64(size))] {
                let chunks = AsyncStream<Data> { continuation in
                    var offset = 0
                    while offset < size {
                        let end = min(offset + 100_003, size)
                        continuation.yield(expected[offset..<end])
                        offset = end
                    }
                    continuation.finish()
                }
                let upload = HTTPBody(chunks, length: length)
                let (head, body) = try await transport.stream(OpenAPIGenRuntime.HTTPRequest(method: "PUT", path: "/count"), body: upload, baseURL: url)
                #expect(head.status == 200)
                let framing = length == .unknown ? "chunked" : "length"
                #expect(String(decoding: try await body.collect(upTo: 100), as: UTF8.self) == "\(size) \(sum) \(framing)")
            }
        }
    }

    @Test func cancellingTheReaderClosesTheConnection() async throws {
        let transport = AsyncHTTPClientTransport()
        defer { Task { try await transport.shutdown() } }
        let log = ProducerLog()
        let size = 1 << 40  // never ends on its own
        try await withServer({ server in
            await server.appendRoute("GET /endless") { _ in
                FlyingFox.HTTPResponse(statusCode: .ok, body: HTTPBodySequence(from: PatternBytes(count: size, log: log), count: size, suggestedBufferSize: 64 * 1024))
            }
        }) { url in
            let (_, body) = try await transport.stream(OpenAPIGenRuntime.HTTPRequest(path: "/endless"), body: nil, baseURL: url)
            let reader = Task {
                var read = 0
                for try await chunk in body { read += chunk.count }
                return read
            }
            #expect(await eventually { log.bytes > 4 << 20 })
            reader.cancel()
            await #expect(throws: CancellationError.self) { _ = try await reader.value }
            // The connection closes, so the server stops producing and lets the body go.
            #expect(await eventually(timeout: .seconds(10)) { log.released }, "the server is still writing \(log.bytes) bytes")
            let stopped = log.bytes
            try await Task.sleep(for: .milliseconds(200))
            #expect(log.bytes == stopped)
        }
    }

    @Test func aBodyDroppedUnreadClosesTheConnection() async throws {
        let transport = AsyncHTTPClientTransport()
        defer { Task { try await transport.shutdown() } }
        let log = ProducerLog()
        let size = 1 << 40
        try await withServer({ server in
            await server.appendRoute("GET /endless") { _ in
                FlyingFox.HTTPResponse(statusCode: .ok, body: HTTPBodySequence(from: PatternBytes(count: size, log: log), count: size, suggestedBufferSize: 64 * 1024))
            }
        }) { url in
            var body: HTTPBody? = try await transport.stream(OpenAPIGenRuntime.HTTPRequest(path: "/endless"), body: nil, baseURL: url).1
            #expect(await eventually { log.bytes > 1 << 20 })
            #expect(body != nil)
            body = nil
            #expect(await eventually(timeout: .seconds(10)) { log.released }, "the server is still writing \(log.bytes) bytes")
        }
    }

    @Test func sendStopsAtTheBodyLimit() async throws {
        let transport = AsyncHTTPClientTransport(options: .init(maximumResponseBytes: 1000))
        defer { Task { try await transport.shutdown() } }
        try await withServer({ server in
            await server.appendRoute("GET /big") { _ in FlyingFox.HTTPResponse(statusCode: .ok, body: Data(count: 1001)) }
            await server.appendRoute("GET /fits") { _ in FlyingFox.HTTPResponse(statusCode: .ok, body: Data(count: 1000)) }
        }) { url in
            await #expect(throws: HTTPBodyError.tooLarge(limit: 1000)) {
                _ = try await transport.send(OpenAPIGenRuntime.HTTPRequest(path: "/big"), baseURL: url)
            }
            let fits = try await transport.send(OpenAPIGenRuntime.HTTPRequest(path: "/fits"), baseURL: url)
            #expect(fits.body.count == 1000)
        }
    }

    @Test func aRefusedConnectionIsNotSentAndRetriedAsSuch() async throws {
        // Connection failures are retried by AsyncHTTPClient's pool until the connect timeout.
        let transport = AsyncHTTPClientTransport(configuration: HTTPClient.Configuration(timeout: .init(connect: .milliseconds(300))))
        defer { Task { try await transport.shutdown() } }
        let url = URL(string: "http://127.0.0.1:\(try unusedPort())")!
        await #expect {
            _ = try await transport.send(OpenAPIGenRuntime.HTTPRequest(path: "/"), baseURL: url)
        } throws: { error in
            (error as? URLError)?.code == .cannotConnectToHost
        }

        // The runtime resends a POST only when it provably never left: a refused connection.
        let attempts = Attempts()
        let core = ClientCore(baseURL: url, transport: CountingTransport(base: transport, attempts: attempts),
                              options: ClientOptions(retry: RetryPolicy(maxAttempts: 3, sleep: { _ in })))
        await #expect {
            _ = try await core.send(OpenAPIGenRuntime.HTTPRequest(method: "POST", path: "/jobs", body: Data("{}".utf8)), operationID: "submit")
        } throws: { error in
            guard case ClientError.transport(_, let underlying) = error else { return false }
            return (underlying as? URLError)?.code == .cannotConnectToHost
        }
        #expect(attempts.count == 3)
    }

    @Test func aCallerOwnedClientIsLeftRunning() async throws {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        try await withServer({ server in
            await server.appendRoute("GET /ok") { _ in FlyingFox.HTTPResponse(statusCode: .ok, body: Data("ok".utf8)) }
        }) { url in
            let transport = AsyncHTTPClientTransport(client: client)
            try await transport.shutdown()
            // Still usable: the transport does not own it.
            let response = try await transport.send(OpenAPIGenRuntime.HTTPRequest(path: "/ok"), baseURL: url)
            #expect(response.status == 200 && response.body == Data("ok".utf8))
        }
        try await client.shutdown()
    }

    @Test func aResponseHeadThatIsLateTimesOut() async throws {
        let transport = AsyncHTTPClientTransport(options: .init(timeout: .milliseconds(200)))
        defer { Task { try await transport.shutdown() } }
        try await withServer({ server in
            await server.appendRoute("GET /slow") { _ in
                try await Task.sleep(for: .seconds(3))
                return FlyingFox.HTTPResponse(statusCode: .ok)
            }
        }) { url in
            await #expect {
                _ = try await transport.send(OpenAPIGenRuntime.HTTPRequest(path: "/slow"), baseURL: url)
            } throws: { error in
                (error as? URLError)?.code == .timedOut
            }
        }
    }
}

/// How many attempts went through a ``CountingTransport``.
final class Attempts: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}

/// Counts the attempts a client makes through `base`.
struct CountingTransport: HTTPTransport {
    let base: any HTTPTransport
    let attempts: Attempts

    func send(_ request: OpenAPIGenRuntime.HTTPRequest, baseURL: URL) async throws -> OpenAPIGenRuntime.HTTPResponse {
        attempts.add()
        return try await base.send(request, baseURL: baseURL)
    }
}

/// A port on 127.0.0.1 nothing listens on: bound, then closed.
func unusedPort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
            guard bind(fd, pointer, length) == 0 else { return -1 }
            return getsockname(fd, pointer, &length)
        }
    }
    guard bound == 0 else { throw URLError(.cannotConnectToHost) }
    return UInt16(bigEndian: address.sin_port)
}

/// Polls `condition` until it holds, for at most `timeout`; returns whether it held.
func eventually(timeout: Duration = .seconds(5), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}
