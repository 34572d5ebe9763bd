import OpenAPIModel
import YAMLTree

extension TranslationContext {
    /// Warns about each keyword of `schema` that the generated code neither types nor checks,
    /// at the keyword's place and once however often the schema is translated: a spec may say
    /// more than Swift types and the validators hold, but never without a word.
    func noteUnhonouredKeywords(_ schema: Schema) {
        for keyword in schema.unmodelledKeywords {
            let message: String
            switch keyword.name {
            case "if": message = "`if`/`then`/`else` is not checked by the generated code, and properties only its branches declare are not generated"
            case "dependentSchemas": message = "`dependentSchemas` is not checked by the generated code, and properties only it declares are not generated"
            case "dependentRequired", "contains": message = "`\(keyword.name)` is not checked by the generated code"
            // `items` evaluates every item, leaving `unevaluatedItems` nothing to say.
            case "unevaluatedItems" where schema.items == nil: message = "`unevaluatedItems` is not checked by the generated code"
            case "$dynamicRef":
                message = "`$dynamicRef` is followed to the schema it names here; another schema declares the same `$dynamicAnchor`, which the dynamic scope could select instead"
            // `then`/`else` without `if` and `minContains`/`maxContains` without `contains`
            // have no effect; with them, the warning above covers them.
            default: continue
            }
            warnOnce(message, at: keyword.location, schema)
        }
        if let not = schema.not {
            warnOnce("`not` is not checked by the generated code", at: not.value.location, schema)
        }
        if let names = schema.propertyNames {
            warnOnce("`propertyNames` is not checked by the generated code", at: names.value.location, schema)
        }
        if let (pattern, _) = schema.patternProperties.first {
            let place = schema.patternProperties.values.first!.location
            if schema.patternProperties.count > 1 {
                warnOnce("`patternProperties`: keys are not checked against the patterns, and values are JSONValue whichever pattern they match",
                         at: place, schema)
            } else {
                warnOnce("`patternProperties`: keys are not checked against \(SwiftNames.stringLiteral(pattern))", at: place, schema)
            }
        }
        if SchemaShaper.prefixItemsLoseTypes(schema) {
            warnOnce("`prefixItems` gives positions different types, which a Swift array cannot hold; the elements are JSONValue",
                     at: schema.prefixItems[0].location, schema)
        }
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
