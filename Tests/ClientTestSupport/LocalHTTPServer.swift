import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small HTTP/1.1 server on POSIX sockets, for tests that need a real peer over real sockets.
// It is written here rather than taken from an HTTP server package because the root package
// depends on swift-log alone: every dependency of its manifest is resolved by every consumer.
// Blocking socket work runs on threads of its own, never on Swift concurrency's pool, so a slow
// peer cannot starve the client under test.

/// What a route answers: a body at once, or chunks written as they are produced (chunked
/// transfer encoding), so tests see a client read a body while it arrives.
public enum LocalReply: Sendable {
    case data(status: Int, headers: [(String, String)], body: Data)
    case chunks(status: Int, headers: [(String, String)], body: AsyncStream<Data>)
}

/// A request as a route sees it. Header names are lower-cased; the body was read whole before
/// the route runs and is handed over in chunks (`body()`), or at once (`bytes`).
public struct LocalRequest: Sendable {
    public var method: String
    /// The request target as sent: the path and the query string, still percent-encoded.
    public var target: String
    public var path: String
    /// The query's first value for each name, percent-decoded.
    public var query: [String: String]
    public var headers: [String: String]
    public var bytes: Data
    public var body: @Sendable () async throws -> AsyncThrowingStream<Data, any Error>
}

/// Answers the requests a route matches. `"METHOD /path"` keys name routes (a `:name` segment
/// matches any segment); the key `"*"` matches every request no other route does.
public typealias LocalRoute = @Sendable (LocalRequest) async throws -> LocalReply

/// A real HTTP/1.1 server on 127.0.0.1 and a free port.
public final class LocalHTTPServer: @unchecked Sendable {
    public let baseURL: URL
    private let listener: Int32
    private let routes: [(method: String, segments: [Substring], handler: LocalRoute)]
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false
    private var bodyBytes = 0

    /// Request body bytes read off the sockets so far, counted as they arrive (before a route
    /// runs): how a test sees an upload reach the server while the client still produces it.
    public var requestBodyBytesReceived: Int { lock.withLock { bodyBytes } }

    private init(listener: Int32, port: UInt16, routes: [String: LocalRoute]) {
        self.listener = listener
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        // "*" sorts before any method, so it is tried last.
        self.routes = routes.sorted { $0.key > $1.key }.map { route, handler in
            let parts = route.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].split(separator: "/") : [], handler)
        }
    }

    /// Starts a server answering `"METHOD /path"` routes; a `:name` segment matches any segment.
    public static func start(_ routes: [String: LocalRoute]) async throws -> LocalHTTPServer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let server = LocalHTTPServer(listener: fd, port: UInt16(bigEndian: address.sin_port), routes: routes)
        let thread = Thread { server.acceptLoop() }
        thread.name = "LocalHTTPServer.accept"
        thread.start()
        return server
    }

    /// Closes the listening socket and every open connection.
    public func stop() async {
        // The connections are shut down under the lock: a connection's thread leaves the set
        // under it before closing its socket, so no number shut down here can belong to a socket
        // opened since (another server's, in the next test).
        lock.withLock {
            stopped = true
            for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let admitted = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                connections.insert(fd)
                return true
            }
            guard admitted else {
                close(fd)
                return
            }
            let thread = Thread { [self] in
                serve(Connection(fd: fd) { [self] n in lock.withLock { bodyBytes += n } })
                lock.withLock { _ = connections.remove(fd) }
                close(fd)
            }
            thread.name = "LocalHTTPServer.connection"
            thread.start()
        }
    }

    /// Answers requests on one connection until the peer closes it or a write fails.
    private func serve(_ connection: Connection) {
        while let head = connection.readHead() {
            guard let body = connection.readBody(head) else { return }
            let reply = run(head, body: body)
            guard connection.write(reply) else { return }
            if head.headers["connection"]?.lowercased() == "close" { return }
        }
    }

    /// Runs the matching route on Swift concurrency and waits for its reply on this thread.
    private func run(_ head: RequestHead, body: Data) -> LocalReply {
        let pathPart = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(pathPart[0])
        var query: [String: String] = [:]
        if pathPart.count > 1 {
            for pair in pathPart[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
                if query[name] == nil { query[name] = value }
            }
        }
        let segments = path.split(separator: "/")
        guard let route = routes.first(where: { route in
            route.method == "*" || route.method == head.method && route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }) else {
            return .data(status: 404, headers: [("Content-Type", "text/plain")], body: Data("no route for \(head.method) \(path)".utf8))
        }
        let request = LocalRequest(method: head.method, target: head.target, path: path, query: query, headers: head.headers, bytes: body, body: {
            AsyncThrowingStream { continuation in
                var offset = 0
                while offset < body.count {
                    let end = min(offset + 64 * 1024, body.count)
                    continuation.yield(body.subdata(in: offset..<end))
                    offset = end
                }
                continuation.finish()
            }
        })
        let outcome = Outcome()
        let handler = route.handler
        Task {
            do {
                outcome.resolve(try await handler(request))
            } catch {
                outcome.resolve(.data(status: 500, headers: [("Content-Type", "text/plain")], body: Data("\(error)".utf8)))
            }
        }
        return outcome.wait()
    }
}

/// Runs `body` against a server started for it alone, stopped however `body` ends.
public func withLocalServer<T>(_ routes: [String: LocalRoute], _ body: (URL) async throws -> T) async throws -> T {
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

/// The request line and header fields of one request.
private struct RequestHead {
    var method: String
    var target: String
    var headers: [String: String]
}

/// A route's reply, handed from the task that computed it to the connection's thread.
private final class Outcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var reply: LocalReply?

    func resolve(_ reply: LocalReply) {
        self.reply = reply
        done.signal()
    }

    func wait() -> LocalReply {
        done.wait()
        return reply!
    }
}

/// Chunks of a streamed reply, moved from the task reading the route's stream to the thread
/// writing the socket. `nil` marks the end.
private final class ChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private var chunks: [Data?] = []

    func push(_ chunk: Data?) {
        lock.withLock { chunks.append(chunk) }
        available.signal()
    }

    func pop() -> Data? {
        available.wait()
        return lock.withLock { chunks.removeFirst() }
    }
}

/// Blocking reads and writes on one accepted socket.
private final class Connection {
    let fd: Int32
    private var buffer: [UInt8] = []
    private let bodyBytesRead: (Int) -> Void

    init(fd: Int32, bodyBytesRead: @escaping (Int) -> Void) {
        self.fd = fd
        self.bodyBytesRead = bodyBytesRead
    }

    /// Reads until the end of the header block; nil when the peer closed the connection.
    func readHead() -> RequestHead? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while end == nil {
            end = firstRange(of: terminator).map { $0 + 4 }
            if end == nil, !fill() { return nil }
        }
        let text = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end!)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return RequestHead(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }

    /// The request's body, by Content-Length or chunked transfer coding; nil when the peer
    /// closed the connection before it was whole.
    func readBody(_ head: RequestHead) -> Data? {
        if head.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            var body = Data()
            while true {
                guard let sizeLine = readLine(), let size = Int(sizeLine.split(separator: ";")[0].trimmingCharacters(in: .whitespaces), radix: 16)
                else { return nil }
                if size == 0 {
                    while let trailer = readLine(), !trailer.isEmpty {}
                    return body
                }
                guard let chunk = read(count: size), readLine() != nil else { return nil }
                bodyBytesRead(size)
                body.append(chunk)
            }
        }
        let length = Int(head.headers["content-length"] ?? "0") ?? 0
        let body = read(count: length)
        if body != nil { bodyBytesRead(length) }
        return body
    }

    /// Writes the reply; false when the peer is gone.
    func write(_ reply: LocalReply) -> Bool {
        switch reply {
        case .data(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) Status\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Content-Length: \(body.count)\r\n\r\n"
            return send(Data(head.utf8)) && send(body)
        case .chunks(let status, let headers, let stream):
            var head = "HTTP/1.1 \(status) Status\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Transfer-Encoding: chunked\r\n\r\n"
            guard send(Data(head.utf8)) else { return false }
            let queue = ChunkQueue()
            // Cancelling this task ends the route's stream, which is how a route learns that the
            // client went away (its `onTermination` runs).
            let reader = Task {
                for await chunk in stream {
                    queue.push(chunk)
                }
                queue.push(nil)
            }
            while let chunk = queue.pop() {
                // A peer that closed its end is noticed before writing to it, not one write later.
                guard !peerClosed(), chunk.isEmpty || send(Data((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Data("\r\n".utf8)) else {
                    reader.cancel()
                    return false
                }
            }
            return send(Data("0\r\n\r\n".utf8))
        }
    }

    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = Darwin.send(fd, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Whether the peer has closed the connection (end of stream or an error pending), without
    /// waiting or consuming anything.
    private func peerClosed() -> Bool {
        var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&probe, 1, 0) > 0 else { return false }
        if probe.revents & Int16(POLLERR | POLLHUP) != 0 { return true }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0
    }

    /// Reads more bytes into the buffer; false at the end of the stream or on an error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    private func read(count: Int) -> Data? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        let data = Data(buffer[0..<count])
        buffer.removeFirst(count)
        return data
    }

    private func readLine() -> String? {
        var end: Int?
        while end == nil {
            end = firstRange(of: [13, 10])
            if end == nil, !fill() { return nil }
        }
        let line = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 2)
        return line
    }

    private func firstRange(of pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for i in 0...(buffer.count - pattern.count) where buffer[i] == pattern[0] {
            if Array(buffer[i..<(i + pattern.count)]) == pattern { return i }
        }
        return nil
    }
}
