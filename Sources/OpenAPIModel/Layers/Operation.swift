import YAMLTree

/// The method of an operation: a fixed field of a Path Item (`get`, …, and 3.2's `query`) or
/// an entry of 3.2's `additionalOperations`, whose key is the method token as sent.
public struct HTTPMethod: Sendable, Hashable, CustomStringConvertible {
    /// As written in the document: `get` for a fixed field, `LINK` for an additional operation.
    public let rawValue: String
    /// True for an `additionalOperations` entry.
    public let isAdditional: Bool

    /// A fixed field (`get`) or, with `isAdditional`, a method token written as sent.
    public init(rawValue: String, isAdditional: Bool = false) {
        self.rawValue = rawValue
        self.isAdditional = isAdditional
    }

    public static let get = HTTPMethod(rawValue: "get")
    public static let put = HTTPMethod(rawValue: "put")
    public static let post = HTTPMethod(rawValue: "post")
    public static let delete = HTTPMethod(rawValue: "delete")
    public static let options = HTTPMethod(rawValue: "options")
    public static let head = HTTPMethod(rawValue: "head")
    public static let patch = HTTPMethod(rawValue: "patch")
    public static let trace = HTTPMethod(rawValue: "trace")
    /// OpenAPI 3.2: the HTTP QUERY method, safe and idempotent, with a request body.
    public static let query = HTTPMethod(rawValue: "query")

    /// The Path Item fields of OpenAPI 3.0 and 3.1.
    public static let fixedFields: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace]

    /// The token on the wire: fixed fields upper-cased, additional operations exactly as written
    /// (HTTP method names are case-sensitive).
    public var token: String { isAdditional ? rawValue : rawValue.uppercased() }

    public var description: String { token }
}

public struct PathItem: Sendable {
    public var summary: String?
    public var description: String?
    /// Parameters shared by every operation of the path; operations may override by name and place.
    public var parameters: [Parameter] = []
    /// Operations in the order the methods are written.
    public var operations: [(method: HTTPMethod, operation: Operation)] = []
    public var servers: [Server] = []
    public var location: SourceLocation
    public init(location: SourceLocation) { self.location = location }
}

public struct Operation: Sendable {
    public var operationID: String?
    public var tags: [String] = []
    public var summary: String?
    public var description: String?
    public var deprecated = false
    /// Path-level parameters merged in: these are all the operation's parameters.
    public var parameters: [Parameter] = []
    public var requestBody: RequestBody?
    /// Responses in document order.
    public var responses: [(status: ResponseStatus, response: Response)] = []
    /// nil inherits the document's security; [] turns it off.
    public var security: [SecurityRequirement]?
    public var servers: [Server] = []
    public var hasCallbacks = false
    public var extensions = OrderedMap<Value>()
    public var location: SourceLocation
    public var pointer: JSONPointer
    public init(location: SourceLocation, pointer: JSONPointer) {
        self.location = location
        self.pointer = pointer
    }
}

public enum ResponseStatus: Sendable, Hashable, CustomStringConvertible {
    case code(Int)
    /// `2XX`: the first digit.
    case range(Int)
    case `default`

    public var description: String {
        switch self {
        case .code(let c): return String(c)
        case .range(let r): return "\(r)XX"
        case .default: return "default"
        }
    }
}

public struct Parameter: Sendable {
    public enum Location: String, Sendable, Hashable {
        case path, query, header, cookie
        /// OpenAPI 3.2: the whole query string, described by `content`.
        case querystring
    }

    public enum Style: String, Sendable, Hashable {
        case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
        /// OpenAPI 3.2, for `in: cookie`: RFC 6265 `n1=v1; n2=v2`, values sent without escaping.
        case cookie
    }

    public var name: String
    public var location: Location
    public var description: String?
    public var required: Bool
    public var deprecated = false
    public var allowEmptyValue = false
    /// As written; nil means the default for the location (form for query and cookie, simple otherwise).
    public var style: Style?
    public var explode: Bool?
    public var allowReserved = false
    public var schema: Schema?
    /// A parameter described by `content` instead of `schema` (one media type).
    public var content: MediaType? {
        get { contentStorage?.value }
        set { contentStorage = newValue.map(Indirect.init) }
    }
    /// Out of line: few parameters have `content`, and a media type is as large as a schema.
    private var contentStorage: Indirect<MediaType>?
    public var contentType: String?
    public var examples: [Value] = []
    /// OpenAPI 3.2 Example Objects' `serializedValue`: examples as they appear on the wire.
    public var serializedExamples: [String] = []
    public var sourceLocation: SourceLocation
    public var pointer: JSONPointer

    public init(name: String, location: Location, required: Bool, sourceLocation: SourceLocation, pointer: JSONPointer) {
        self.name = name
        self.location = location
        self.required = required
        self.sourceLocation = sourceLocation
        self.pointer = pointer
    }

    public var effectiveStyle: Style {
        style ?? (location == .query || location == .cookie ? .form : .simple)
    }

    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form || effectiveStyle == .cookie) }
}

public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    /// Media types in document order.
    public var content = OrderedMap<MediaType>()
    public var location: SourceLocation
    public init(required: Bool, location: SourceLocation) {
        self.required = required
        self.location = location
    }
}

public struct MediaType: Sendable {
    public var schema: Schema?
    public var examples: [Value] = []
    /// OpenAPI 3.2 Example Objects' `serializedValue`: examples as they appear on the wire.
    public var serializedExamples: [String] = []
    public var encoding = OrderedMap<Encoding>()
    /// OpenAPI 3.2: the schema of each item of a sequential media type (text/event-stream,
    /// application/jsonl, application/json-seq, multipart/mixed, …).
    public var itemSchema: Schema? {
        get { itemSchemaStorage?.value }
        set { itemSchemaStorage = newValue.map(Indirect.init) }
    }
    private var itemSchemaStorage: Indirect<Schema>?
    /// OpenAPI 3.2: Encoding Objects by position, for multipart parts in order.
    public var prefixEncoding: [Encoding] = []
    /// OpenAPI 3.2: the Encoding Object of every item after ``prefixEncoding``.
    public var itemEncoding: Encoding? {
        get { itemEncodingStorage?.value }
        set { itemEncodingStorage = newValue.map(Indirect.init) }
    }
    private var itemEncodingStorage: Indirect<Encoding>?
    /// Where `itemSchema`, `prefixEncoding` or `itemEncoding` is written, for the warning that
    /// items are not typed one by one yet.
    public var sequentialLocation: SourceLocation?
    public var location: SourceLocation
    public init(location: SourceLocation) { self.location = location }
}

public struct Encoding: Sendable {
    public var contentType: String?
    public var style: Parameter.Style?
    public var explode: Bool?
    /// OpenAPI 3.2: Encoding Objects nested in a multipart part, by name and by position.
    public var encoding = OrderedMap<Encoding>()
    public var prefixEncoding: [Encoding] = []
    public var itemEncoding: [Encoding] = []
    public init() {}
}

public struct Response: Sendable {
    /// OpenAPI 3.2: a short summary of the response.
    public var summary: String?
    public var description: String
    public var headers = OrderedMap<Header>()
    public var content = OrderedMap<MediaType>()
    public var location: SourceLocation
    public init(description: String, location: SourceLocation) {
        self.description = description
        self.location = location
    }
}

public struct Header: Sendable {
    public var description: String?
    public var required = false
    public var deprecated = false
    /// `explode`: an object-typed header reads `k=v,k2=v2` when set, `k,v,k2,v2` when not (the
    /// default). Headers allow only `style: simple`, so there is no style to keep.
    public var explode = false
    public var schema: Schema?
    public var content: MediaType? {
        get { contentStorage?.value }
        set { contentStorage = newValue.map(Indirect.init) }
    }
    /// Out of line: few headers have `content`, and a media type is as large as a schema.
    private var contentStorage: Indirect<MediaType>?
    public var location: SourceLocation
    public init(location: SourceLocation) { self.location = location }
}

public struct SecurityRequirement: Sendable, Hashable {
    /// Scheme name → scopes; all of them apply together.
    public var schemes: [String: [String]]
    public init(schemes: [String: [String]]) { self.schemes = schemes }
}

public struct SecurityScheme: Sendable {
    public enum Kind: Sendable, Hashable {
        case apiKey(name: String, location: Parameter.Location)
        case http(scheme: String, bearerFormat: String?)
        case oauth2
        case openIDConnect(url: String)
        case mutualTLS
    }

    /// One way of obtaining an OAuth 2 token; the client sends the token the caller supplies.
    public struct OAuthFlow: Sendable {
        /// `implicit`, `password`, `clientCredentials`, `authorizationCode` or 3.2's `deviceAuthorization`.
        public var name: String
        public var authorizationURL: String?
        /// OpenAPI 3.2: where the device authorization flow (RFC 8628) starts.
        public var deviceAuthorizationURL: String?
        public var tokenURL: String?
        public var refreshURL: String?
        /// Scope name → description.
        public var scopes: OrderedMap<String>
        public init(name: String) {
            self.name = name
            self.scopes = OrderedMap()
        }
    }

    public var kind: Kind
    public var description: String?
    /// OpenAPI 3.2.
    public var deprecated = false
    /// OpenAPI 3.2: the OAuth 2 authorization server metadata (RFC 8414) URL.
    public var oauth2MetadataURL: String?
    public var flows: [OAuthFlow] = []
    public var location: SourceLocation
    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
