import YAMLTree

/// `components`: each reusable object decoded once under its name.
extension ModelDecoder {
    func components(_ cursor: Cursor) -> Components {
        var components = Components()
        guard let (mapping, object) = mapping(cursor, "components", expected: "a mapping of component kinds") else { return components }
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "schemas":
                // Decoded as possible targets, so a `$ref` to one reuses this decoding.
                components.schemas = named(field, entry.key, "schemas") { targetSchema($0) }
            case "responses":
                components.responses = named(field, entry.key, "Response Objects") { response($0) }
            case "parameters":
                components.parameters = named(field, entry.key, "Parameter Objects") { parameter($0) }
            case "requestBodies":
                components.requestBodies = named(field, entry.key, "Request Body Objects") { requestBody($0) }
            case "headers":
                components.headers = named(field, entry.key, "Header Objects") { header($0) }
            case "securitySchemes":
                components.securitySchemes = named(field, entry.key, "Security Scheme Objects") { securityScheme($0) }
            case "mediaTypes":
                // OpenAPI 3.2; `$ref`s to them are followed where media types are read.
                components.mediaTypes = named(field, entry.key, "Media Type Objects") { mediaType($0) }
            case "pathItems":
                components.pathItems = pathItemMap(field, entry.key, checkTemplates: false)
            default:
                // examples, links, callbacks: nothing generated reads them on their own.
                break
            }
        }
        return components
    }

    private func named<T>(_ cursor: Cursor, _ key: String, _ what: String, _ decode: (Cursor) -> T?) -> OrderedMap<T> {
        var result = OrderedMap<T>()
        guard let (mapping, map) = mapping(cursor, key, expected: "a mapping of names to \(what)") else { return result }
        for entry in mapping.entries where !Self.isExtension(entry.key) {
            if let decoded = decode(map.child(entry)) { result.appendNew(entry.key, decoded) }
        }
        return result
    }
}
