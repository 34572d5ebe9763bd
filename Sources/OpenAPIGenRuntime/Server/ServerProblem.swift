/// One thing wrong with a request, as a generated server reports it to the caller.
public struct ServerProblem: Sendable, Hashable {
    /// Where the value was: `path`, `query`, `header`, `cookie` or `body`.
    public var location: String
    /// The parameter's name, or the path of the value inside the body (`rows[3].name`); empty
    /// for the body itself.
    public var path: String
    /// What is wrong, for example `is required` or `"abc" is not a valid Int`.
    public var message: String
    /// A short machine-readable kind: `missing`, `type_error`, `value_error`, `json_invalid`.
    public var kind: String

    /// Creates a problem.
    public init(location: String, path: String, message: String, kind: String) {
        self.location = location
        self.path = path
        self.message = message
        self.kind = kind
    }
}

/// A request the generated server answers without calling the handler: the status and the
/// problems listed in the JSON body. A handler may throw one too, to answer a 4xx the spec does
/// not type.
public struct ServerRejection: Error, Sendable, Hashable {
    /// The status: 400 (or 422 where documented), 401, 413, 415.
    public var status: Int
    /// What was wrong, each with its location.
    public var problems: [ServerProblem]
    /// Extra header fields, such as `WWW-Authenticate` on a 401.
    public var headers: HTTPFields
    /// Written as FastAPI's `HTTPValidationError` (`{"detail": [{"loc", "msg", "type"}]}`):
    /// when that is the schema the operation documents for 422.
    public var fastAPIShape: Bool

    /// Creates a rejection.
    public init(status: Int, problems: [ServerProblem], headers: HTTPFields = HTTPFields(), fastAPIShape: Bool = false) {
        self.status = status
        self.problems = problems
        self.headers = headers
        self.fastAPIShape = fastAPIShape
    }
}
