import Foundation

/// One query parameter as generated code produces it: name and value not yet percent-encoded.
public struct QueryItem: Sendable, Hashable {
    /// The parameter name, unencoded.
    public var name: String
    /// The parameter value, unencoded.
    public var value: String
    /// Whether RFC 3986 reserved characters of `value` allowed in a query (`/?:@!$&'()*+,;=`)
    /// and percent-encoded triples are sent as they are (the parameter's `allowReserved`).
    public var allowsReserved = false

    /// Creates a query item from unencoded text.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP request described independently of the server it is sent to.
///
/// Generated code builds requests without knowing the base URL, so that one client value can
/// target staging and production and transports can be swapped in tests.
public struct HTTPRequest: Sendable, Hashable {
    /// The method, for example `GET`.
    public var method: String
    /// The path relative to the base URL, already percent-encoded and beginning with `/`.
    public var path: String
    /// Query parameters in order, unencoded; ``url(relativeTo:)`` encodes them.
    public var query: [QueryItem]
    /// A whole query string, already percent-encoded, written after ``query``: an OpenAPI 3.2
    /// `in: querystring` parameter (see ``QueryStringEncoding``); nil for none.
    public var queryString: String?
    /// The request header fields.
    public var headers: HTTPFields
    /// The body, or `nil` for none.
    public var body: Data?

    /// Creates a request.
    public init(
        method: String = "GET",
        path: String = "/",
        query: [QueryItem] = [],
        headers: HTTPFields = HTTPFields(),
        body: Data? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The absolute URL of this request on the server at `baseURL`.
    ///
    /// A path prefix of the base URL is kept (`https://h/v2` + `/rows` is `https://h/v2/rows`)
    /// with exactly one slash at the join. Query names and values are escaped except for RFC
    /// 3986 unreserved characters, so `+`, `&`, `=` and space (`%20`) survive as data; a query
    /// already present on the base URL comes first. The base URL's fragment is dropped.
    public func url(relativeTo baseURL: URL) -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) else {
            preconditionFailure("a URL always has URL components")
        }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") {
            basePath.removeLast()
        }
        let baseQuery = components.percentEncodedQuery ?? ""
        components.percentEncodedPath = ""
        components.percentEncodedQuery = nil
        components.fragment = nil
        guard let origin = components.string else {
            preconditionFailure("URL components without path and query always form a string")
        }

        // The path should already be encoded; escaping whatever else is not valid in a path
        // keeps a generator slip from producing a URL that fails to parse or changes meaning.
        let relativePath = PercentEncoding.encode(path.hasPrefix("/") ? path : "/" + path) {
            PercentEncoding.isUnreserved($0) || PercentEncoding.isSubDelimiter($0)
                || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@")
                || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%")
        }

        var queryParts = baseQuery.isEmpty ? [] : [baseQuery]
        for item in query {
            queryParts.append(
                PercentEncoding.encode(item.name, allowing: PercentEncoding.isUnreserved) + "="
                    + (item.allowsReserved ? PercentEncoding.encodeAllowingReserved(item.value)
                        : PercentEncoding.encode(item.value, allowing: PercentEncoding.isUnreserved)))
        }

        if let queryString, !queryString.isEmpty { queryParts.append(queryString) }

        var text = origin + basePath + relativePath
        if !queryParts.isEmpty {
            text += "?" + queryParts.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            preconditionFailure("every character outside the URL syntax was percent-encoded")
        }
        return url
    }
}
