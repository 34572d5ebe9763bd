import Foundation
import OpenFunnel

/// Passes requests on and keeps the last response, so the client's cost can then be measured
/// on the very bytes the fake server wrote.
final class CapturingTransport: HTTPTransport {
    private let base: any HTTPTransport
    private let lock = NSLock()
    private nonisolated(unsafe) var captured: HTTPResponse?

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    var last: HTTPResponse? { lock.withLock { captured } }

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let response = try await base.send(request, baseURL: baseURL)
        lock.withLock { captured = response }
        return response
    }
}

/// Answers every request with one response, in memory: what is left of a poll is the client's
/// own work (building the request, decoding and checking the page, the job layer's reading).
struct CannedTransport: HTTPTransport {
    let response: HTTPResponse

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        response
    }
}
