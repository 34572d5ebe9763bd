import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FlyingSocks
import OpenAPIGenFlyingFox
import OpenAPIGenRuntime

/// What an echo handler saw: each input it was called with and the request context around it.
actor Recorder {
    private(set) var inputs: [any Sendable] = []
    private(set) var contexts: [RequestContext] = []

    func record(_ input: any Sendable) {
        inputs.append(input)
        if let context = RequestContext.current { contexts.append(context) }
    }

    func last<T>(_ type: T.Type) -> T? { inputs.last as? T }
}

/// A generated server on FlyingFox on a free port of 127.0.0.1, stopped by `body`'s end.
func serving<T>(
    _ register: (FlyingFoxServerTransport) async throws -> Void, _ body: (URL) async throws -> T
) async throws -> T {
    let transport = FlyingFoxServerTransport(port: 0)
    try await register(transport)
    let url = try await transport.start()
    do {
        let result = try await body(url)
        await transport.stop()
        return result
    } catch {
        await transport.stop()
        throw error
    }
}

/// A raw request, for what a generated client would never send: status, fields, body text.
func raw(_ method: String, _ url: URL, _ pathAndQuery: String, headers: [String: String] = [:], body: Data? = nil)
    async throws -> (status: Int, headers: [String: String], text: String)
{
    var request = URLRequest(url: URL(string: url.absoluteString + pathAndQuery)!)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.httpBody = body
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
    return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
}

/// A request written on a socket of its own with a `Transfer-Encoding: chunked` body of unknown
/// length, one chunk per item of `chunks` (what a streaming client sends; URLSession sends a
/// `Content-Length` for a body it holds): status and body text of the answer.
func rawChunked(_ method: String, _ url: URL, _ path: String, headers: [String: String] = [:], chunks: [Data])
    async throws -> (status: Int, text: String)
{
    let socket = try await AsyncSocket.connected(to: .inet(ip4: "127.0.0.1", port: UInt16(url.port!)))
    defer { try? socket.close() }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
    try await socket.write(Data((head + "\r\n").utf8))
    for chunk in chunks {
        try await socket.write(Data((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Data("\r\n".utf8))
    }
    try await socket.write(Data("0\r\n\r\n".utf8))
    var answer = Data()
    while true {
        do {
            answer += try await socket.read(atMost: 65_536)
        } catch SocketError.disconnected {
            break
        }
    }
    let text = String(decoding: answer, as: UTF8.self)
    guard let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap({ Int($0) }),
          let split = text.range(of: "\r\n\r\n") else { return (0, text) }
    return (status, String(text[split.upperBound...]))
}

/// The `problems` of a refused request's JSON body, as `in:path` strings.
func problems(_ text: String) -> [String] {
    guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
          let list = json["problems"] as? [[String: Any]] else { return [] }
    return list.map { "\($0["in"] ?? ""):\($0["path"] ?? "")" }
}

/// One generated server for a whole suite: started when a test first asks for its URL and left
/// running until the test process ends, so a suite's tests share it instead of each starting
/// (and tearing down) one of their own.
final class SharedServer: Sendable {
    private let started: Task<URL, any Error>

    init(_ register: @escaping @Sendable (FlyingFoxServerTransport) async throws -> Void) {
        started = Task {
            let transport = FlyingFoxServerTransport(port: 0)
            try await register(transport)
            return try await transport.start()
        }
    }

    /// The base URL of the running server.
    var url: URL {
        get async throws { try await started.value }
    }
}
