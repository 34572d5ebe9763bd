/// What a handler can know about the request it is answering beyond its `Input`: the request
/// head (for headers the spec shares across operations, tracing fields) and the credentials
/// that satisfied the operation's security.
///
/// The generated protocol's methods take only their `Input`, so that the same protocol is the
/// client, a fake and a server implementation; the context is a task-local value, set while
/// the handler runs: read ``current``.
public struct RequestContext: Sendable, CustomStringConvertible {
    /// The request head: method, path, raw query and header fields.
    public let request: HTTPRequest
    /// The operation being answered.
    public let operationID: String
    /// The credential of each security scheme of the satisfied alternative, by scheme name
    /// (empty when the operation needs none).
    public let credentials: [String: Credential]
    /// The scopes the satisfied alternative requires, by scheme name, for each of its schemes
    /// that lists any (OAuth2 and OpenID Connect scopes; 3.1 also allows role names for the
    /// other schemes). The server only checks that a credential is present: whether the token
    /// grants these scopes is the handler's (or its identity provider's) to judge.
    public let scopes: [String: [String]]

    /// Creates a context (generated servers do; tests may, to call a handler directly).
    public init(request: HTTPRequest, operationID: String, credentials: [String: Credential], scopes: [String: [String]] = [:]) {
        self.request = request
        self.operationID = operationID
        self.credentials = credentials
        self.scopes = scopes
    }

    /// Whether the satisfied alternative requires `scope` of the scheme `scheme`.
    public func requires(_ scope: String, of scheme: String) -> Bool {
        scopes[scheme]?.contains(scope) ?? false
    }

    /// The context of the request the current task is answering; nil outside a handler.
    @TaskLocal public static var current: RequestContext?

    /// Method, path, operation and scheme names: never header values or credentials.
    public var description: String {
        "\(request.method) \(request.path) (\(operationID); credentials: \(credentials.keys.sorted().joined(separator: ", ")))"
    }
}
