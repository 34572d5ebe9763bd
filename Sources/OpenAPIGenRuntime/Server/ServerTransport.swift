import Foundation

/// Answers one HTTP request: the head (method, percent-encoded path, raw query string in
/// ``HTTPRequest/queryString``, header fields) and the body as it arrives, in; the response
/// head and body, out. A generated server's `handle(_:body:)` has this shape, and a
/// ``ServerTransport`` calls it for every request it receives.
public typealias ServerHandler = @Sendable (HTTPRequest, HTTPBody) async -> (HTTPResponse, HTTPBody)

/// A real HTTP server that generated servers run on (FlyingFox, Hummingbird, or a test's own).
///
/// The generated layer does its own routing, so that 404, 405, `Allow`, HEAD and OPTIONS are the
/// same on every server: a transport only hands every request to one handler. Adapters live in
/// their own packages, so a client-only user builds none of them.
public protocol ServerTransport: Sendable {
    /// Sends every request the server receives, whatever its method and path, to `handler`.
    func register(_ handler: @escaping ServerHandler) async throws

    /// The same, told the methods the generated server has operations for: a server that
    /// matches methods itself (FlyingFox knows only the nine of RFC 9110) must also accept
    /// OpenAPI 3.2's `query` and `additionalOperations` (`LINK`, `PURGE`, …). The default
    /// ignores `methods`.
    func register(_ handler: @escaping ServerHandler, methods: Set<String>) async throws
}

extension ServerTransport {
    /// Calls ``register(_:)``: for servers that hand every method over.
    public func register(_ handler: @escaping ServerHandler, methods: Set<String>) async throws {
        try await register(handler)
    }
}
