import OpenAPIModel
import YAMLTree

/// State shared by the translation of one document: the names given to referenced schemas, what
/// is reachable from responses, and the diagnostics raised along the way.
final class TranslationContext {
    let document: Document
    let config: GeneratorConfig
    var diagnostics = DiagnosticCollector()

    /// Swift names of schemas that `$ref`s reach (components and external targets).
    var namedTypes: [RefTarget: String] = [:]
    /// What each named type was declared as, to know whether a reference is a struct.
    var namedKinds: [String: NamedKind] = [:]
    var topLevelNames = NameScope(reserved: ReservedNames.topLevel)
    /// Names nested types must avoid: the reserved names and every model's name.
    var nestedReserved: Set<String> = ReservedNames.nested

    func container(_ qualifiedName: String, openEnums: Bool, sends: Bool = false) -> Container {
        var c = Container(qualifiedName: qualifiedName, openEnums: openEnums, reserved: nestedReserved)
        c.sends = sends
        return c
    }
    /// Named schemas a response can contain: enums inside them stay open to values added later.
    var responseReachable: Set<RefTarget> = []
    /// Named schemas a request can contain.
    var requestReachable: Set<RefTarget> = []
    private var constraintMemo: [RefTarget: Bool] = [:]
    /// ``hasConstraints(_:openEnums:)`` of inline schemas, by storage identity and openness: a
    /// struct's validator asks it of every property's subtree, and the validators of the structs
    /// nested in those subtrees ask it again of each part, so a deep inline tree (Stripe's
    /// request bodies) was walked once per level it is nested in.
    var inlineConstraintMemo = SchemaMemo<InlineConstraintKey, Bool>()
    /// ``SchemaShaper/shape(_:)`` by storage identity, for the analyses that ask it of the same
    /// schema many times (type uses, validators, constraint and static-check rules).
    var shapeMemo = SchemaMemo<ObjectIdentifier, ShapedSchema>()
    /// ``flattenObject(_:)`` by storage identity.
    var flatObjectMemo = SchemaMemo<ObjectIdentifier, FlatObject>()
    /// ``needsStaticCheck(_:)`` by storage identity.
    var staticCheckMemo = SchemaMemo<ObjectIdentifier, Bool>()
    /// Stored struct properties whose type is another generated struct, for finding value cycles.
    var structEdges: [String: [(property: String, target: String)]] = [:]
    /// Struct layouts by qualified name, completed once the whole graph is known.
    var structPlans: [String: StructPlan] = [:]
    /// Named types that are aliases of a struct, mapped to the struct.
    var aliasedStructs: [String: String] = [:]
    /// Validation extensions, in declaration order.
    var validators: [ValidatorExtension] = []
    var interner = SchemaInterner()
    /// Inline types of operations already declared, by what would declare them again.
    var sharedInlineTypes: [SharedInlineType: TypeUse] = [:]
    /// Header sets several responses document alike, by ``headerSetKey(_:)``.
    var sharedHeaderSets: [String: SharedHeaderSet] = [:]
    /// Schema descriptions for values checked by the runtime's JSON Schema checker.
    var staticSchemas = StaticSchemaTable()
    /// Places already warned about by ``noteUnhonouredKeywords(_:)``.
    var unhonouredPlaces: Set<SourceLocation> = []
    /// Places whose `pattern` was already checked, so each problem is reported once.
    var reportedPatterns: Set<SourceLocation> = []

    enum NamedKind {
        case structure, enumeration, alias
    }

    init(document: Document, config: GeneratorConfig) {
        self.document = document
        self.config = config
    }

    var access: AccessLevel { config.accessLevel }

    /// Drops the per-schema memos (shapes, flattened objects, constraint and static-check
    /// answers): they hold results, and the schemas they were found for, that would otherwise
    /// be freed, so they are kept only while one batch of declarations is translated (the
    /// models, then each file of operations), where they are asked again and again. Kept for
    /// the whole run they raised Stripe's peak memory by 4 MB.
    func forgetSchemaMemos() {
        shapeMemo.removeAll()
        flatObjectMemo.removeAll()
        inlineConstraintMemo.removeAll()
        staticCheckMemo.removeAll()
    }

    /// ``SchemaShaper/shape(_:)``, computed once per schema storage.
    func shapeOf(_ schema: Schema) -> ShapedSchema {
        if let known = shapeMemo[schema.storageIdentity] { return known }
        var shaped = SchemaShaper.shape(schema)
        if !config.infersTypes, impliesTypeItDoesNotState(shaped) { shaped.shape = .any }
        shapeMemo.store(shaped, for: schema.storageIdentity, of: schema)
        return shaped
    }

    func schema(for target: RefTarget) -> Schema? { document.resolve(target) }

    /// Whether a value of this schema has anything to check, looking through references once.
    /// With `openEnums` (a type read from responses), an inline enum counts: its open Swift type
    /// decodes any value, so `validate()` is what reports one the spec does not list.
    func hasConstraints(_ schema: Schema, openEnums: Bool = false) -> Bool {
        var visiting = Set<RefTarget>()
        return hasConstraints(schema, open: openEnums, &visiting)
    }

    private func hasConstraints(_ schema: Schema, open: Bool, _ visiting: inout Set<RefTarget>) -> Bool {
        // An answer found with nothing on the path is the whole answer: the walk is an "any
        // reachable part constrains" search, so a part's full answer may stand in for the one
        // a walk cut short at a reference already on its path (that reference's own walk, from
        // higher up, reaches the same parts). Answers found below a reference are not kept:
        // they may be cut short.
        let key = InlineConstraintKey(identity: schema.storageIdentity, open: open)
        if let known = inlineConstraintMemo[key] { return known }
        let topLevel = visiting.isEmpty
        let result = walkConstraints(schema, open: open, &visiting)
        if topLevel {
            inlineConstraintMemo.store(result, for: key, of: schema)
        }
        return result
    }

    private func walkConstraints(_ schema: Schema, open: Bool, _ visiting: inout Set<RefTarget>) -> Bool {
        let shaped = shapeOf(schema)
        if ownConstraints(shaped.effective) || shaped.outer.map(ownConstraints) == true { return true }
        switch shaped.shape {
        case .reference(let target):
            if let memo = constraintMemo[target] { return memo }
            guard visiting.insert(target).inserted, let resolved = self.schema(for: target) else { return false }
            // A named schema's enums are open exactly when a response reaches it, whoever refers to it.
            let result = hasConstraints(resolved, open: responseReachable.contains(target), &visiting)
            visiting.remove(target)
            if visiting.isEmpty { constraintMemo[target] = result }
            return result
        case .stringEnum, .integerEnum: return open
        case .array(let items?): return hasConstraints(items, open: open, &visiting)
        case .map(let values?): return hasConstraints(values, open: open, &visiting)
        case .object:
            // A one-part allOf is read as that part, whose own keywords count too.
            return shaped.effective.properties.contains { hasConstraints($0.value, open: open, &visiting) }
                || shaped.effective.allOf.contains { hasConstraints($0, open: open, &visiting) }
        case .allOf(let parts):
            return parts.contains { hasConstraints($0, open: open, &visiting) }
                || shaped.effective.properties.contains { hasConstraints($0.value, open: open, &visiting) }
        case .union(let branches, _):
            return branches.contains { hasConstraints($0, open: open, &visiting) }
        default:
            return false
        }
    }

    private func ownConstraints(_ s: Schema) -> Bool {
        s.minLength != nil || s.maxLength != nil || s.pattern != nil || s.minimum != nil || s.maximum != nil
            || s.multipleOf != nil || s.minItems != nil || s.maxItems != nil || s.uniqueItems
            || s.minProperties != nil || s.maxProperties != nil
            || (s.constValue != nil && s.constValue != .null) || needsStaticCheck(s)
            || [s.additionalProperties, s.unevaluatedProperties].contains { if case .allowed(false)? = $0 { true } else { false } }
    }
}

/// An object's properties with its allOf branches merged in (``TranslationContext/flattenObject(_:)``).
typealias FlatObject = (properties: OrderedMap<Schema>, required: Set<String>, additional: Schema.AdditionalProperties?)

/// A schema's storage and whether its enums are read as open, for ``TranslationContext/inlineConstraintMemo``.
struct InlineConstraintKey: Hashable {
    var identity: ObjectIdentifier
    var open: Bool
}

/// `extension T: Validatable { func validate(into:) { … } }` for one generated type.
struct ValidatorExtension {
    var typeName: String
    var lines: [String]
    var patterns: [(name: String, source: String)]
}

/// What an operation's inline type is made from: the same schema under the same name, read or
/// sent the same way, gives the same declaration, so a later copy uses the first one's type.
struct SharedInlineType: Hashable {
    var schema: Int
    var name: String
    var openEnums: Bool
    var sends: Bool
}
