/// One node of a YAML (or JSON) document, with the place it starts.
///
/// Nodes are values that share their document's storage (a ``YAMLArena``): an alias repeats
/// its anchor's content without copying it, so a document with many aliases costs memory for
/// its text, not for its expansion. Reading is cheap; setting ``location`` or ``content``, or
/// making a node with ``init(_:at:)``, copies the content into storage of its own.
public struct YAMLNode: Sendable {
    let arena: YAMLArena
    let id: UInt32

    init(arena: YAMLArena, id: UInt32) {
        self.arena = arena
        self.id = id
    }

    var ref: NodeRef { arena.node(id) }

    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    public init(_ content: Content, at location: SourceLocation) {
        let arena = YAMLArena()
        self.init(arena: arena, id: arena.append(content, at: location))
    }

    public var location: SourceLocation {
        get { ref.location }
        set { self = YAMLNode(content, at: newValue) }
    }

    public var content: Content {
        get {
            switch ref.content {
            case .scalar(let s): return .scalar(s)
            case .sequence(let items): return .sequence(items.map(\.node))
            case .mapping(let m): return .mapping(YAMLMapping(arena: arena, id: m.id))
            }
        }
        set { self = YAMLNode(newValue, at: location) }
    }

    public var scalar: YAMLScalar? { ref.scalar }

    public var sequence: [YAMLNode]? { ref.sequence?.map(\.node) }

    public var mapping: YAMLMapping? {
        ref.isMapping ? YAMLMapping(arena: arena, id: id) : nil
    }

    /// What a reader would call this node in an error message ("a mapping", "the string \"x\"").
    public var kindDescription: String { ref.kindDescription }
}

/// A scalar's text together with what YAML 1.2's core schema says it is.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text after YAML unescaping, exactly as written for plain scalars.
    public var text: String
    public var style: Style
    public var kind: Kind

    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The core-schema type of the scalar. Quoted and block scalars are always strings.
    public enum Kind: Sendable, Hashable {
        case null, bool, integer, float, string
    }

    public init(text: String, style: Style, kind: Kind) {
        self.text = text
        self.style = style
        self.kind = kind
    }

    public var boolValue: Bool? {
        guard kind == .bool else { return nil }
        return text.first == "t" || text.first == "T"
    }

    /// The integer value, for integers written in decimal, `0o` octal or `0x` hex that fit in Int.
    public var integerValue: Int? {
        guard kind == .integer else { return nil }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// The numeric value of an integer or float scalar.
    public var doubleValue: Double? {
        switch kind {
        case .integer:
            if let i = integerValue { return Double(i) }
            return Double(text)
        case .float:
            switch text.lowercased() {
            case ".inf", "+.inf": return .infinity
            case "-.inf": return -.infinity
            case ".nan": return .nan
            default: return Double(text)
            }
        default: return nil
        }
    }

    static func describe(kind: Kind, text: String) -> String {
        switch kind {
        case .null: return "null"
        case .bool: return "the boolean \(text)"
        case .integer, .float: return "the number \(text)"
        case .string: return "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        }
    }
}

/// A mapping's entries in document order. Keys are scalars: OpenAPI never uses complex keys,
/// and the parser refuses them with a located error.
public struct YAMLMapping: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode
    }

    private enum Storage: Sendable {
        /// A parsed mapping, read in place.
        case arena(YAMLArena, UInt32)
        case entries([Entry])
    }

    private var storage: Storage

    public init(entries: [Entry]) { storage = .entries(entries) }

    init(arena: YAMLArena, id: UInt32) { storage = .arena(arena, id) }

    private var ref: MappingRef? {
        if case .arena(let arena, let id) = storage { return arena.node(id).mapping }
        return nil
    }

    public var entries: [Entry] {
        get {
            switch storage {
            case .entries(let entries): return entries
            case .arena(let arena, _):
                return ref!.map { Entry(key: $0.key, keyLocation: $0.keyLocation, value: YAMLNode(arena: arena, id: $0.value.id)) }
            }
        }
        set { storage = .entries(newValue) }
    }

    /// The value for a key; a linear scan, as mappings are small or read whole in one pass.
    public subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }

    public func entry(_ key: String) -> Entry? {
        switch storage {
        case .entries(let entries): return entries.first { $0.key == key }
        case .arena(let arena, _):
            return ref!.entry(key).map { Entry(key: $0.key, keyLocation: $0.keyLocation, value: YAMLNode(arena: arena, id: $0.value.id)) }
        }
    }

    public var keys: [String] {
        switch storage {
        case .entries(let entries): return entries.map(\.key)
        case .arena: return ref!.keys
        }
    }

    public var count: Int {
        switch storage {
        case .entries(let entries): return entries.count
        case .arena: return ref!.count
        }
    }
}

extension YAMLArena {
    /// Appends public content, copying nodes that live in other arenas.
    func append(_ content: YAMLNode.Content, at location: SourceLocation) -> UInt32 {
        var raw = RawNode(line: location.line, column: location.column, file: location.file.rawValue, flags: 0, start: 0, count: 0)
        switch content {
        case .scalar(let scalar):
            var text = scalar.text
            raw.flags = RawNode.scalarFlags(kind: scalar.kind, style: scalar.style)
            raw.start = UInt32(truncatingIfNeeded: storage.pointee.text.count)
            text.withUTF8 { buffer in
                if let base = buffer.baseAddress { storage.pointee.text.append(base, count: buffer.count) }
                raw.count = UInt32(buffer.count)
            }
        case .sequence(let items):
            let ids = items.map { copy($0.ref) }
            raw.flags = RawNode.sequenceFlag
            raw.start = UInt32(truncatingIfNeeded: storage.pointee.items.count)
            raw.count = UInt32(ids.count)
            for id in ids { storage.pointee.items.append(id) }
        case .mapping(let mapping):
            let entries = mapping.entries.map { entry -> RawEntry in
                RawEntry(key: internKey(entry.key), keyLine: entry.keyLocation.line, keyColumn: entry.keyLocation.column,
                         value: copy(entry.value.ref))
            }
            let start = storage.pointee.entries.count
            raw.start = UInt32(truncatingIfNeeded: start)
            raw.count = UInt32(entries.count)
            for entry in entries { storage.pointee.entries.append(entry) }
            raw.flags = storage.pointee.mappingFlags(entriesFrom: start)
        }
        return appendNode(raw).id
    }
}
