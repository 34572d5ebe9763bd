import YAMLTree

/// `responses`, Response Objects and headers.
extension ModelDecoder {
    /// Shared when inlined: a `responses` map in another file is decoded once for all operations.
    func responses(_ cursor: Cursor) -> [(status: ResponseStatus, response: Response)] {
        decodeShared(cursor, decodeResponses) ?? []
    }

    private func decodeResponses(_ cursor: Cursor) -> [(status: ResponseStatus, response: Response)]? {
        guard let (mapping, map) = mapping(cursor, "responses", expected: "a mapping of status codes to Response Objects")
        else { return nil }
        var result: [(status: ResponseStatus, response: Response)] = []
        for entry in mapping.entries where !Self.isExtension(entry.key) {
            let field = map.child(entry)
            guard let status = Self.responseStatus(entry.key) else {
                error("\"\(entry.key)\" is not a response status; use a code from 100 to 599, a range such as 2XX, or `default`",
                      at: entry.keyLocation, pointer: field.pointer)
                continue
            }
            if let response = response(field) { result.append((status, response)) }
        }
        return result
    }

    /// `200`, `2XX` (any case) or `default`.
    static func responseStatus(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[0]) else { return nil }
        let first = Int(bytes[0] - UInt8(ascii: "0"))
        if bytes[1...].allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) { return .range(first) }
        guard let code = Int(key) else { return nil }
        return .code(code)
    }

    func response(_ cursor: Cursor) -> Response? {
        let status = cursor.pointer.lastToken ?? "response"
        return decodeShared(cursor) { decodeResponse($0, status: status) }
    }

    private func decodeResponse(_ cursor: Cursor, status: String) -> Response? {
        guard let (mapping, object) = mapping(cursor, status, expected: "a Response Object (a mapping with `description`)")
        else { return nil }
        var response = Response(description: "", location: object.location)
        var sawDescription = false
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "description":
                sawDescription = true
                response.description = string(field, entry.key) ?? ""
            case "headers":
                guard let (headers, map) = self.mapping(field, entry.key, expected: "a mapping of header names to Header Objects")
                else { continue }
                for header in headers.entries {
                    if let decoded = self.header(map.child(header)) { response.headers.appendNew(header.key, decoded) }
                }
            case "content":
                response.content = mediaTypes(field)
            case "summary":
                response.summary = string(field, entry.key)
            default:
                break
            }
        }
        // OpenAPI 3.2 made `description` optional.
        if !sawDescription, version < .v3_2 {
            warning("response has no `description` (OpenAPI requires one)", at: object)
        }
        return response
    }

    func header(_ cursor: Cursor) -> Header? {
        let name = cursor.pointer.lastToken ?? "header"
        return decodeShared(cursor) { decodeHeader($0, name: name) }
    }

    private func decodeHeader(_ cursor: Cursor, name: String) -> Header? {
        guard let (mapping, object) = mapping(cursor, name, expected: "a Header Object (a mapping)") else { return nil }
        var header = Header(location: object.location)
        var explodeField: Cursor?
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "description": header.description = string(field, entry.key)
            case "required": header.required = bool(field, entry.key) ?? false
            case "deprecated": header.deprecated = bool(field, entry.key) ?? false
            case "schema": header.schema = schema(field)
            case "content": header.content = singleMediaType(field, owner: "header `\(name)`")?.1
            case "style": headerStyleChecked(field, name: name)
            case "explode":
                header.explode = bool(field, entry.key) ?? false
                explodeField = field
            default: break
            }
        }
        if let explodeField, header.content != nil {
            // `explode` says how a `schema` is written; a `content` header is its media type's text.
            warning("header `\(name)` has `content`, to which `explode` does not apply; it is ignored", at: explodeField)
            header.explode = false
        }
        return header
    }

    /// Header Objects allow `style: simple` only (OpenAPI 3.x, "Header Object"); any other word
    /// is read as `simple`, which is the one way a header's text can be split, with a warning.
    private func headerStyleChecked(_ field: Cursor, name: String) {
        guard let text = string(field, "style"), text != "simple" else { return }
        warning("header `\(name)` has `style: \(text)`; headers allow only `simple`, so it is read as `simple`", at: field)
    }
}
