import Foundation

/// A credential taken from a request for one security scheme.
///
/// Its description is redacted, so printing a ``RequestContext`` (or interpolating a
/// credential into a log line by mistake) never writes the secret.
public enum Credential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An `apiKey` scheme's value, from its header, query parameter or cookie.
    case apiKey(String)
    /// An HTTP `bearer` token, or an OAuth2 / OpenID Connect access token.
    case bearer(String)
    /// HTTP `basic` credentials.
    case basic(user: String, password: String)
    /// Another HTTP scheme (`digest`, …): the text after the scheme name in `Authorization`.
    case http(scheme: String, parameters: String)

    /// `apiKey(<redacted>)`: the kind of credential, never its value.
    public var description: String {
        switch self {
        case .apiKey: return "apiKey(<redacted>)"
        case .bearer: return "bearer(<redacted>)"
        case .basic: return "basic(<redacted>)"
        case .http(let scheme, _): return "http(\(scheme), <redacted>)"
        }
    }

    /// The same as ``description``.
    public var debugDescription: String { description }
}
