import Foundation

/// How a generated server finds the credential of one security scheme in a request.
public enum ServerSecurityScheme: Sendable, Hashable {
    /// Where an `apiKey` scheme's value is sent.
    public enum Location: Sendable, Hashable {
        /// A header field named as the scheme says.
        case header
        /// A query parameter.
        case query
        /// A cookie in the `Cookie` field.
        case cookie
    }

    /// `type: apiKey`: the value of the field, query parameter or cookie `name`.
    case apiKey(name: String, in: Location)
    /// `type: http, scheme: basic`.
    case basic
    /// `type: http, scheme: bearer`, and `oauth2` / `openIdConnect` access tokens.
    case bearer
    /// `type: http` with another scheme: `Authorization: <scheme> …`.
    case http(scheme: String)

    /// The credential `request` carries for this scheme, if any.
    func credential(in request: ServerRequest) -> Credential? {
        switch self {
        case .apiKey(let name, .header):
            return request.head.headers[name].flatMap { $0.isEmpty ? nil : .apiKey($0) }
        case .apiKey(let name, .query):
            return request.queryPairs?.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : .apiKey($0.value) }
        case .apiKey(let name, .cookie):
            return request.cookies.first { $0.name == name }.flatMap { PercentEncoding.decode(Substring($0.value)) }
                .flatMap { $0.isEmpty ? nil : .apiKey($0) }
        case .bearer:
            return authorization(request, "bearer").map { .bearer($0) }
        case .basic:
            guard let encoded = authorization(request, "basic"), let data = Data(base64Encoded: encoded),
                  let text = String(validating: data, as: UTF8.self), let colon = text.firstIndex(of: ":") else { return nil }
            return .basic(user: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
        case .http(let scheme):
            return authorization(request, scheme.lowercased()).map { .http(scheme: scheme, parameters: $0) }
        }
    }

    /// The `WWW-Authenticate` challenge a 401 carries for this scheme (RFC 9110 section 11.6.1);
    /// nil for `apiKey`, which HTTP has no challenge for.
    var challenge: String? {
        switch self {
        case .apiKey: return nil
        case .basic: return "Basic realm=\"api\""
        case .bearer: return "Bearer"
        case .http(let scheme): return scheme.prefix(1).uppercased() + scheme.dropFirst()
        }
    }

    /// The text after `scheme` (compared without case) in `Authorization`, when non-empty.
    private func authorization(_ request: ServerRequest, _ scheme: String) -> String? {
        guard let field = request.head.headers["Authorization"] else { return nil }
        let parts = field.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == scheme else { return nil }
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

extension ServerRequest {
    /// The credentials of the first of `alternatives` that the request satisfies (each
    /// alternative is a set of schemes applied together, by scheme name; an empty one means
    /// the operation may be called anonymously); throws a 401 rejection, with a
    /// `WWW-Authenticate` challenge per HTTP scheme, when none is satisfied.
    /// No alternatives at all means the operation has no security.
    public func authenticate(_ alternatives: [[String: ServerSecurityScheme]]) throws -> [String: Credential] {
        try authenticate(alternatives, scopes: []).credentials
    }

    /// The credentials of the first of `alternatives` the request satisfies, as
    /// ``authenticate(_:)`` finds them, and the scopes that alternative requires: `scopes[i]` is
    /// alternative `i`'s scheme name → scopes, as the spec's security requirement lists them
    /// (missing entries and empty lists are left out of the result).
    public func authenticate(_ alternatives: [[String: ServerSecurityScheme]], scopes: [[String: [String]]])
        throws -> (credentials: [String: Credential], scopes: [String: [String]])
    {
        guard !alternatives.isEmpty else { return ([:], [:]) }
        for (index, alternative) in alternatives.enumerated() {
            var found: [String: Credential] = [:]
            for (name, scheme) in alternative {
                guard let credential = scheme.credential(in: self) else { break }
                found[name] = credential
            }
            if found.count == alternative.count {
                let required = index < scopes.count ? scopes[index].filter { !$0.value.isEmpty } : [:]
                return (found, required)
            }
        }
        var headers = HTTPFields()
        var challenges: [String] = []
        for alternative in alternatives {
            for name in alternative.keys.sorted() {
                if let challenge = alternative[name]!.challenge, !challenges.contains(challenge) { challenges.append(challenge) }
            }
        }
        for challenge in challenges { headers.append("WWW-Authenticate", challenge) }
        let names = alternatives.map { $0.keys.sorted().joined(separator: " + ") }.joined(separator: ", or ")
        throw ServerRejection(status: 401, problems: [ServerProblem(location: "header", path: "",
            message: "the operation needs credentials: \(names)", kind: "unauthorized")], headers: headers)
    }
}
