/// One operation's method and path template, as a generated server lists them.
public struct ServerRoute: Sendable, Hashable {
    /// One `/`-separated piece of a template: literal text, or a `{name}` with literal text
    /// around it (`{id}.json`).
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(name: String, prefix: String, suffix: String)
    }

    /// The method in upper case, for example `GET`.
    public let method: String
    /// The template as the spec writes it, for example `/items/{id}`.
    public let template: String
    /// The operation this route serves.
    public let operationID: String
    let segments: [Segment]

    /// A route for `method` on the spec's path `template`.
    public init(_ method: String, _ template: String, operationID: String) {
        self.method = method.uppercased()
        self.template = template
        self.operationID = operationID
        segments = Self.split(template).map { piece in
            guard let open = piece.firstIndex(of: "{"), let close = piece[open...].firstIndex(of: "}") else {
                return .literal(String(piece))
            }
            var name = String(piece[piece.index(after: open)..<close])
            if name.hasSuffix("*") { name.removeLast() }
            return .parameter(name: name, prefix: String(piece[..<open]), suffix: String(piece[piece.index(after: close)...]))
        }
    }

    /// The segments of a path: `/a/b` is `a`, `b`; `/` is one empty segment.
    static func split(_ path: Substring) -> [Substring] {
        var path = path
        if path.first == "/" { path = path.dropFirst() }
        return path.split(separator: "/", omittingEmptySubsequences: false)
    }

    static func split(_ path: String) -> [Substring] { split(Substring(path)) }

    /// The path parameters, still percent-encoded, when the request segments fit the template.
    /// Literal segments compare after percent-decoding, so `/caf%C3%A9` reaches `/café`.
    func match(_ requestSegments: [Substring]) -> [String: Substring]? {
        guard requestSegments.count == segments.count else { return nil }
        var parameters: [String: Substring] = [:]
        for (segment, text) in zip(segments, requestSegments) {
            switch segment {
            case .literal(let literal):
                guard text == literal || PercentEncoding.decode(text) == literal else { return nil }
            case .parameter(let name, let prefix, let suffix):
                guard text.count >= prefix.count + suffix.count, text.hasPrefix(prefix), text.hasSuffix(suffix) else { return nil }
                let value = text.dropFirst(prefix.count).dropLast(suffix.count)
                // An empty segment is no value at all: `/items/` does not reach `/items/{id}`.
                guard !value.isEmpty else { return nil }
                parameters[name] = value
            }
        }
        return parameters
    }

    /// Orders routes most specific first: at the first segment where two templates differ in
    /// kind, a literal beats a parameter (OpenAPI: concrete paths match before templated ones),
    /// and a parameter with literal text around it beats a bare one.
    static func moreSpecific(_ a: ServerRoute, than b: ServerRoute) -> Bool {
        for (x, y) in zip(a.segments, b.segments) {
            let (rx, ry) = (rank(x), rank(y))
            if rx != ry { return rx > ry }
        }
        return false
    }

    private static func rank(_ segment: Segment) -> Int {
        switch segment {
        case .literal: return 2
        case .parameter(_, let prefix, let suffix): return prefix.isEmpty && suffix.isEmpty ? 0 : 1
        }
    }
}
