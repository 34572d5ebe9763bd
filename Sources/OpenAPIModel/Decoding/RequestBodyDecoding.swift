import YAMLTree

/// Request bodies and the media types they (and responses) carry.
extension ModelDecoder {
    func requestBody(_ cursor: Cursor) -> RequestBody? {
        decodeShared(cursor, decodeRequestBody)
    }

    private func decodeRequestBody(_ cursor: Cursor) -> RequestBody? {
        guard let (mapping, object) = mapping(cursor, "requestBody", expected: "a Request Body Object (a mapping with `content`)")
        else { return nil }
        var body = RequestBody(required: false, location: object.location)
        var sawContent = false
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "description": body.description = string(field, entry.key)
            case "required": body.required = bool(field, entry.key) ?? false
            case "content":
                sawContent = true
                body.content = mediaTypes(field)
            default: break
            }
        }
        if !sawContent {
            warning("request body has no `content`, so there is nothing to send", at: object)
        }
        return body
    }

    /// A `content` map of media types, in document order; shared when inlined.
    func mediaTypes(_ cursor: Cursor) -> OrderedMap<MediaType> {
        decodeShared(cursor, decodeMediaTypes) ?? OrderedMap()
    }

    private func decodeMediaTypes(_ cursor: Cursor) -> OrderedMap<MediaType>? {
        var result = OrderedMap<MediaType>()
        guard let (mapping, map) = mapping(cursor, "content", expected: "a mapping of media types to Media Type Objects")
        else { return nil }
        for entry in mapping.entries {
            if let mediaType = mediaType(map.child(entry)) { result.appendNew(entry.key, mediaType) }
        }
        return result
    }

    func mediaType(_ cursor: Cursor) -> MediaType? {
        guard let (mapping, object) = mapping(cursor, cursor.pointer.lastToken ?? "media type", expected: "a Media Type Object (a mapping)")
        else { return nil }
        var mediaType = MediaType(location: object.location)
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "schema": mediaType.schema = schema(field)
            case "example": mediaType.examples.append(value(entry.value))
            case "examples":
                mediaType.examples.append(contentsOf: exampleObjects(field, serialized: &mediaType.serializedExamples))
            case "itemSchema", "prefixEncoding", "itemEncoding":
                readSequentialField(entry, field, into: &mediaType)
            case "encoding":
                guard let (encodings, map) = self.mapping(field, entry.key, expected: "a mapping of property names to Encoding Objects")
                else { continue }
                for encoding in encodings.entries {
                    if let decoded = self.encoding(map.child(encoding)) { mediaType.encoding[encoding.key] = decoded }
                }
            default: break
            }
        }
        return mediaType
    }

    func encoding(_ cursor: Cursor) -> Encoding? {
        guard let (mapping, object) = mapping(cursor, cursor.pointer.lastToken ?? "encoding", expected: "an Encoding Object (a mapping)")
        else { return nil }
        var encoding = Encoding()
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "contentType": encoding.contentType = string(field, entry.key)
            case "style": encoding.style = keyword(field, entry.key, Self.parameterStyles)
            case "explode": encoding.explode = bool(field, entry.key)
            case "allowReserved": encoding.allowReserved = bool(field, entry.key)
            case "encoding", "prefixEncoding", "itemEncoding":
                if encoding.nestedLocation == nil { encoding.nestedLocation = entry.keyLocation }
                readNestedEncoding(entry, field, into: &encoding)
            case "headers": encoding.headersLocation = entry.keyLocation
            default: break
            }
        }
        return encoding
    }
}
