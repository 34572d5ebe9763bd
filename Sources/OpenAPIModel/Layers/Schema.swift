import YAMLTree

/// A JSON Schema as OpenAPI 3.0 and 3.1 write it, with 3.0's spellings folded into 3.1's
/// (`nullable: true` becomes a `null` type, boolean `exclusiveMinimum` a flag on the bound).
public struct Schema: Sendable {
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, integer, number, boolean, array, object, null
    }

    /// A `minimum`/`maximum` bound: 3.1 writes exclusive bounds as their own keywords, 3.0 as a
    /// boolean beside the bound; both land here.
    public struct Bound: Sendable, Hashable {
        public var value: NumberLiteral
        public var exclusive: Bool
        public init(value: NumberLiteral, exclusive: Bool) {
            self.value = value
            self.exclusive = exclusive
        }
    }

    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Indirect<Schema>)
    }

    public struct Discriminator: Sendable {
        public var propertyName: String
        /// Wire value → target, as written; targets are resolved into ``mappingTargets``.
        public var mapping: OrderedMap<String>
        public var mappingTargets: OrderedMap<RefTarget>
        public var location: SourceLocation
        public init(propertyName: String, mapping: OrderedMap<String>, mappingTargets: OrderedMap<RefTarget>, location: SourceLocation) {
            self.propertyName = propertyName
            self.mapping = mapping
            self.mappingTargets = mappingTargets
            self.location = location
        }
    }

    // Stored properties are ordered so that small ones fill the padding after larger ones.

    /// Where the schema is written (the `$ref`'s place for a reference).
    public var location: SourceLocation

    /// 3.0's `nullable: true` as written. Beside `type` it is folded into ``types``; without a
    /// type (`nullable: true` beside `anyOf`, as Stripe writes expandable fields) only this
    /// flag says that null is allowed.
    public var nullable = false
    public var deprecated = false
    public var readOnly = false
    public var writeOnly = false

    public var pointer: JSONPointer

    /// The resolved `$ref`, if any. In 3.1 the other keywords may stand beside it.
    public var ref: RefTarget?

    /// nil when the schema does not constrain the type.
    public var types: [JSONType]?
    public var typeLocation: SourceLocation?
    public var format: String?
    public var title: String?
    public var description: String?

    public var enumValues: [Value]?
    public var examples: [Value] = []
    /// Stripe gives most strings a `maxLength`, so it is kept inline, unlike the other bounds.
    public var maxLength: Int?

    public var properties = OrderedMap<Schema>()
    public var required: [String] = []
    public var additionalProperties: AdditionalProperties?

    public var items: Indirect<Schema>?

    public var allOf: [Schema] = []
    public var oneOf: [Schema] = []
    public var anyOf: [Schema] = []

    public var extensions = OrderedMap<Value>()

    /// Keywords that few schemas use, kept out of line: a schema is copied and stored tens of
    /// thousands of times in a large document, and with all of them inline it is nearly three
    /// times the size. Read and written through the properties below as if stored here.
    private var rare: RareKeywords.Box?

    public init(location: SourceLocation, pointer: JSONPointer) {
        self.location = location
        self.pointer = pointer
    }

    /// `true`/`false` schemas of 3.1 (`{}` is `true`).
    public var booleanSchema: Bool? {
        get { rare?.keywords.booleanSchema }
        set { if rare != nil || newValue != nil { mutateRare { $0.booleanSchema = newValue } } }
    }

    public var constValue: Value? {
        get { rare?.keywords.constValue }
        set { if rare != nil || newValue != nil { mutateRare { $0.constValue = newValue } } }
    }

    public var defaultValue: Value? {
        get { rare?.keywords.defaultValue }
        set { if rare != nil || newValue != nil { mutateRare { $0.defaultValue = newValue } } }
    }

    public var patternProperties: OrderedMap<Schema> {
        get { rare?.keywords.patternProperties ?? OrderedMap() }
        set { if rare != nil || !newValue.isEmpty { mutateRare { $0.patternProperties = newValue } } }
    }

    public var propertyNames: Indirect<Schema>? {
        get { rare?.keywords.propertyNames }
        set { if rare != nil || newValue != nil { mutateRare { $0.propertyNames = newValue } } }
    }

    public var minProperties: Int? {
        get { rare?.keywords.minProperties }
        set { if rare != nil || newValue != nil { mutateRare { $0.minProperties = newValue } } }
    }

    public var maxProperties: Int? {
        get { rare?.keywords.maxProperties }
        set { if rare != nil || newValue != nil { mutateRare { $0.maxProperties = newValue } } }
    }

    public var prefixItems: [Schema] {
        get { rare?.keywords.prefixItems ?? [] }
        set { if rare != nil || !newValue.isEmpty { mutateRare { $0.prefixItems = newValue } } }
    }

    public var minItems: Int? {
        get { rare?.keywords.minItems }
        set { if rare != nil || newValue != nil { mutateRare { $0.minItems = newValue } } }
    }

    public var maxItems: Int? {
        get { rare?.keywords.maxItems }
        set { if rare != nil || newValue != nil { mutateRare { $0.maxItems = newValue } } }
    }

    public var uniqueItems: Bool {
        get { rare?.keywords.uniqueItems ?? false }
        set { if rare != nil || newValue { mutateRare { $0.uniqueItems = newValue } } }
    }

    public var not: Indirect<Schema>? {
        get { rare?.keywords.not }
        set { if rare != nil || newValue != nil { mutateRare { $0.not = newValue } } }
    }

    public var discriminator: Discriminator? {
        get { rare?.keywords.discriminator }
        set { if rare != nil || newValue != nil { mutateRare { $0.discriminator = newValue } } }
    }

    public var minLength: Int? {
        get { rare?.keywords.minLength }
        set { if rare != nil || newValue != nil { mutateRare { $0.minLength = newValue } } }
    }

    public var pattern: String? {
        get { rare?.keywords.pattern }
        set { if rare != nil || newValue != nil { mutateRare { $0.pattern = newValue } } }
    }

    public var patternLocation: SourceLocation? {
        get { rare?.keywords.patternLocation }
        set { if rare != nil || newValue != nil { mutateRare { $0.patternLocation = newValue } } }
    }

    public var contentEncoding: String? {
        get { rare?.keywords.contentEncoding }
        set { if rare != nil || newValue != nil { mutateRare { $0.contentEncoding = newValue } } }
    }

    public var contentMediaType: String? {
        get { rare?.keywords.contentMediaType }
        set { if rare != nil || newValue != nil { mutateRare { $0.contentMediaType = newValue } } }
    }

    public var minimum: Bound? {
        get { rare?.keywords.minimum }
        set { if rare != nil || newValue != nil { mutateRare { $0.minimum = newValue } } }
    }

    public var maximum: Bound? {
        get { rare?.keywords.maximum }
        set { if rare != nil || newValue != nil { mutateRare { $0.maximum = newValue } } }
    }

    public var multipleOf: NumberLiteral? {
        get { rare?.keywords.multipleOf }
        set { if rare != nil || newValue != nil { mutateRare { $0.multipleOf = newValue } } }
    }

    /// `$defs` (3.1) and `definitions`: read so that references into them resolve.
    public var defs: OrderedMap<Schema> {
        get { rare?.keywords.defs ?? OrderedMap() }
        set { if rare != nil || !newValue.isEmpty { mutateRare { $0.defs = newValue } } }
    }

    /// Copy-on-write: the box is shared between copies of a schema until one of them changes
    /// a rare keyword. The setters skip setting a keyword to its default on a schema without a
    /// box, which then needs none.
    private mutating func mutateRare(_ change: (inout RareKeywords) -> Void) {
        if rare == nil {
            var keywords = RareKeywords()
            change(&keywords)
            rare = RareKeywords.Box(keywords)
        } else if isKnownUniquelyReferenced(&rare!) {
            change(&rare!.keywords)
        } else {
            var keywords = rare!.keywords
            change(&keywords)
            rare = RareKeywords.Box(keywords)
        }
    }

    /// True when `null` is among the allowed types (3.1 `type: [X, "null"]`, 3.0 `nullable`).
    public var allowsNull: Bool { types?.contains(.null) ?? nullable }

    /// The types other than `null`.
    public var nonNullTypes: [JSONType]? { types?.filter { $0 != .null } }

    /// A schema that is only `{type: "null"}`: the null branch of `anyOf: [X, {type: "null"}]`.
    public var isNullOnly: Bool {
        types == [.null] && ref == nil && enumValues == nil && allOf.isEmpty && anyOf.isEmpty && oneOf.isEmpty
    }
}

/// The keywords ``Schema`` keeps out of line.
struct RareKeywords: Sendable {
    var booleanSchema: Bool?
    var constValue: Value?
    var defaultValue: Value?
    var patternProperties = OrderedMap<Schema>()
    var propertyNames: Indirect<Schema>?
    var minProperties: Int?
    var maxProperties: Int?
    var prefixItems: [Schema] = []
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var not: Indirect<Schema>?
    var discriminator: Schema.Discriminator?
    var minLength: Int?
    var pattern: String?
    var patternLocation: SourceLocation?
    var contentEncoding: String?
    var contentMediaType: String?
    var minimum: Schema.Bound?
    var maximum: Schema.Bound?
    var multipleOf: NumberLiteral?
    var defs = OrderedMap<Schema>()

    /// Mutated only while uniquely referenced (see `Schema.mutateRare`), so sharing it between
    /// threads, as sharing any copy-on-write value, is safe.
    final class Box: @unchecked Sendable {
        var keywords: RareKeywords
        init(_ keywords: RareKeywords) { self.keywords = keywords }
    }
}
