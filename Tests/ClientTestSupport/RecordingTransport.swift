import Foundation
import OpenAPIGenRuntime

/// An in-memory server: records every request a generated client sends and answers from a
/// script, one reply per request, repeating the last reply once the script runs out.
public actor RecordingTransport: HTTPTransport {
    public private(set) var requests: [HTTPRequest] = []
    public private(set) var baseURLs: [URL] = []
    private var replies: [HTTPResponse]

    public init(_ replies: HTTPResponse...) {
        self.replies = replies.isEmpty ? [HTTPResponse(status: 200)] : replies
    }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        requests.append(request)
        baseURLs.append(baseURL)
        return replies.count > 1 ? replies.removeFirst() : replies[0]
    }
}

/// A transport whose network is down.
public struct FailingTransport: HTTPTransport {
    public var error: any Error & Sendable

    public init(error: any Error & Sendable) { self.error = error }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        throw error
    }
}

extension HTTPResponse {
    /// A response carrying `body` as JSON (or another JSON-based `contentType`).
    public static func json(_ status: Int, _ body: String, contentType: String = "application/json") -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPFields([("Content-Type", contentType)]), body: Data(body.utf8))
    }

    /// A response with a non-JSON body.
    public static func raw(_ status: Int, _ body: Data = Data(), contentType: String? = nil) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPFields(contentType.map { [("Content-Type", $0)] } ?? []), body: body)
    }
}

/// The base URL the tests' clients use; nothing listens there, the transport answers.
public let exampleBaseURL = URL(string: "https://api.example.com/v1")!
