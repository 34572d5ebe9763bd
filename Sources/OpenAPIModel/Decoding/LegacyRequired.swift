import YAMLTree

/// Swagger 2's `required: true` written inside a property schema, where OpenAPI 3 (and JSON
/// Schema) want the name in the object's `required` list. Documents converted from Swagger 2,
/// and some generators' own test documents, still write it; the intent is plain.
extension ModelDecoder {
    /// Warns about a boolean `required` in a schema; the object that owns the property reads it
    /// (``addLegacyRequiredProperties(_:to:)``).
    func legacyRequiredFlag(_ value: Bool, at cursor: Cursor) {
        let reading = value
            ? "read as this property being required by its object"
            : "read as this property being optional, which it is unless the object's `required` lists it"
        warning("`required: \(value)` is Swagger 2's way to mark a property; OpenAPI 3 lists required properties in the object's `required` instead: \(reading) (ignored outside `properties`)",
                at: cursor)
    }

    /// Adds to `schema.required` every property written inline with `required: true`. A
    /// `properties` map reached through `$ref` is left alone: its target may be shared by
    /// objects that disagree.
    func addLegacyRequiredProperties(_ properties: NodeRef, to schema: inout Schema) {
        guard let mapping = properties.mapping, refEntry(mapping) == nil else { return }
        for entry in mapping.entries {
            guard let property = entry.value.mapping, let flag = property.entry("required")?.value.scalar,
                  flag.kind == .bool, flag.boolValue == true, !schema.required.contains(entry.key)
            else { continue }
            schema.required.append(entry.key)
        }
    }
}
