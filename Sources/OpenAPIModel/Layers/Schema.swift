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

    /// Where the schema is written (the `$ref`'s place for a reference).
    public var location: SourceLocation
    public var pointer: JSONPointer

    /// The resolved `$ref`, if any. In 3.1 the other keywords may stand beside it.
    public var ref: RefTarget?
    /// `true`/`false` schemas of 3.1 (`{}` is `true`).
    public var booleanSchema: Bool?

    /// 3.0's `nullable: true` as written. Beside `type` it is folded into ``types``; without a
    /// type (`nullable: true` beside `anyOf`, as Stripe writes expandable fields) only this
    /// flag says that null is allowed.
    public var nullable = false

    /// nil when the schema does not constrain the type.
    public var types: [JSONType]?
    public var typeLocation: SourceLocation?
    public var format: String?
    public var title: String?
    public var description: String?
    public var deprecated = false
    public var readOnly = false
    public var writeOnly = false

    public var enumValues: [Value]?
    public var constValue: Value?
    public var defaultValue: Value?
    public var examples: [Value] = []

    public var properties = OrderedMap<Schema>()
    public var required: [String] = []
    public var additionalProperties: AdditionalProperties?
    public var patternProperties = OrderedMap<Schema>()
    public var propertyNames: Indirect<Schema>?
    public var minProperties: Int?
    public var maxProperties: Int?

    public var items: Indirect<Schema>?
    public var prefixItems: [Schema] = []
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false

    public var allOf: [Schema] = []
    public var oneOf: [Schema] = []
    public var anyOf: [Schema] = []
    public var not: Indirect<Schema>?
    public var discriminator: Discriminator?

    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var patternLocation: SourceLocation?
    public var contentEncoding: String?
    public var contentMediaType: String?

    public var minimum: Bound?
    public var maximum: Bound?
    public var multipleOf: NumberLiteral?

    /// `$defs` (3.1) and `definitions`: read so that references into them resolve.
    public var defs = OrderedMap<Schema>()
    public var extensions = OrderedMap<Value>()

    public init(location: SourceLocation, pointer: JSONPointer) {
        self.location = location
        self.pointer = pointer
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
