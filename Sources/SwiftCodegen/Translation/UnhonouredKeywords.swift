import OpenAPIModel
import YAMLTree

extension TranslationContext {
    /// Warns about what the generated code of `schema` does not honour as written, at the
    /// keyword's place and once however often the schema is translated: a spec may say more
    /// than Swift types hold, but never without a word.
    func noteUnhonouredKeywords(_ schema: Schema) {
        for keyword in schema.unmodelledKeywords {
            switch keyword.name {
            case "$dynamicRef" where schema.dynamicReference != nil:
                warnOnce("`$dynamicRef` depends on the way evaluation takes and is checked only with the outermost `$id` resource enclosing it, where evaluation is taken to start; a `$ref` from outside leads into that resource, and a value read through it is not checked against this reference",
                         at: keyword.location, schema)
            case "$dynamicRef":
                warnOnce("`$dynamicRef` is resolved here through the resources entered on the way from the outermost `$id` enclosing it (a generator does not evaluate); another schema declares the same `$dynamicAnchor`, which another dynamic scope could select instead",
                         at: keyword.location, schema)
            default:
                continue
            }
        }
        // Every other keyword of the applicator and validation vocabularies is checked: by the
        // Swift types, the typed checks, or the schema's description (`StaticCheckRule`).
        if SchemaShaper.prefixItemsLoseTypes(schema) {
            warnOnce("`prefixItems`: a Swift array holds one element type, so the elements are JSONValue; validate() checks each position against its schema",
                     at: schema.prefixItems[0].location, schema)
        }
    }

    /// A schema without `type` whose Swift form holds one kind of JSON value: JSON Schema also
    /// accepts every value of another kind (its keywords only constrain their own), which the
    /// decoder refuses. That reading is what the author meant almost always (`required` or a
    /// typed `items` names an object or an array), so it stays, but said at the schema.
    func noteInferredType(_ schema: Schema, as kind: String, because keyword: String) {
        warnOnce("no `type`: read as `type: \(kind)` because of `\(keyword)`; JSON Schema would also accept a value that is not \(kind == "array" ? "an array" : "an object"), which the decoder refuses (write `type: \(kind)` to say so, or generate with `inferTypes: false` to keep JSON Schema's reading)",
                 at: schema.location, schema)
    }

    /// A client sends requests and does not receive them, so webhooks get no code; said once,
    /// at the first, because inline schemas under them get no types either.
    func noteWebhooks() {
        guard let (name, first) = document.webhooks.first else { return }
        let count = document.webhooks.count
        diagnostics.warning("webhooks are not generated (\(count == 1 ? "`\(name)`" : "\(count), from `\(name)`")): a client does not receive requests; component schemas they use are still generated",
                            at: first.location, pointer: "#/webhooks")
    }

    private func warnOnce(_ message: String, at location: SourceLocation, _ schema: Schema) {
        guard unhonouredPlaces.insert(location).inserted else { return }
        diagnostics.warning(message, at: location, pointer: schema.pointer.fragment)
    }
}
