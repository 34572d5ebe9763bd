/// What the user chose for one generation: read from `openapi-gen.yaml`, overridden by flags.
public struct GeneratorConfig: Sendable, Hashable {
    /// The Swift module the output is compiled into; names the API protocol and client.
    public var moduleName: String
    public var accessLevel: AccessLevel
    /// Operation IDs (as written in the spec) to generate; empty means all.
    public var operationFilter: [String]
    /// Tags whose operations to generate, each with the tags nested under it (OpenAPI 3.2
    /// `parent`); an operation is generated when either filter selects it. Empty means none
    /// selected by tag.
    public var tagFilter: [String] = []
    /// The spec path as the user wrote it, for generated headers (never made absolute, so
    /// output is the same on every machine).
    public var specDisplayPath: String
    /// Above this many model types, models are split into several files so that large specs
    /// compile in parallel and incrementally.
    public var typesPerFile: Int
    /// What to generate beside the models and the API protocol: the client (the default), a
    /// server over the protocol, or both.
    public var targets: Set<GenerationTarget> = [.client]
    /// Whether a schema without `type` whose keywords imply one (`items`, `properties` with
    /// `required`, `additionalProperties`, a pattern) is read as that type, with a located
    /// warning: real documents often leave `type: object` out, and a struct is what their
    /// authors mean. `false` keeps JSON Schema's reading, under which any value of another type
    /// is valid too: such a value is a `JSONValue` checked against the whole schema.
    public var infersTypes = true

    public init(moduleName: String, accessLevel: AccessLevel = .public, operationFilter: [String] = [],
                specDisplayPath: String, typesPerFile: Int = 120) {
        self.moduleName = moduleName
        self.accessLevel = accessLevel
        self.operationFilter = operationFilter
        self.specDisplayPath = specDisplayPath
        self.typesPerFile = typesPerFile
    }
}

/// A side of the API the generator writes code for.
public enum GenerationTarget: String, Sendable, Hashable, CaseIterable {
    /// `Client.swift`: the client over an `HTTPTransport`.
    case client
    /// `Server.swift`: the server over a `ServerTransport`, serving any implementation of the
    /// API protocol.
    case server
}
