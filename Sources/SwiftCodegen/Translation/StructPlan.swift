import OpenAPIModel

/// A struct's stored properties as decided during translation. Members are written only after
/// every type is known, because whether a property must be boxed (a value cycle such as
/// `parent: Node?`) depends on the whole graph.
struct StructPlan {
    struct Property {
        var wireName: String
        var swiftName: String
        var use: TypeUse
        /// Optional in Swift: not required, or nullable. A property with a `default` is optional
        /// too, so that a value the server left out is written back left out.
        var optional: Bool
        /// A Swift literal for the spec's `default`: the initializer's default argument, so the
        /// default applies when the caller omits the value (never when the server did).
        var defaultLiteral: String?
        var doc: [String]
        var boxed = false
        /// Required but nullable: present in the JSON, possibly as `null`.
        var writesNull = false
        /// A Swift condition that holds when the value is the one the schema pins the property to
        /// (`const`, or an enum that an open type does not enforce); unions rank branches by it.
        var pinnedCheck: String?

        var typeText: String { optional ? use.base + "?" : use.base }
    }

    var name: String
    var qualifiedName: String
    var properties: [Property]
    /// The stored property for the members the schema does not name (`additionalProperties`),
    /// and its value type: `JSONValue` unless `additionalProperties` is a schema.
    var additional: (swiftName: String, valueType: String)
    /// `additionalProperties: false` or `unevaluatedProperties: false`: unnamed members are still
    /// decoded and kept (a server that adds a field must not break the client) but `validate()`
    /// reports each of them.
    var forbidsAdditional = false
    /// The schema states no `type` (only `properties` and such, which apply to objects), so any
    /// other JSON value is valid too: the struct keeps one in `nonObjectValue`. Only when every
    /// property is optional, since a non-object has none of them.
    var holdsNonObjects = false

    /// Optional members whose schema allows `null` and whose Swift type cannot hold it apart from
    /// absent (`String?`): the struct notes which were read as `null` (`nullMembers`) and writes
    /// those back as `null`. JSONValue members keep it as `.null` instead.
    func notesNull(_ p: Property) -> Bool { p.optional && !p.writesNull && p.use.nullable && p.use.base != "JSONValue" }
    var notesNulls: Bool { properties.contains(where: notesNull) }
}

extension TranslationContext {
    /// Builds a struct's declaration shell (doc, conformances, nested types) and records its plan;
    /// ``StructCompletion`` fills in properties, initializer and coding later.
    func makeStruct(_ name: String, schema: Schema, qualifiedName: String, doc: [String], openEnums: Bool, sends: Bool = false,
                    sharesInlineTypes: Bool = false) -> TypeDecl {
        var nested = container(qualifiedName, openEnums: openEnums, sends: sends)
        nested.sharesInlineTypes = sharesInlineTypes
        let flat = flattenObject(schema)
        var memberNames = NameScope(reserved: ["additionalProperties", "unknownMemberCount", "unexpectedValueCount", "nonObjectValue", "nullMembers"])
        var properties: [StructPlan.Property] = []
        for (key, propertySchema) in flat.properties {
            let swiftName = memberNames.claim(SwiftNames.memberName(key))
            let use = typeUse(propertySchema, hint: key, in: &nested)
            let shaped = use.shaped
            // readOnly/writeOnly properties are required in one direction only, so Swift can't insist on them.
            let required = flat.required.contains(key) && !propertySchema.readOnly && !propertySchema.writeOnly
            var defaultValue = propertySchema.defaultValue ?? shaped.effective.defaultValue
            if defaultValue == nil, case .reference(let target) = shaped.shape { defaultValue = self.schema(for: target)?.defaultValue }
            var defaultLiteral: String?
            if !required, !use.nullable, let defaultValue {
                defaultLiteral = literal(defaultValue, for: use)
            }
            var doc = DocComments.lines(for: propertySchema, name: key)
            if let defaultLiteral {
                if !doc.isEmpty { doc.append("") }
                doc.append("Absent means `\(defaultLiteral)`.")
            }
            var property = StructPlan.Property(
                wireName: key, swiftName: swiftName, use: use, optional: !required || use.nullable,
                defaultLiteral: defaultLiteral, doc: doc)
            // Required means present: a nil is written as `null`, never left out.
            property.writesNull = required && use.nullable
            if required, !use.nullable { property.pinnedCheck = pinnedCheck(use, value: "self." + SwiftNames.escaped(swiftName), open: nested.openEnums) }
            properties.append(property)
            if let target = use.storedStruct {
                structEdges[qualifiedName, default: []].append((swiftName, target))
            }
        }
        var additional = (swiftName: "additionalProperties", valueType: "JSONValue")
        if case .schema(let valueSchema)? = flat.additional {
            additional.valueType = typeUse(valueSchema.value, hint: "AdditionalProperty", in: &nested).rendered
        }
        var plan = StructPlan(name: name, qualifiedName: qualifiedName, properties: properties, additional: additional)
        if case .allowed(false)? = flat.additional { plan.forbidsAdditional = true }
        let typed = statesType(schema)
        plan.holdsNonObjects = !typed && properties.allSatisfy { $0.optional && !$0.writesNull }
        if !typed, !plan.holdsNonObjects { noteInferredType(schema, as: "object", because: "required") }
        structPlans[qualifiedName] = plan
        validators.append(structValidator(qualifiedName, properties: properties, flat: flat, schema: schema,
                                          additionalName: additional.swiftName, openEnums: openEnums))
        var decl = TypeDecl(.struct, name, access: access, conformances: ["Codable", "Hashable", "Sendable", "AdditionalMembersStoring"], doc: doc)
        decl.members = nested.members
        return decl
    }

    /// An object's properties with allOf branches merged in, in the order they are written:
    /// `allOf: [Base, {properties: …}]` reads as one struct with Base's fields first.
    func flattenObject(_ schema: Schema) -> FlatObject {
        // Unions ask it of every branch's target to find a tag, structs of themselves; the
        // answer depends on the schema alone (warnings it raises are raised once per place).
        if let known = flatObjectMemo[schema.storageIdentity] { return known }
        let flat = flattenObjectWalk(schema)
        flatObjectMemo.store(flat, for: schema.storageIdentity, of: schema)
        return flat
    }

    private func flattenObjectWalk(_ schema: Schema) -> FlatObject {
        var properties = OrderedMap<Schema>()
        var required = Set<String>()
        var additional: Schema.AdditionalProperties?
        forEachMergedPart(of: schema) { s in
            noteUnhonouredKeywords(s)
            for (key, value) in s.properties {
                if let earlier = properties[key] {
                    if let merged = mergedObjectProperty(earlier, value) { properties[key] = merged }
                } else {
                    properties[key] = value
                }
            }
            required.formUnion(s.required)
            if additional == nil {
                additional = s.additionalProperties ?? s.unevaluatedProperties ?? patternExtra(s)
                // Keys a pattern covers are not additional: with both, the kept members are
                // JSONValue, and the description checks each against its own schema.
                if case .schema? = additional, !s.patternProperties.isEmpty { additional = .allowed(true) }
            }
        }
        return (properties, required, additional)
    }

    /// Calls `body` with each schema an object is merged from, in the order its fields come:
    /// a `$ref`'s target and allOf branches before the schema that names them, the X of an
    /// "X or null" branch too; a reference already merged is not merged again.
    func forEachMergedPart(of schema: Schema, _ body: (Schema) -> Void) {
        var visited = Set<RefTarget>()
        func visit(_ s: Schema) {
            if let ref = s.ref {
                guard visited.insert(ref).inserted, let target = self.schema(for: ref) else { return }
                visit(target)
            }
            for part in s.allOf { visit(part) }
            // An allOf branch written as "X or null" still contributes X's fields.
            for branches in [s.anyOf, s.oneOf] where branches.contains(where: \.isNullOnly) {
                let rest = branches.filter { !$0.isNullOnly }
                if rest.count == 1 { visit(rest[0]) }
            }
            body(s)
        }
        visit(schema)
    }

    /// Whether an object schema, or any schema it is merged from (its `$ref`, allOf branches, the
    /// X of "X or null"), states a `type`; without one, `properties` and the other object
    /// keywords constrain objects only and any other JSON value is valid.
    func statesType(_ schema: Schema) -> Bool {
        var visited = Set<RefTarget>()
        func visit(_ s: Schema) -> Bool {
            if s.types != nil { return true }
            if let ref = s.ref {
                guard visited.insert(ref).inserted, let target = self.schema(for: ref) else { return false }
                if visit(target) { return true }
            }
            if s.allOf.contains(where: visit) { return true }
            for branches in [s.anyOf, s.oneOf] where branches.contains(where: \.isNullOnly) {
                let rest = branches.filter { !$0.isNullOnly }
                if rest.count == 1, visit(rest[0]) { return true }
            }
            return false
        }
        return visit(schema)
    }

    /// The condition for ``StructPlan/Property/pinnedCheck``: a `const` string, or an enum read
    /// through an open type (whose decoding accepts any value); nil when decoding already enforces it.
    private func pinnedCheck(_ use: TypeUse, value: String, open: Bool) -> String? {
        switch use.shaped.shape {
        case .string(let format) where Self.stringType(format) == "String":
            if case .string(let c)? = use.shaped.effective.constValue { return "\(value) == \(SwiftNames.stringLiteral(c))" }
            return nil
        case .stringEnum, .integerEnum:
            return open ? "\(use.base).knownValues.contains(\(value))" : nil
        case .reference(let target):
            guard let resolved = schema(for: target), responseReachable.contains(target) else { return nil }
            switch SchemaShaper.shape(resolved).shape {
            case .stringEnum, .integerEnum: return "\(use.base).knownValues.contains(\(value))"
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The one place `validate()` learns of `additionalProperties: false` (or
    /// `unevaluatedProperties: false`): the decoder keeps such members in the stored property
    /// `storedIn` (``StructPlan/additional``), so they are reported here. Read through `self.`:
    /// a property the spec itself calls `additionalProperties` is unwrapped into a local of that
    /// name by the checks before this one.
    func forbiddenMemberStatements(_ additional: Schema.AdditionalProperties?, storedIn name: String) -> [String] {
        guard case .allowed(false)? = additional else { return [] }
        return ["for key in self.\(SwiftNames.escaped(name)).keys.sorted() { v.report(\"is not allowed by additionalProperties: false\", at: key) }"]
    }

    /// Two allOf branches that both declare an object property: the property is both objects at
    /// once (`allOf` of the two), so neither branch's members are lost. For other shapes the first
    /// declaration keeps deciding the Swift type.
    private func mergedObjectProperty(_ earlier: Schema, _ later: Schema) -> Schema? {
        func isObject(_ s: Schema) -> Bool {
            switch SchemaShaper.shape(s).shape {
            case .object, .allOf: return true
            case .reference(let target): return namedTypes[target].map { namedKinds[$0] == .structure } ?? false
            default: return false
            }
        }
        guard isObject(earlier), isObject(later) else { return nil }
        var merged = Schema(location: earlier.location, pointer: earlier.pointer)
        merged.description = earlier.description ?? later.description
        merged.allOf = [earlier, later]
        // null is allowed only when both branches allow it.
        if SchemaShaper.shape(earlier).nullable && SchemaShaper.shape(later).nullable { merged.nullable = true }
        return merged
    }

    /// Keys matching `patternProperties` beside fixed properties: kept as extra properties of the
    /// pattern's type, or of JSONValue for several patterns.
    private func patternExtra(_ s: Schema) -> Schema.AdditionalProperties? {
        guard let first = s.patternProperties.values.first else { return nil }
        return s.patternProperties.count == 1 ? .schema(Indirect(first)) : .allowed(true)
    }
}
