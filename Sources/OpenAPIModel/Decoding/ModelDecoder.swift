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
    /// Each distinct `$ref` text, split once.
    var parsedReferences: [String: ParsedReference] = [:]
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

    /// The class of the key `$ref` in the load's arena, looked up once it occurs; every mapping
    /// the decoder reads is checked for it.
    private var refKey: KeyID?
    /// The arena's key count when `$ref` was last looked up and absent.
    private var refKeyAbsentAt = -1

    /// `$id`s and anchors by file, for schema references written against them; see
    /// ``schemaReferenceText(_:at:)``.
    var identifiersByFile: [SourceFileID: SchemaIdentifiers] = [:]
    /// The arena's key count when `$id` and the anchor keywords were last looked up and absent.
    var identifierKeysAbsentAt = -1
    /// What `$dynamicRef`s that depend on the path need, for ``Document/dynamicScopes``.
    var dynamicScopes = DynamicScopes()

    /// Each file's `$self` base (see SelfURI.swift), looked up once; `.some(nil)` for none.
    var selfBases: [SourceFileID: String?] = [:]

    /// The schema keyword of each key of the load.
    let schemaKeywords = KeywordTable<SchemaKeyword>()

    private var reportedDepth = false
    /// Nodes decoded so far, counting a node again each time a reference brings it in.
    private var work = 0
    private var reportedWork = false
    /// Real documents need a few hundred thousand; references that multiply content (a large
    /// `responses` map shared by every operation of a large file) are stopped here instead of
    /// running for hours.
    static let maxWork = 20_000_000

    /// Set when decoding on a caller's thread whose stack may be too small for the document.
    let stackLimit: StackLimit?
    /// Set once the stack reached ``stackLimit``; from then on every schema and literal is
    /// skipped, so that decoding unwinds, and the result is to be discarded.
    private(set) var ranOutOfStack = false

    init(store: SourceStore, diagnostics: DiagnosticCollector, version: Document.Version, rootFile: SourceFileID,
         stackLimit: StackLimit? = nil) {
        self.store = store
        self.diagnostics = diagnostics
        self.version = version
        self.rootFile = rootFile
        self.stackLimit = stackLimit
    }

    /// True when the stack has no room for going deeper. Checked where decoding recurses
    /// without bound (schemas, literals); every other path adds only a few frames between them.
    func isOutOfStack() -> Bool {
        guard let stackLimit else { return false }
        if !ranOutOfStack && stackLimit.isReached { ranOutOfStack = true }
        return ranOutOfStack
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
        if isOutOfStack() { return true }
        guard cursor.depth > Self.maxDepth else { return false }
        if !reportedDepth {
            reportedDepth = true
            error("the document nests deeper than \(Self.maxDepth) levels (counting referenced files); the rest of this branch is skipped", at: cursor)
        }
        return true
    }

    /// Accounts for decoding `nodes` more nodes; false, after reporting once, when the document's
    /// references have multiplied it beyond ``maxWork``.
    func spend(_ nodes: Int, at node: NodeRef) -> Bool {
        work += nodes
        guard work > Self.maxWork else { return true }
        if !reportedWork {
            reportedWork = true
            diagnostics.error("references expand the document beyond \(Self.maxWork) nodes; the rest is skipped (a reference bomb?)",
                              at: node.location)
        }
        return false
    }

    /// A mapping's `$ref` entry, found without hashing the key's text each time.
    func refEntry(_ mapping: MappingRef) -> EntryRef? {
        if let refKey { return mapping.entry(refKey) }
        let keyCount = store.arena.keyCount
        if refKeyAbsentAt == keyCount { return nil }
        refKey = store.arena.lookupKey("$ref")
        guard let refKey else {
            refKeyAbsentAt = keyCount
            return nil
        }
        return mapping.entry(refKey)
    }

    /// `x-` keys, which OpenAPI reserves for extensions.
    static func isExtension(_ key: String) -> Bool {
        key.utf8.count > 2 && key.hasPrefix("x-")
    }
}

struct SharedObject {
    /// A ``SharedBox`` of the object's type.
    var object: AnyObject
    /// Schemas decoded within the object, nested shared objects included.
    var schemaCount: Int
}

final class SharedBox<T> {
    let value: T?
    init(_ value: T?) { self.value = value }
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
