import YAMLTree

/// Security requirements and security schemes.
extension ModelDecoder {
    /// A `security` list; `[]` turns security off, `{}` inside it makes it optional.
    func securityRequirements(_ cursor: Cursor) -> [SecurityRequirement]? {
        guard let (items, list) = sequence(cursor, "security", expected: "a list of Security Requirement Objects") else { return nil }
        var result: [SecurityRequirement] = []
        for (i, item) in items.enumerated() {
            guard let (mapping, requirement) = mapping(list.element(i, item), "security",
                                                       expected: "a Security Requirement Object (a mapping of scheme names to scopes)")
            else { continue }
            var schemes: [String: [String]] = [:]
            for entry in mapping.entries {
                let field = requirement.child(entry)
                if entry.value.scalar?.kind == .null {
                    schemes[entry.key] = []
                } else {
                    schemes[entry.key] = stringList(field, entry.key, expected: "a list of scope names") ?? []
                }
            }
            result.append(SecurityRequirement(schemes: schemes))
        }
        return result
    }

    func securityScheme(_ cursor: Cursor) -> SecurityScheme? {
        let name = cursor.pointer.lastToken ?? "security scheme"
        guard let (mapping, object) = mapping(cursor, name, expected: "a Security Scheme Object (a mapping with `type`)") else { return nil }
        func field(_ key: String) -> Cursor? { mapping.entry(key).map { object.child($0) } }
        func required(_ key: String, for type: String) -> String? {
            guard let cursor = field(key), let text = string(cursor, key) else {
                error("security scheme `\(name)` of type \(type) needs `\(key)`", at: object)
                return nil
            }
            return text
        }
        guard let typeCursor = field("type") else {
            error("security scheme `\(name)` needs `type` (apiKey, http, oauth2, openIdConnect or mutualTLS)", at: object)
            return nil
        }
        let types: KeyValuePairs<String, String> = [
            "apiKey": "apiKey", "http": "http", "oauth2": "oauth2", "openIdConnect": "openIdConnect", "mutualTLS": "mutualTLS",
        ]
        guard let type = keyword(typeCursor, "type", types) else { return nil }
        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            guard let keyName = required("name", for: type) else { return nil }
            guard let inCursor = field("in") else {
                error("security scheme `\(name)` of type apiKey needs `in` (header, query or cookie)", at: object)
                return nil
            }
            let places: KeyValuePairs<String, Parameter.Location> = ["header": .header, "query": .query, "cookie": .cookie]
            guard let place = keyword(inCursor, "in", places) else { return nil }
            kind = .apiKey(name: keyName, location: place)
        case "http":
            guard let scheme = required("scheme", for: type) else { return nil }
            kind = .http(scheme: scheme, bearerFormat: field("bearerFormat").flatMap { string($0, "bearerFormat") })
        case "oauth2":
            kind = .oauth2
        case "openIdConnect":
            guard let url = required("openIdConnectUrl", for: type) else { return nil }
            kind = .openIDConnect(url: url)
        default:
            kind = .mutualTLS
        }
        var scheme = SecurityScheme(kind: kind, location: object.location)
        scheme.description = field("description").flatMap { string($0, "description") }
        readSecurityFields32(&scheme, mapping, object)
        return scheme
    }
}
