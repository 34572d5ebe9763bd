/// Which operation a method and path call, and the job id the path carries.
struct Route: Sendable, Equatable {
    /// Why a request matched no operation.
    enum Miss: Error, Equatable {
        /// No operation has this path (404).
        case unknownPath
        /// The path exists with other methods (405).
        case wrongMethod
    }

    var operation: FakeOperation
    /// The `{job_id}` path parameter, percent-decoded; nil for the submit operations.
    var jobID: String?

    /// The route for `method` and the percent-encoded `path`.
    static func match(method: String, path: String) -> Result<Route, Miss> {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.first == "" { segments.removeFirst() }
        let candidates: [Route]
        switch segments {
        case ["api", "v1", "account", "search-lookalikes-bulk"]:
            candidates = [Route(operation: .searchLookalikesBulk)]
        case let s where s.count == 5 && Array(s.prefix(4)) == ["api", "v1", "account", "search-lookalikes-bulk"]:
            candidates = [Route(operation: .searchLookalikesBulkStatus, jobID: decoded(s[4]))]
        case let s where s.count == 6 && Array(s.prefix(4)) == ["api", "v1", "account", "search-lookalikes-bulk"]
            && s[5] == "cancel":
            candidates = [Route(operation: .searchLookalikesBulkCancel, jobID: decoded(s[4]))]
        case ["api", "v2", "tech", "companies", "intent-search"]:
            candidates = [Route(operation: .techIntentSearchSubmit)]
        case let s where s.count == 6 && Array(s.prefix(5)) == ["api", "v2", "tech", "companies", "intent-search"]:
            candidates = [Route(operation: .techIntentSearchStatus, jobID: decoded(s[5]))]
        default:
            candidates = []
        }
        // An empty job id (`…/search-lookalikes-bulk/`) names no job and no route.
        let routes = candidates.filter { $0.jobID.map { !$0.isEmpty } ?? true }
        guard let route = routes.first else { return .failure(.unknownPath) }
        return route.operation.method == method.uppercased() ? .success(route) : .failure(.wrongMethod)
    }

    private static func decoded(_ segment: String) -> String {
        segment.removingPercentEncoding ?? segment
    }
}
