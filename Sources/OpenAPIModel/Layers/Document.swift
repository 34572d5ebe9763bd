import YAMLTree

/// A loaded OpenAPI 3.0, 3.1 or 3.2 document with every reference resolved.
public struct Document: Sendable {
    /// Ordered, so that "3.1 or later" reads `version >= .v3_1`.
    public enum Version: Sendable, Hashable, Comparable {
        case v3_0
        case v3_1
        case v3_2
    }

    /// The `openapi` field as written ("3.1.0").
    public var versionText: String
    public var version: Version
    public var info: Info
    public var servers: [Server] = []
    /// Paths in document order; path-level `$ref`s are already followed.
    public var paths = OrderedMap<PathItem>()
    public var webhooks = OrderedMap<PathItem>()
    public var components = Components()
    /// Top-level security: nil when absent, [] when explicitly empty.
    public var security: [SecurityRequirement]?
    public var tags: [Tag] = []
    public var extensions = OrderedMap<Value>()

    /// Every schema a `$ref` reaches, keyed by its resolved target, for resolving references.
    public var referencedSchemas: [RefTarget: Schema] = [:]
    /// The order in which targets were first reached, for deterministic iteration.
    public var referencedSchemaOrder: [RefTarget] = []
    /// Resources and anchors for `$dynamicRef`s that depend on the way evaluation takes.
    public var dynamicScopes = DynamicScopes()
    /// The file the document was read from.
    public var rootFile: SourceFileID

    public init(versionText: String, version: Version, info: Info, rootFile: SourceFileID) {
        self.versionText = versionText
        self.version = version
        self.info = info
        self.rootFile = rootFile
    }

    /// The schema a reference points to, following chains of pure references.
    public func resolve(_ target: RefTarget) -> Schema? {
        var current = referencedSchemas[target]
        var hops = 0
        while let schema = current, let next = schema.ref, schema.isPureReference, hops < 64 {
            current = referencedSchemas[next]
            hops += 1
        }
        return current
    }

    /// All operations under paths, in document order.
    public var operations: [OperationEntry] {
        paths.flatMap { path, item in
            item.operations.map { OperationEntry(path: path, pathItem: item, method: $0.method, operation: $0.operation) }
        }
    }
}

extension Schema {
    /// A `$ref` with nothing beside it that changes the type (descriptions may stand beside it).
    public var isPureReference: Bool {
        ref != nil && types == nil && properties.isEmpty && allOf.isEmpty && oneOf.isEmpty && anyOf.isEmpty
            && items == nil && enumValues == nil
    }
}

/// An operation together with where it sits.
public struct OperationEntry: Sendable {
    public var path: String
    public var pathItem: PathItem
    public var method: HTTPMethod
    public var operation: Operation
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public init(title: String, version: String) {
        self.title = title
        self.version = version
    }
}

public struct Server: Sendable {
    public var url: String
    public var description: String?
    public var variables = OrderedMap<ServerVariable>()
    public var location: SourceLocation
    public init(url: String, location: SourceLocation) {
        self.url = url
        self.location = location
    }
}

public struct ServerVariable: Sendable {
    public var defaultValue: String
    public var enumValues: [String]?
    public var description: String?
    public init(defaultValue: String) { self.defaultValue = defaultValue }
}

public struct Tag: Sendable {
    public var name: String
    /// OpenAPI 3.2: a short summary, for lists of tags.
    public var summary: String?
    public var description: String?
    /// OpenAPI 3.2: the name of the tag this one nests under.
    public var parent: String?
    /// OpenAPI 3.2: what the tag is for (`nav`, `badge`, `audience`, or another value).
    public var kind: String?
    /// Where `parent` is written, for reporting a parent that does not exist.
    public var parentLocation: SourceLocation?
    public init(name: String) { self.name = name }
}

public struct Components: Sendable {
    public var schemas = OrderedMap<Schema>()
    public var responses = OrderedMap<Response>()
    public var parameters = OrderedMap<Parameter>()
    public var requestBodies = OrderedMap<RequestBody>()
    public var headers = OrderedMap<Header>()
    public var securitySchemes = OrderedMap<SecurityScheme>()
    public var pathItems = OrderedMap<PathItem>()
    /// OpenAPI 3.2: reusable Media Type Objects.
    public var mediaTypes = OrderedMap<MediaType>()
    public init() {}
}
