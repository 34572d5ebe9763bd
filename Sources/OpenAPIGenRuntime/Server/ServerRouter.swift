/// Finds the route of a request among a generated server's routes.
public struct ServerRouter: Sendable {
    /// What a request's method and path found.
    public enum Outcome: Sendable, Equatable {
        /// The route at `index` of the list given to ``init(_:)``, with its path parameters
        /// still percent-encoded (styles such as `label` and `matrix` split them first).
        case matched(index: Int, parameters: [String: Substring])
        /// The path has routes, none for this method: answered 405 with `Allow`.
        case methodNotAllowed(allow: [String])
        /// No template fits the path: answered 404.
        case notFound
    }

    private let routes: [ServerRoute]
    /// Route indices, most specific template first (see ``ServerRoute``).
    private let order: [Int]

    /// A router over `routes`; the indices in ``Outcome/matched(index:parameters:)`` are theirs.
    public init(_ routes: [ServerRoute]) {
        self.routes = routes
        // A stable order: equally specific templates keep the spec's order.
        order = routes.indices.sorted { a, b in
            if ServerRoute.moreSpecific(routes[a], than: routes[b]) { return true }
            if ServerRoute.moreSpecific(routes[b], than: routes[a]) { return false }
            return a < b
        }
    }

    /// The route for `method` on `path` (percent-encoded, without the query).
    ///
    /// The most specific template that fits the path decides: when it has no operation for the
    /// method, the answer is 405 even if a less specific template has one, as a path is one
    /// resource. HEAD falls back to GET; the methods in `allow` add HEAD beside GET and OPTIONS.
    public func route(method: String, path: Substring) -> Outcome {
        let segments = ServerRoute.split(path)
        var bestTemplate: [ServerRoute.Segment]?
        var allow: [String] = []
        var getMatch: Outcome?
        for index in order {
            let route = routes[index]
            if let template = bestTemplate, template != route.segments { continue }
            guard let parameters = route.match(segments) else { continue }
            bestTemplate = route.segments
            if route.method == method { return .matched(index: index, parameters: parameters) }
            if route.method == "GET" { getMatch = .matched(index: index, parameters: parameters) }
            allow.append(route.method)
        }
        if method == "HEAD", let getMatch { return getMatch }
        guard !allow.isEmpty else { return .notFound }
        if allow.contains("GET"), !allow.contains("HEAD") { allow.append("HEAD") }
        if !allow.contains("OPTIONS") { allow.append("OPTIONS") }
        return .methodNotAllowed(allow: allow)
    }
}
