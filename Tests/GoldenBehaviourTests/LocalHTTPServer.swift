import FlyingFox
import FlyingSocks
import Foundation

// The only file of this target that sees FlyingFox: its `HTTPRequest`/`HTTPResponse` share
// their names with the runtime's.

/// What a route answers: a body at once, or chunks written as they are produced (chunked
/// transfer encoding), so tests see a client read a body while it arrives.
enum LocalReply: Sendable {
    case data(status: Int, headers: [(String, String)], body: Data)
    case chunks(status: Int, headers: [(String, String)], body: AsyncStream<Data>)
}

/// A request as a route sees it; `body` is read as it arrives.
struct LocalRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: @Sendable () async throws -> AsyncThrowingStream<Data, any Error>
}

/// A real HTTP/1.1 server on 127.0.0.1 and a free port, for tests over real sockets.
final class LocalHTTPServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    let baseURL: URL

    private init(server: HTTPServer, task: Task<Void, any Error>, baseURL: URL) {
        self.server = server
        self.task = task
        self.baseURL = baseURL
    }

    /// Starts a server answering `"METHOD /path"` routes.
    static func start(_ routes: [String: @Sendable (LocalRequest) async throws -> LocalReply]) async throws -> LocalHTTPServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
        for (route, handler) in routes {
            await server.appendRoute(HTTPRoute(route)) { request in
                let local = LocalRequest(
                    method: request.method.rawValue, path: request.path,
                    query: Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    headers: Dictionary(request.headers.map { ($0.key.rawValue.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a }),
                    body: {
                        let sequence = request.bodySequence
                        return AsyncThrowingStream { continuation in
                            let reader = Task {
                                do {
                                    for try await chunk in sequence { continuation.yield(chunk) }
                                    continuation.finish()
                                } catch {
                                    continuation.finish(throwing: error)
                                }
                            }
                            continuation.onTermination = { _ in reader.cancel() }
                        }
                    })
                switch try await handler(local) {
                case .data(let status, let headers, let body):
                    return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status"), headers: fields(headers), body: body)
                case .chunks(let status, let headers, let body):
                    return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status"), headers: fields(headers),
                                        body: HTTPBodySequence(from: ByteChunks(chunks: body), suggestedBufferSize: 64 * 1024))
                }
            }
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress, let url = URL(string: "http://127.0.0.1:\(port)") else {
            await server.stop()
            task.cancel()
            throw URLError(.cannotConnectToHost)
        }
        return LocalHTTPServer(server: server, task: task, baseURL: url)
    }

    func stop() async {
        await server.stop()
        task.cancel()
    }

    private static func fields(_ pairs: [(String, String)]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in pairs { headers.addValue(value, for: HTTPHeader(name)) }
        return headers
    }
}

/// Runs `body` against a server started for it alone, stopped however `body` ends.
func withLocalServer<T>(
    _ routes: [String: @Sendable (LocalRequest) async throws -> LocalReply], _ body: (URL) async throws -> T
) async throws -> T {
    let server = try await LocalHTTPServer.start(routes)
    do {
        let result = try await body(server.baseURL)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Chunks of `Data` as the byte sequence FlyingFox writes a streamed body from.
private struct ByteChunks: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let chunks: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: AsyncStream<Data>.Iterator
        var current = Data()

        mutating func next() async throws -> UInt8? {
            while current.isEmpty {
                guard let next = await chunks.next() else { return nil }
                current = next
            }
            return current.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            while current.isEmpty {
                guard let next = await chunks.next() else { return nil }
                current = next
            }
            let n = Swift.min(count, current.count)
            let slice = current.prefix(n)
            current = current.dropFirst(n)
            return Data(slice)
        }
    }
}
