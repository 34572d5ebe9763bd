import YAMLTree

/// OpenAPI 3.2's methods beyond the eight of 3.0 and 3.1: the `query` field and the
/// `additionalOperations` map, whose keys are method tokens written as they are sent.
extension ModelDecoder {
    /// The method of a Path Item key that names a fixed-field operation, or nil.
    ///
    /// `query` in a 3.0 or 3.1 document is read too, with a warning, as `webhooks` is in 3.0:
    /// its intent is plain, and dropping it would lose an operation without a word.
    func fixedMethod(_ entry: EntryRef) -> HTTPMethod? {
        if let method = HTTPMethod.fixedFields.first(where: { $0.rawValue == entry.key }) { return method }
        guard entry.key == HTTPMethod.query.rawValue else { return nil }
        if version < .v3_2 {
            diagnostics.warning("`query` is an OpenAPI 3.2 field (the QUERY method); read anyway", at: entry.keyLocation)
        }
        return .query
    }

    /// The operations of `additionalOperations`, in the order written.
    func additionalOperations(_ cursor: Cursor, _ entry: EntryRef, pathParameters: [Parameter]) -> [(method: HTTPMethod, operation: Operation)] {
        if version < .v3_2 {
            warning("`additionalOperations` is an OpenAPI 3.2 field; read anyway", at: entry.keyLocation, pointer: cursor.pointer)
        }
        guard let (mapping, map) = mapping(cursor, "additionalOperations", expected: "a mapping of HTTP methods to Operation Objects")
        else { return [] }
        var result: [(method: HTTPMethod, operation: Operation)] = []
        for method in mapping.entries where !Self.isExtension(method.key) {
            let field = map.child(method)
            guard Self.isMethodToken(method.key) else {
                error("`\(method.key)` is not an HTTP method name (a token of letters, digits and !#$%&'*+-.^_`|~)",
                      at: method.keyLocation, pointer: field.pointer)
                continue
            }
            let fixed = HTTPMethod.fixedFields + [.query]
            if let same = fixed.first(where: { $0.token == method.key.uppercased() }) {
                // RFC 9110 method names are case-sensitive, but `Get` beside `get` is a slip, not a new method.
                error("`additionalOperations` must not hold \(same.token); write it as the `\(same.rawValue)` field of the path item",
                      at: method.keyLocation, pointer: field.pointer)
                continue
            }
            if let operation = operation(field, pathParameters: pathParameters) {
                result.append((HTTPMethod(rawValue: method.key, isAdditional: true), operation))
            }
        }
        return result
    }

    /// RFC 9110 section 5.6.2: `token = 1*tchar`.
    static func isMethodToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
