import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on a loopback port, over POSIX sockets, for tests that must cross
/// a real socket (the method and query string as `URLSession` really sends them) without the
/// root package depending on a server library.
///
/// One connection at a time, one request per connection (`Connection: close`); every request
/// is recorded and answered by `reply`.
public final class LocalHTTPServer: @unchecked Sendable {
    /// A request as it arrived.
    public struct Received: Sendable {
        public var method: String
        /// The request target: path and query, as sent.
        public var target: String
        public var headers: [String: String]
        public var body: Data
    }

    /// The reply to a request.
    public struct Reply: Sendable {
        public var status: Int
        public var contentType: String?
        public var body: Data
        public init(status: Int, contentType: String? = nil, body: Data = Data()) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    public let port: UInt16
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    private let listener: Int32
    private let reply: @Sendable (Received) -> Reply
    private let lock = NSLock()
    private var received: [Received] = []
    private var stopped = false

    public init(reply: @escaping @Sendable (Received) -> Reply) throws {
        self.reply = reply
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Every request received so far, in order.
    public var requests: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Stops accepting; the accept loop ends and closes the socket. Only the loop closes it, so
    /// its descriptor number cannot be reused by another server while this loop still uses it.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0, errno == EINTR { continue }
            guard client >= 0 else { return }
            if let request = read(client) {
                lock.lock()
                received.append(request)
                lock.unlock()
                write(reply(request), to: client)
            }
            close(client)
        }
    }

    private func read(_ client: Int32) -> Received? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        while data.range(of: separator) == nil {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
        }
        let headerEnd = data.range(of: separator)!
        let head = String(decoding: data[..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[headerEnd.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return Received(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func write(_ reply: Reply, to client: Int32) {
        var head = "HTTP/1.1 \(reply.status) Status\r\nContent-Length: \(reply.body.count)\r\nConnection: close\r\n"
        if let contentType = reply.contentType { head += "Content-Type: \(contentType)\r\n" }
        let bytes = Data((head + "\r\n").utf8) + reply.body
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }

    deinit { stop() }
}
