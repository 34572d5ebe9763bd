import YAMLTree

/// Turns the YAML trees of one load into the typed model, collecting diagnostics on the way.
///
/// One instance decodes one document; the per-area decoding lives in extensions, one file per
/// OpenAPI area. Decoding never stops at the first problem: a broken value is reported and
/// skipped, and its siblings are still read.
final class ModelDecoder {
    /// Deeper nesting, counting the nodes of inlined files, is refused so that the recursive
    /// descent stays far inside the loader's stack.
    static let maxDepth = 2_000
    /// Longest chain of references inlined into each other before the load gives up.
    static let maxInlineChain = 64

    let store: SourceStore
    var diagnostics: DiagnosticCollector
    let version: Document.Version
    let rootFile: SourceFileID

    /// Each distinct `$ref` text, per referring file, resolved once.
    var resolutions: [ResolutionKey: Resolution] = [:]
    /// References followed while walking a pointer through another reference; bounded to stop
    /// pointers that lead through themselves.
    var pointerHops = 0
    /// Key indexes of large mappings that pointers walk through, by the mapping's place (a
    /// place identifies one node: an alias copies its anchor's content to a new place).
    var mappingIndexes: [SourceLocation: [String: Int]] = [:]

    /// Schemas reached through `$ref`, in order of first reach; decoded after the document from
    /// this worklist so that long chains of references never deepen the stack.
    var schemaTargets: [ResolvedTarget] = []
    var schemaTargetKeys: Set<TargetKey> = []
    /// Boxed: a schema is hundreds of bytes, and a dictionary of them moves every one each time
    /// it grows.
    var decodedSchemas: [TargetKey: Indirect<Schema>] = [:]
    /// Schemas that are nothing but a reference to another, for finding reference-only cycles.
    var referenceEdges: [TargetKey: ReferenceEdge] = [:]

    /// Objects decoded from a reference target, for ``decodeShared(_:_:)``.
    var sharedObjects: [SharedObjectKey: SharedObject] = [:]
    /// Schemas in the decoded document, counting a shared object at each place it is used.
    var expandedSchemaCount = 0
    var reportedExpansion = false
    /// Far more schemas than real documents have (Stripe's has about 18,000, DigitalOcean's
    /// 23,000), few enough for a generator to walk.
    static let maxExpandedSchemas = 1_000_000

    private var reportedDepth = false
    /// Nodes decoded so far, counting a node again each time a reference brings it in.
    private var work = 0
    private var reportedWork = false
    /// Real documents need a few hundred thousand; references that multiply content (a large
    /// `responses` map shared by every operation of a large file) are stopped here instead of
    /// running for hours.
    static let maxWork = 20_000_000

    init(store: SourceStore, diagnostics: DiagnosticCollector, version: Document.Version, rootFile: SourceFileID) {
        self.store = store
        self.diagnostics = diagnostics
        self.version = version
        self.rootFile = rootFile
    }

    func error(_ message: String, at cursor: Cursor) {
        diagnostics.error(message, at: cursor.location, pointer: cursor.pointer.fragment)
    }

    func warning(_ message: String, at cursor: Cursor) {
        diagnostics.warning(message, at: cursor.location, pointer: cursor.pointer.fragment)
    }

    func error(_ message: String, at location: SourceLocation, pointer: JSONPointer) {
        diagnostics.error(message, at: location, pointer: pointer.fragment)
    }

    func warning(_ message: String, at location: SourceLocation, pointer: JSONPointer) {
        diagnostics.warning(message, at: location, pointer: pointer.fragment)
    }

    /// True, after reporting once, when a node lies too deep to decode.
    func isTooDeep(_ cursor: Cursor) -> Bool {
        guard cursor.depth > Self.maxDepth else { return false }
        if !reportedDepth {
            reportedDepth = true
            error("the document nests deeper than \(Self.maxDepth) levels (counting referenced files); the rest of this branch is skipped", at: cursor)
        }
        return true
    }

    /// Accounts for decoding `nodes` more nodes; false, after reporting once, when the document's
    /// references have multiplied it beyond ``maxWork``.
    func spend(_ nodes: Int, at location: SourceLocation) -> Bool {
        work += nodes
        guard work > Self.maxWork else { return true }
        if !reportedWork {
            reportedWork = true
            diagnostics.error("references expand the document beyond \(Self.maxWork) nodes; the rest is skipped (a reference bomb?)",
                              at: location)
        }
        return false
    }

    /// `x-` keys, which OpenAPI reserves for extensions.
    static func isExtension(_ key: String) -> Bool {
        key.utf8.count > 2 && key.hasPrefix("x-")
    }
}

struct SharedObject {
    var object: Any
    /// Schemas decoded within the object, nested shared objects included.
    var schemaCount: Int
}

struct SharedObjectKey: Hashable {
    var target: TargetKey
    var type: ObjectIdentifier
}

/// A schema that is only a `$ref` to another schema, recorded for the reference-cycle check.
struct ReferenceEdge {
    var target: TargetKey
    /// The `$ref` string's place, where a cycle it closes is reported.
    var location: SourceLocation
    var pointer: JSONPointer
}
