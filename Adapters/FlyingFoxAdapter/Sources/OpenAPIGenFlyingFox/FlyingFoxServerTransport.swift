import FlyingFox
import FlyingSocks
import Foundation
import OpenAPIGenRuntime

/// Runs a generated server on FlyingFox.
///
/// ```swift
/// let transport = FlyingFoxServerTransport(port: 8080)
/// try await MyService().registerHandlers(on: transport)
/// try await transport.run()
/// ```
public actor FlyingFoxServerTransport: ServerTransport {
    private let host: String
    private let port: UInt16
    private let timeout: Duration
    private let keepsConnectionsAlive: Bool
    private var handler: ServerHandler?
    /// Methods beyond the nine FlyingFox routes by default (OpenAPI 3.2's `QUERY`, `LINK`, …).
    private var extraMethods: Set<String> = []
    private var server: HTTPServer?
    private var running: Task<Void, any Error>?

    /// A transport listening on `host`:`port` (0 picks a free port; see ``start()``).
    ///
    /// `keepsConnectionsAlive` is off by default: FlyingFox writes a response's head and body
    /// separately without `TCP_NODELAY`, so on a kept-alive connection Nagle's algorithm holds the
    /// body until the client's delayed ACK (about 40 ms per response on Linux). `timeout` bounds
    /// each request; FlyingFox answers 500 past it.
    public init(host: String = "127.0.0.1", port: UInt16 = 8080, timeout: Duration = .seconds(15), keepsConnectionsAlive: Bool = false) {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.keepsConnectionsAlive = keepsConnectionsAlive
    }

    /// Sends every request to `handler` (the last one registered wins).
    public func register(_ handler: @escaping ServerHandler) async throws {
        self.handler = handler
    }

    /// Sends every request to `handler`, including those with the non-standard `methods`.
    public func register(_ handler: @escaping ServerHandler, methods: Set<String>) async throws {
        self.handler = handler
        extraMethods = methods.subtracting(HTTPMethod.allMethods.map(\.rawValue))
    }

    /// Serves until the task is cancelled or ``stop()`` is called.
    public func run() async throws {
        let server = try await makeServer()
        try await server.run()
    }

    /// Starts serving in the background and returns the base URL once the socket listens
    /// (within 5 seconds), for tests and tools that need the port.
    @discardableResult
    public func start() async throws -> URL {
        let server = try await makeServer()
        let task = Task { try await server.run() }
        running = task
        let deadline = ContinuousClock.now + .seconds(5)
        while await !server.isListening {
            guard ContinuousClock.now < deadline else {
                await stop()
                throw FlyingFoxTransportError.notListening
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        guard case .ip4(_, let port) = await server.listeningAddress, let url = URL(string: "http://\(host):\(port)") else {
            await stop()
            throw FlyingFoxTransportError.notListening
        }
        return url
    }

    /// Stops listening and closes open connections.
    public func stop() async {
        await server?.stop(timeout: 0)
        running?.cancel()
        _ = await running?.result
        server = nil
        running = nil
    }

    private func makeServer() async throws -> HTTPServer {
        guard let handler else { throw FlyingFoxTransportError.noHandler }
        let (seconds, attoseconds) = timeout.components
        let adapter = Adapter(handler: handler, keepsConnectionsAlive: keepsConnectionsAlive)
        let server = HTTPServer(
            address: try .inet(ip4: host, port: port),
            timeout: Double(seconds) + Double(attoseconds) / 1e18,
            logger: .disabled,
            handler: adapter)
        if !extraMethods.isEmpty {
            // FlyingFox's catch-all route covers its nine methods only.
            await server.appendRoute(HTTPRoute(methods: extraMethods.sorted().map { HTTPMethod($0) }, path: "*"), to: adapter)
        }
        self.server = server
        return server
    }
}

/// Why the transport could not serve.
public enum FlyingFoxTransportError: Error, Sendable {
    /// ``FlyingFoxServerTransport/run()`` or ``FlyingFoxServerTransport/start()`` before any
    /// `register`.
    case noHandler
    /// The socket was not listening within 5 seconds.
    case notListening
}

/// FlyingFox's request in, the runtime's request out, and back.
private struct Adapter: HTTPHandler {
    let handler: ServerHandler
    let keepsConnectionsAlive: Bool

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        var fields = HTTPFields()
        for (name, value) in request.headers {
            fields.append(name.rawValue, value)
        }
        let query = request.target.query(percentEncoded: true)
        var head = OpenAPIGenRuntime.HTTPRequest(method: request.method.rawValue, path: request.target.path(percentEncoded: true), headers: fields)
        head.queryString = query
        let body: HTTPBody
        if let count = request.bodySequence.count, count <= Self.bufferedBodyBytes {
            // Small bodies are read at once; larger ones stream, so the server's limit can
            // refuse them before they are in memory.
            body = HTTPBody(try await request.bodyData)
        } else {
            body = HTTPBody(request.bodySequence, length: request.bodySequence.count.map { .known(Int64($0)) } ?? .unknown)
        }
        let (response, responseBody) = await handler(head, body)
        var headers = HTTPHeaders()
        for field in response.headers {
            headers.addValue(field.value, for: HTTPHeader(field.name))
        }
        if !keepsConnectionsAlive { headers[.connection] = "close" }
        let sequence: HTTPBodySequence
        if let data = responseBody.bufferedData {
            sequence = HTTPBodySequence(data: data)
        } else if case .known(let length) = responseBody.length {
            sequence = HTTPBodySequence(from: BodyBytes(body: responseBody), count: Int(length))
        } else {
            sequence = HTTPBodySequence(from: BodyBytes(body: responseBody))
        }
        return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)),
                                      headers: headers, body: sequence)
    }

    static let bufferedBodyBytes = 64 * 1024

    private static func phrase(_ status: Int) -> String {
        [200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 304: "Not Modified", 400: "Bad Request",
         401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
         413: "Content Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Content", 429: "Too Many Requests",
         500: "Internal Server Error", 503: "Service Unavailable"][status] ?? "Status \(status)"
    }
}

/// A runtime body as the byte sequence FlyingFox writes (chunked when its length is unknown).
private struct BodyBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let body: HTTPBody

    func makeAsyncIterator() -> Iterator { Iterator(chunks: body.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: HTTPBody.Iterator
        var pending = Data()

        mutating func next() async throws -> UInt8? {
            guard try await fill() else { return nil }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard try await fill() else { return nil }
            let taken = pending.prefix(count)
            pending = Data(pending.dropFirst(taken.count))
            return Data(taken)
        }

        /// True when a byte is pending, reading chunks until one is.
        private mutating func fill() async throws -> Bool {
            while pending.isEmpty {
                guard let chunk = try await chunks.next() else { return false }
                pending = chunk
            }
            return true
        }
    }
}
