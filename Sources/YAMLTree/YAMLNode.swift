/// One node of a YAML (or JSON) document, with the place it starts.
///
/// Nodes are values: an alias shares its anchor's storage (arrays are copy-on-write), so a
/// document with many aliases costs memory for its text, not for its expansion.
public struct YAMLNode: Sendable {
    public var location: SourceLocation
    public var content: Content

    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let m) = content { return m }
        return nil
    }

    /// What a reader would call this node in an error message ("a mapping", "the string \"x\"").
    public var kindDescription: String {
        switch content {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let s):
            switch s.kind {
            case .null: return "null"
            case .bool: return "the boolean \(s.text)"
            case .integer, .float: return "the number \(s.text)"
            case .string: return "the string \"\(s.text.count > 40 ? String(s.text.prefix(40)) + "…" : s.text)\""
            }
        }
    }
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
}

/// A mapping's entries in document order. Keys are scalars: OpenAPI never uses complex keys,
/// and the parser refuses them with a located error.
public struct YAMLMapping: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The value for a key; a linear scan, as mappings are small or read whole in one pass.
    public subscript(key: String) -> YAMLNode? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }
}
