import YAMLTree

/// Parameter Objects.
extension ModelDecoder {
    static let parameterLocations: KeyValuePairs<String, Parameter.Location> = [
        "path": .path, "query": .query, "header": .header, "cookie": .cookie,
    ]
    /// OpenAPI 3.2 adds `querystring`; 3.0 and 3.1 documents keep their list (and messages).
    static let parameterLocations32: KeyValuePairs<String, Parameter.Location> = [
        "path": .path, "query": .query, "header": .header, "cookie": .cookie, "querystring": .querystring,
    ]

    static let parameterStyles: KeyValuePairs<String, Parameter.Style> = [
        "matrix": .matrix, "label": .label, "form": .form, "simple": .simple,
        "spaceDelimited": .spaceDelimited, "pipeDelimited": .pipeDelimited, "deepObject": .deepObject,
    ]

    /// OpenAPI 3.2 adds `cookie`, the RFC 6265 style of `in: cookie` parameters.
    static let parameterStyles32: KeyValuePairs<String, Parameter.Style> = [
        "matrix": .matrix, "label": .label, "form": .form, "simple": .simple,
        "spaceDelimited": .spaceDelimited, "pipeDelimited": .pipeDelimited, "deepObject": .deepObject, "cookie": .cookie,
    ]

    func parameter(_ cursor: Cursor) -> Parameter? {
        decodeShared(cursor, decodeParameter)
    }

    private func decodeParameter(_ cursor: Cursor) -> Parameter? {
        guard let (mapping, object) = mapping(cursor, "parameter", expected: "a Parameter Object (a mapping with `name` and `in`)")
        else { return nil }
        var name: String?
        var location: Parameter.Location?
        var required: (Bool, Cursor)?
        var sawLocation = false
        for entry in mapping.entries {
            switch entry.key {
            case "name":
                name = string(object.child(entry), entry.key)
            case "in":
                sawLocation = true
                location = keyword(object.child(entry), entry.key, version >= .v3_2 ? Self.parameterLocations32 : Self.parameterLocations)
            case "required":
                let field = object.child(entry)
                if let value = bool(field, entry.key) { required = (value, field) }
            default:
                break
            }
        }
        guard let name, let location else {
            if name == nil { error("a parameter needs `name`", at: object) }
            if !sawLocation { error("parameter\(name.map { " `\($0)`" } ?? "") needs `in` (path, query, header or cookie)", at: object) }
            return nil
        }
        var isRequired = required?.0 ?? false
        if location == .path, !isRequired {
            let place = required?.1.location ?? object.location
            warning("path parameter `\(name)` must have `required: true`; treated as required", at: place,
                    pointer: required?.1.pointer ?? object.pointer)
            isRequired = true
        }
        var parameter = Parameter(name: name, location: location, required: isRequired, sourceLocation: object.location, pointer: object.pointer)
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "description": parameter.description = string(field, entry.key)
            case "deprecated": parameter.deprecated = bool(field, entry.key) ?? false
            case "allowEmptyValue": parameter.allowEmptyValue = bool(field, entry.key) ?? false
            case "style": parameter.style = cookieStyleChecked(keyword(field, entry.key, version >= .v3_2 ? Self.parameterStyles32 : Self.parameterStyles), parameter, field)
            case "explode": parameter.explode = bool(field, entry.key)
            case "allowReserved": parameter.allowReserved = bool(field, entry.key) ?? false
            case "schema": parameter.schema = schema(field)
            case "content":
                if let (contentType, mediaType) = singleMediaType(field, owner: "parameter `\(name)`") {
                    parameter.contentType = contentType
                    parameter.content = mediaType
                }
            case "example": parameter.examples.append(value(entry.value))
            case "examples":
                parameter.examples.append(contentsOf: exampleObjects(field, serialized: &parameter.serializedExamples))
            default: break
            }
        }
        if location == .querystring { checkQueryStringParameter(parameter, mapping, object) }
        if parameter.schema == nil, parameter.content == nil, location != .querystring {
            warning("parameter `\(name)` has neither `schema` nor `content`; its values are treated as strings", at: object)
        }
        return parameter
    }

    /// The one media type of a parameter's or header's `content`.
    func singleMediaType(_ cursor: Cursor, owner: String) -> (String, MediaType)? {
        let content = mediaTypes(cursor)
        guard let first = content.first else {
            if cursor.node.mapping != nil { error("`content` of \(owner) is empty; it needs exactly one media type", at: cursor) }
            return nil
        }
        if content.count > 1 {
            warning("`content` of \(owner) has \(content.count) media types; OpenAPI allows one, so only \"\(first.key)\" is used", at: cursor)
        }
        return (first.key, first.value)
    }
}
