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
        /// OpenAPI 3.2: the schema for a payload whose property is absent or not in `mapping`.
        public var defaultMapping: String?
        public var defaultTarget: RefTarget?
        /// Where `defaultMapping` is written.
        public var defaultMappingLocation: SourceLocation?
        public var location: SourceLocation
        public init(propertyName: String, mapping: OrderedMap<String>, mappingTargets: OrderedMap<RefTarget>, location: SourceLocation) {
            self.propertyName = propertyName
            self.mapping = mapping
            self.mappingTargets = mappingTargets
            self.location = location
        }
    }

    /// A JSON Schema keyword the model reads but keeps no value of (`if`, `dependentSchemas`,
    /// `contains`, …), with its place, so that a generator that cannot honour it can say so.
    public struct UnmodelledKeyword: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
        public init(name: String, location: SourceLocation) {
            self.name = name
            self.location = location
        }
    }

    // The keywords live in one shared, copy-on-write object: a schema is copied tens of
    // thousands of times while a large document is translated (into work lists, type plans,
    // shapes), and a copy of an inline struct of two dozen fields retains every one of them.
    // Copying a schema now retains one reference; changing a copy copies its storage first.
    private var storage: Storage

    // A keyword added here (or to `RareKeywords`) must also go into `SchemaInterner`'s key in
    // SwiftCodegen, or two schemas differing only in it would share one generated type;
    // `SharedInlineTypeTests` lists the fields and fails until both are updated.
    final class Storage: @unchecked Sendable {
        var location: SourceLocation
        var nullable: Bool = false
        var deprecated: Bool = false
        var readOnly: Bool = false
        var writeOnly: Bool = false
        var pointer: JSONPointer
        var ref: RefTarget?
        var types: [JSONType]?
        var typeLocation: SourceLocation?
        var format: String?
        var title: String?
        var description: String?
        var enumValues: [Value]?
        var examples: [Value] = []
        var maxLength: Int?
        var properties: OrderedMap<Schema> = OrderedMap<Schema>()
        var required: [String] = []
        var additionalProperties: AdditionalProperties?
        var items: Indirect<Schema>?
        var allOf: [Schema] = []
        var oneOf: [Schema] = []
        var anyOf: [Schema] = []
        var extensions: OrderedMap<Value> = OrderedMap<Value>()
        var rare: RareKeywords.Box?

        init(location: SourceLocation, pointer: JSONPointer) {
            self.location = location
            self.pointer = pointer
        }

        init(copying other: Storage) {
            location = other.location
            nullable = other.nullable
            deprecated = other.deprecated
            readOnly = other.readOnly
            writeOnly = other.writeOnly
            pointer = other.pointer
            ref = other.ref
            types = other.types
            typeLocation = other.typeLocation
            format = other.format
            title = other.title
            description = other.description
            enumValues = other.enumValues
            examples = other.examples
            maxLength = other.maxLength
            properties = other.properties
            required = other.required
            additionalProperties = other.additionalProperties
            items = other.items
            allOf = other.allOf
            oneOf = other.oneOf
            anyOf = other.anyOf
            extensions = other.extensions
            rare = other.rare
        }
    }

    /// Mutated only while uniquely referenced (copy-on-write), so sharing it between threads,
    /// as sharing any copy-on-write value, is safe.
    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    public init(location: SourceLocation, pointer: JSONPointer) {
        storage = Storage(location: location, pointer: pointer)
    }

    /// The same for copies of one schema until either changes; a cheap identity for memos
    /// (which must keep the schema alive for as long as they use it).
    public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// Where the schema is written (the `$ref`'s place for a reference).
    public var location: SourceLocation {
        get { storage.location }
        _modify { yield &uniqueStorage().location }
    }

    /// 3.0's `nullable: true` as written. Beside `type` it is folded into ``types``; without a
    /// type (`nullable: true` beside `anyOf`, as Stripe writes expandable fields) only this
    /// flag says that null is allowed.
    public var nullable: Bool {
        get { storage.nullable }
        _modify { yield &uniqueStorage().nullable }
    }

    public var deprecated: Bool {
        get { storage.deprecated }
        _modify { yield &uniqueStorage().deprecated }
    }

    public var readOnly: Bool {
        get { storage.readOnly }
        _modify { yield &uniqueStorage().readOnly }
    }

    public var writeOnly: Bool {
        get { storage.writeOnly }
        _modify { yield &uniqueStorage().writeOnly }
    }

    public var pointer: JSONPointer {
        get { storage.pointer }
        _modify { yield &uniqueStorage().pointer }
    }

    /// The resolved `$ref`, if any. In 3.1 the other keywords may stand beside it.
    public var ref: RefTarget? {
        get { storage.ref }
        _modify { yield &uniqueStorage().ref }
    }

    /// nil when the schema does not constrain the type.
    public var types: [JSONType]? {
        get { storage.types }
        _modify { yield &uniqueStorage().types }
    }

    public var typeLocation: SourceLocation? {
        get { storage.typeLocation }
        _modify { yield &uniqueStorage().typeLocation }
    }

    public var format: String? {
        get { storage.format }
        _modify { yield &uniqueStorage().format }
    }

    public var title: String? {
        get { storage.title }
        _modify { yield &uniqueStorage().title }
    }

    public var description: String? {
        get { storage.description }
        _modify { yield &uniqueStorage().description }
    }

    public var enumValues: [Value]? {
        get { storage.enumValues }
        _modify { yield &uniqueStorage().enumValues }
    }

    public var examples: [Value] {
        get { storage.examples }
        _modify { yield &uniqueStorage().examples }
    }

    /// Stripe gives most strings a `maxLength`, so it is kept inline, unlike the other bounds.
    public var maxLength: Int? {
        get { storage.maxLength }
        _modify { yield &uniqueStorage().maxLength }
    }

    public var properties: OrderedMap<Schema> {
        get { storage.properties }
        _modify { yield &uniqueStorage().properties }
    }

    public var required: [String] {
        get { storage.required }
        _modify { yield &uniqueStorage().required }
    }

    public var additionalProperties: AdditionalProperties? {
        get { storage.additionalProperties }
        _modify { yield &uniqueStorage().additionalProperties }
    }

    public var items: Indirect<Schema>? {
        get { storage.items }
        _modify { yield &uniqueStorage().items }
    }

    public var allOf: [Schema] {
        get { storage.allOf }
        _modify { yield &uniqueStorage().allOf }
    }

    public var oneOf: [Schema] {
        get { storage.oneOf }
        _modify { yield &uniqueStorage().oneOf }
    }

    public var anyOf: [Schema] {
        get { storage.anyOf }
        _modify { yield &uniqueStorage().anyOf }
    }

    public var extensions: OrderedMap<Value> {
        get { storage.extensions }
        _modify { yield &uniqueStorage().extensions }
    }

    /// Keywords that few schemas use, kept out of line: with all of them in every schema's
    /// storage, a large document's schemas take nearly three times the memory. Read and
    /// written through the properties below as if stored here.
    private var rare: RareKeywords.Box? {
        get { storage.rare }
        _modify { yield &uniqueStorage().rare }
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

    /// `contentSchema` (3.1): the schema of the value a string carries in `contentMediaType`,
    /// such as the JSON `data` of an OpenAPI 3.2 Server-Sent Event.
    public var contentSchema: Indirect<Schema>? {
        get { rare?.keywords.contentSchema }
        set { if rare != nil || newValue != nil { mutateRare { $0.contentSchema = newValue } } }
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

    /// 3.1's `unevaluatedProperties`: like `additionalProperties`, but it also sees the
    /// properties that `allOf` branches declare.
    public var unevaluatedProperties: AdditionalProperties? {
        get { rare?.keywords.unevaluatedProperties }
        set { if rare != nil || newValue != nil { mutateRare { $0.unevaluatedProperties = newValue } } }
    }

    /// `if`, `then` and `else` (3.1).
    public var ifSchema: Indirect<Schema>? {
        get { rare?.keywords.ifSchema }
        set { if rare != nil || newValue != nil { mutateRare { $0.ifSchema = newValue } } }
    }

    public var thenSchema: Indirect<Schema>? {
        get { rare?.keywords.thenSchema }
        set { if rare != nil || newValue != nil { mutateRare { $0.thenSchema = newValue } } }
    }

    public var elseSchema: Indirect<Schema>? {
        get { rare?.keywords.elseSchema }
        set { if rare != nil || newValue != nil { mutateRare { $0.elseSchema = newValue } } }
    }

    /// `dependentRequired` (3.1): property → the properties required when it is present.
    public var dependentRequired: OrderedMap<[String]> {
        get { rare?.keywords.dependentRequired ?? OrderedMap() }
        set { if rare != nil || !newValue.isEmpty { mutateRare { $0.dependentRequired = newValue } } }
    }

    /// `dependentSchemas` (3.1): property → a schema the whole object must match when it is present.
    public var dependentSchemas: OrderedMap<Schema> {
        get { rare?.keywords.dependentSchemas ?? OrderedMap() }
        set { if rare != nil || !newValue.isEmpty { mutateRare { $0.dependentSchemas = newValue } } }
    }

    /// `contains` (3.1), with `minContains`/`maxContains`.
    public var contains: Indirect<Schema>? {
        get { rare?.keywords.contains }
        set { if rare != nil || newValue != nil { mutateRare { $0.contains = newValue } } }
    }

    public var minContains: Int? {
        get { rare?.keywords.minContains }
        set { if rare != nil || newValue != nil { mutateRare { $0.minContains = newValue } } }
    }

    public var maxContains: Int? {
        get { rare?.keywords.maxContains }
        set { if rare != nil || newValue != nil { mutateRare { $0.maxContains = newValue } } }
    }

    /// `unevaluatedItems` (3.1).
    public var unevaluatedItems: AdditionalProperties? {
        get { rare?.keywords.unevaluatedItems }
        set { if rare != nil || newValue != nil { mutateRare { $0.unevaluatedItems = newValue } } }
    }

    /// A `$dynamicRef` that no single schema answers (then ``ref`` is nil).
    public var dynamicReference: DynamicReference? {
        get { rare?.keywords.dynamicReference }
        set { if rare != nil || newValue != nil { mutateRare { $0.dynamicReference = newValue } } }
    }

    /// In the order written.
    public var unmodelledKeywords: [UnmodelledKeyword] {
        get { rare?.keywords.unmodelledKeywords ?? [] }
        set { if rare != nil || !newValue.isEmpty { mutateRare { $0.unmodelledKeywords = newValue } } }
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
    var contentSchema: Indirect<Schema>?
    var minimum: Schema.Bound?
    var maximum: Schema.Bound?
    var multipleOf: NumberLiteral?
    var defs = OrderedMap<Schema>()
    var unevaluatedProperties: Schema.AdditionalProperties?
    var ifSchema: Indirect<Schema>?
    var thenSchema: Indirect<Schema>?
    var elseSchema: Indirect<Schema>?
    var dependentRequired = OrderedMap<[String]>()
    var dependentSchemas = OrderedMap<Schema>()
    var contains: Indirect<Schema>?
    var minContains: Int?
    var maxContains: Int?
    var unevaluatedItems: Schema.AdditionalProperties?
    var dynamicReference: Schema.DynamicReference?
    var unmodelledKeywords: [Schema.UnmodelledKeyword] = []

    /// Mutated only while uniquely referenced (see `Schema.mutateRare`), so sharing it between
    /// threads, as sharing any copy-on-write value, is safe.
    final class Box: @unchecked Sendable {
        var keywords: RareKeywords
        init(_ keywords: RareKeywords) { self.keywords = keywords }
    }
}
