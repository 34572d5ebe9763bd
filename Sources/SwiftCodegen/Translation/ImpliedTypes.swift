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
        forEachMergedPart(of: schema) { s in
            for (key, value) in s.properties where properties[key] == nil { properties[key] = value }
            required.formUnion(s.required)
        }
        return required.contains { name in
            guard let property = properties[name] else { return false }
            return !property.readOnly && !property.writeOnly
        }
    }
}
