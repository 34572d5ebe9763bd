import YAMLTree

/// OpenAPI 3.2's fields for sequential media types and positional multipart: `itemSchema`,
/// `prefixEncoding`, `itemEncoding` (and, in an Encoding Object, nested `encoding`).
extension ModelDecoder {
    func readSequentialField(_ entry: EntryRef, _ field: Cursor, into mediaType: inout MediaType) {
        if version < .v3_2 {
            warning("`\(entry.key)` is an OpenAPI 3.2 field; read anyway", at: entry.keyLocation, pointer: field.pointer)
        }
        if mediaType.sequentialLocation == nil { mediaType.sequentialLocation = entry.keyLocation }
        switch entry.key {
        case "itemSchema": mediaType.itemSchema = schema(field)
        case "itemEncoding": mediaType.itemEncoding = encoding(field)
        default: mediaType.prefixEncoding = encodingList(field, entry.key)
        }
    }

    func readNestedEncoding(_ entry: EntryRef, _ field: Cursor, into encoding: inout Encoding) {
        if version < .v3_2 {
            warning("`\(entry.key)` in an Encoding Object is an OpenAPI 3.2 field; read anyway", at: entry.keyLocation, pointer: field.pointer)
        }
        switch entry.key {
        case "itemEncoding": if let item = self.encoding(field) { encoding.itemEncoding = [item] }
        case "prefixEncoding": encoding.prefixEncoding = encodingList(field, entry.key)
        default:
            guard let (encodings, map) = mapping(field, entry.key, expected: "a mapping of property names to Encoding Objects") else { return }
            for item in encodings.entries {
                if let decoded = self.encoding(map.child(item)) { encoding.encoding[item.key] = decoded }
            }
        }
    }

    private func encodingList(_ cursor: Cursor, _ key: String) -> [Encoding] {
        guard let (items, list) = sequence(cursor, key, expected: "a list of Encoding Objects") else { return [] }
        return items.enumerated().compactMap { i, item in encoding(list.element(i, item)) }
    }
}
