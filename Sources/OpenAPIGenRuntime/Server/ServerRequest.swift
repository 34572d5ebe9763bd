import Foundation

/// A routed request as a generated operation reads it: the head, the path parameters the route
/// matched (still percent-encoded), and the body.
public struct ServerRequest: Sendable {
    /// Method, percent-encoded path, raw query string (``HTTPRequest/queryString``) and fields.
    public let head: HTTPRequest
    /// The template's parameters, as the path spelled them (percent-encoded).
    public let pathParameters: [String: Substring]
    /// The body, buffered up to ``ServerOptions/maxBodyBytes``, or, when the operation streams
    /// it, as it arrives, counted against ``ServerOptions/maxStreamedBodyBytes``.
    public let body: HTTPBody
    /// The route's operation.
    public let operationID: String

    /// The query string's pairs in order, percent-decoded (`+` read as a space, as in forms);
    /// nil when an escape is malformed.
    let queryPairs: [(name: String, value: String)]?
    /// The `Cookie` field's pairs in order, values as sent.
    let cookies: [(name: String, value: String)]

    /// Creates the routed request.
    public init(head: HTTPRequest, pathParameters: [String: Substring], body: HTTPBody, operationID: String) {
        self.head = head
        self.pathParameters = pathParameters
        self.body = body
        self.operationID = operationID
        queryPairs = Self.pairs(head.queryString ?? "")
        var cookies: [(String, String)] = []
        for line in head.headers.values(for: "Cookie") {
            for piece in line.split(separator: ";") {
                let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = pair[0].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { continue }
                cookies.append((name, pair.count > 1 ? pair[1].trimmingCharacters(in: .whitespaces) : ""))
            }
        }
        self.cookies = cookies
    }

    /// The query's pairs with `+` kept as a plus: how an `allowReserved` parameter is sent
    /// (reserved characters unescaped), where the form reading of `+` as a space would change it.
    var reservedQueryPairs: [(name: String, value: String)]? { Self.pairs(head.queryString ?? "", plusIsSpace: false) }

    /// `a=1&b=2` as decoded pairs; nil when a name or value has a malformed escape.
    static func pairs(_ query: String, plusIsSpace: Bool = true) -> [(name: String, value: String)]? {
        var out: [(String, String)] = []
        for piece in query.split(separator: "&") {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decode(pair[0], plusIsSpace: plusIsSpace),
                  let value = PercentEncoding.decode(pair.count > 1 ? pair[1] : "", plusIsSpace: plusIsSpace) else { return nil }
            out.append((name, value))
        }
        return out
    }

    /// The request's `Content-Type`, if any.
    public var contentType: String? { head.headers["Content-Type"] }
}
