import YAMLTree

/// A schema's `$ref` that points at a Parameter or Header Object instead of a schema
/// (`foo: {$ref: '#/components/parameters/Foo'}` in a schema's `properties`). Decoded as a
/// schema, the parameter's own fields would be misread (`required: false` reported as a bad
/// `required` list, at the parameter); the author means the value the parameter describes.
extension ModelDecoder {
    /// "Parameter" or "Header" when the target is a `components.parameters` or
    /// `components.headers` entry (in any file).
    static func parameterLikeKind(_ target: ResolvedTarget) -> String? {
        let tokens = target.pointer.tokens
        guard tokens.count == 3, tokens[0] == "components", target.node.mapping != nil else { return nil }
        switch tokens[1] {
        case "parameters": return "Parameter"
        case "headers": return "Header"
        default: return nil
        }
    }

    /// The target's `schema`, with a warning at the `$ref`; nil, after an error, when it has none.
    func parameterSchemaTarget(_ target: ResolvedTarget, kind: String, text: String, at refCursor: Cursor) -> ResolvedTarget? {
        guard let mapping = target.node.mapping, mapping.entry("schema") != nil, text.contains("#") else {
            error("`$ref: \(text)` points at a \(kind) Object, not a schema, and the \(kind.lowercased()) has no `schema` to use instead",
                  at: refCursor)
            return nil
        }
        warning("`$ref: \(text)` points at a \(kind) Object, not a schema; read as a reference to its `schema` (`\(text)/schema`)",
                at: refCursor)
        return resolveReference(text + "/schema", from: refCursor.file, reportAt: refCursor.location, pointer: refCursor.pointer)
    }
}
