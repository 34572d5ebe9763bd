import Foundation

/// Sends requests for generated clients.
///
/// Generated code talks to this protocol rather than to `URLSession` so that tests can answer
/// requests in memory and applications can add retries, logging or authentication around any
/// transport.
public protocol HTTPTransport: Sendable {
    /// Sends `request` to the server at `baseURL` and returns the complete response.
    ///
    /// Any HTTP status is a response, not an error: throw only when no response arrived
    /// (network failure, cancellation).
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse

    /// Sends `request` with `body` (which may be streamed) and returns as soon as the response
    /// head arrives: the status and header fields (its `body` empty), and the body as an
    /// ``HTTPBody`` read as it arrives.
    ///
    /// The default buffers both ways through ``send(_:baseURL:)``, so every transport supports
    /// the streamed operations; ``URLSessionTransport`` streams.
    func stream(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL) async throws -> (HTTPResponse, HTTPBody)
}

extension HTTPTransport {
    /// Collects `body`, sends with ``send(_:baseURL:)`` and wraps the buffered response body.
    public func stream(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL) async throws -> (HTTPResponse, HTTPBody) {
        var request = request
        if let body { request.body = try await body.collect(upTo: Int.max) }
        var response = try await send(request, baseURL: baseURL)
        let received = HTTPBody(response.body)
        response.body = Data()
        return (response, received)
    }
}
