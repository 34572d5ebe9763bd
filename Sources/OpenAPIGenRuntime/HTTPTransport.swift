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
}
