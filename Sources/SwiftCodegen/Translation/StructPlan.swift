import OpenAPIModel

/// A struct's stored properties as decided during translation. Members are written only after
/// every type is known, because whether a property must be boxed (a value cycle such as
/// `parent: Node?`) depends on the whole graph.
struct StructPlan {
    struct Property {
        var wireName: String
        var swiftName: String
        var use: TypeUse
        /// Optional in Swift: not required, or nullable, and without a default.
        var optional: Bool
        /// A Swift literal for the spec's `default`, used when the value is absent.
        var defaultLiteral: String?
        var doc: [String]
        var boxed = false
        /// Required but nullable: present in the JSON, possibly as `null`.
        var writesNull = false

        var typeText: String { optional ? use.base + "?" : use.base }
    }

    var name: String
    var qualifiedName: String
    var properties: [Property]
    /// The extra-keys property for `additionalProperties` beside fixed properties.
    var additional: (swiftName: String, valueType: String)?
    /// Required properties that are nil are encoded as `null` (the struct is sent to the server,
    /// for which "null" and "absent" may differ).
    var writesNulls = false
}

extension TranslationContext {
    /// Builds a struct's declaration shell (doc, conformances, nested types) and records its plan;
    /// ``StructCompletion`` fills in properties, initializer and coding later.
    func makeStruct(_ name: String, schema: Schema, qualifiedName: String, doc: [String], openEnums: Bool, sends: Bool = false,
                    sharesInlineTypes: Bool = false) -> TypeDecl {
        var nested = container(qualifiedName, openEnums: openEnums, sends: sends)
        nested.sharesInlineTypes = sharesInlineTypes
        let flat = flattenObject(schema)
        var memberNames = NameScope(reserved: ["additionalProperties"])
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
            let optional = (!required || use.nullable) && defaultLiteral == nil
            var property = StructPlan.Property(
                wireName: key, swiftName: swiftName, use: use, optional: optional,
                defaultLiteral: defaultLiteral, doc: DocComments.lines(for: propertySchema, name: key))
            property.writesNull = flat.required.contains(key) && use.nullable
            properties.append(property)
            if let target = use.storedStruct {
                structEdges[qualifiedName, default: []].append((swiftName, target))
            }
        }
        var additional: (String, String)?
        if !flat.properties.isEmpty, let extra = flat.additional {
            switch extra {
            case .schema(let valueSchema):
                additional = ("additionalProperties", typeUse(valueSchema.value, hint: "AdditionalProperty", in: &nested).rendered)
            case .allowed(true):
                additional = ("additionalProperties", "JSONValue")
            case .allowed(false):
                break
            }
        }
        structPlans[qualifiedName] = StructPlan(name: name, qualifiedName: qualifiedName, properties: properties, additional: additional,
                                                writesNulls: sends)
        validators.append(structValidator(qualifiedName, properties: properties, flat: flat, schema: schema))
        var decl = TypeDecl(.struct, name, access: access, conformances: ["Codable", "Hashable", "Sendable"], doc: doc)
        decl.members = nested.members
        return decl
    }

    /// An object's properties with allOf branches merged in, in the order they are written:
    /// `allOf: [Base, {properties: …}]` reads as one struct with Base's fields first.
    func flattenObject(_ schema: Schema) -> (properties: OrderedMap<Schema>, required: Set<String>, additional: Schema.AdditionalProperties?) {
        var properties = OrderedMap<Schema>()
        var required = Set<String>()
        var additional: Schema.AdditionalProperties?
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
            noteUnhonouredKeywords(s)
            for (key, value) in s.properties where properties[key] == nil { properties[key] = value }
            required.formUnion(s.required)
            if additional == nil { additional = s.additionalProperties ?? s.unevaluatedProperties ?? patternExtra(s) }
        }
        visit(schema)
        return (properties, required, additional)
    }

    /// Keys matching `patternProperties` beside fixed properties: kept as extra properties of the
    /// pattern's type, or of JSONValue for several patterns.
    private func patternExtra(_ s: Schema) -> Schema.AdditionalProperties? {
        guard let first = s.patternProperties.values.first else { return nil }
        return s.patternProperties.count == 1 ? .schema(Indirect(first)) : .allowed(true)
    }
}
