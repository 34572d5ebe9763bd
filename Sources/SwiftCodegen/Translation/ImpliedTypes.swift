import OpenAPIModel

extension TranslationContext {
    /// Whether `shaped` is an array, a dictionary or a struct that refuses other values only
    /// because keywords imply a `type` the schema does not state (`items` without `type: array`,
    /// `properties` with `required` without `type: object`). Generating with `inferTypes: false`
    /// reads those as JSON Schema does, where a value of any other type is valid: a `JSONValue`,
    /// checked against the schema's description. A struct whose properties are all optional
    /// already holds non-objects (``StructPlan/holdsNonObjects``), so it keeps its fields.
    func impliesTypeItDoesNotState(_ shaped: ShapedSchema) -> Bool {
        switch shaped.shape {
        case .array, .map:
            return !statesType(shaped.effective)
        case .object, .allOf:
            return !statesType(shaped.effective) && requiresAProperty(shaped.effective)
        default:
            return false
        }
    }

    /// Whether a name is both a property and required, once allOf branches, references and the
    /// X of "X or null" are merged in, as ``flattenObject(_:)`` merges them. Properties that are
    /// read-only or write-only are required in one direction only, so they are optional in Swift
    /// and do not count.
    private func requiresAProperty(_ schema: Schema) -> Bool {
        var properties: [String: Schema] = [:]
        var required = Set<String>()
        var visited = Set<RefTarget>()
        func visit(_ s: Schema) {
            if let ref = s.ref {
                guard visited.insert(ref).inserted, let target = self.schema(for: ref) else { return }
                visit(target)
            }
            for part in s.allOf { visit(part) }
            for branches in [s.anyOf, s.oneOf] where branches.contains(where: \.isNullOnly) {
                let rest = branches.filter { !$0.isNullOnly }
                if rest.count == 1 { visit(rest[0]) }
            }
            for (key, value) in s.properties where properties[key] == nil { properties[key] = value }
            required.formUnion(s.required)
        }
        visit(schema)
        return required.contains { name in
            guard let property = properties[name] else { return false }
            return !property.readOnly && !property.writeOnly
        }
    }
}
