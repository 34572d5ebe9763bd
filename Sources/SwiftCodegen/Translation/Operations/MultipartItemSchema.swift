import OpenAPIModel

/// What OpenAPI 3.2's `itemSchema` and `itemEncoding` make of a `multipart/*` body's parts:
/// one media type every part is written in (unless it names its own), and the Swift type
/// each part is read into.
enum MultipartItemSchema {
    /// How a part's bytes become an item.
    enum PartReading: Equatable {
        /// Decoded as JSON into the item schema's type.
        case json
        /// The part's text, or a number or boolean read from it.
        case text
        /// The part itself (headers and bytes): a binary or nested multipart part.
        case whole
    }

    /// The schema of one part of `media`, when its parts are typed one by one: its `itemSchema`,
    /// or the `items` of an array `schema` when `itemEncoding` applies to them. Nil when the body
    /// has no such schema, or when `prefixEncoding` gives positions types of their own (not typed).
    static func item(_ media: MediaType) -> Schema? {
        guard media.prefixEncoding.isEmpty else { return nil }
        if let item = media.itemSchema { return item }
        if media.itemEncoding != nil, let schema = media.schema, let items = schema.items { return items.value }
        return nil
    }

    /// One position of a body typed by `prefixEncoding`, or the parts after them.
    struct Position {
        /// The position's schema (`prefixItems`, or the items' for the rest); nil when none.
        var schema: Schema?
        /// The media type its part is written in.
        var contentType: String
    }

    /// The positions `prefixEncoding` (with the array schema's `prefixItems`) types, and what
    /// the parts after them are (`itemSchema` or `items` with `itemEncoding`); nil without
    /// `prefixEncoding`.
    static func positions(_ media: MediaType, resolve: (RefTarget) -> Schema?) -> (prefix: [Position], rest: Position?)? {
        guard !media.prefixEncoding.isEmpty else { return nil }
        let prefixItems = media.schema?.prefixItems ?? []
        let restSchema = media.itemSchema ?? media.schema?.items?.value
        var prefix: [Position] = []
        for index in 0..<max(media.prefixEncoding.count, prefixItems.count) {
            let schema = index < prefixItems.count ? prefixItems[index] : restSchema
            let encoding = index < media.prefixEncoding.count ? media.prefixEncoding[index] : media.itemEncoding
            prefix.append(Position(schema: schema, contentType: contentType(encoding, schema: schema, resolve: resolve)))
        }
        let rest = restSchema != nil || media.itemEncoding != nil
            ? Position(schema: restSchema, contentType: contentType(media.itemEncoding, schema: restSchema, resolve: resolve)) : nil
        return (prefix, rest)
    }

    /// The media type of the parts: the `itemEncoding`'s `contentType` (its first, when it
    /// lists several), else the Encoding Object's default for the item schema's type.
    static func partContentType(_ media: MediaType, item: Schema, resolve: (RefTarget) -> Schema?) -> String {
        contentType(media.itemEncoding, schema: item, resolve: resolve)
    }

    /// `encoding`'s `contentType` (its first, when it lists several), else the Encoding Object's
    /// default for `schema`'s type (3.2, Encoding Object: `application/json` for objects and
    /// arrays, `text/plain` for other types and strings, `application/octet-stream` for binary
    /// strings and no type at all).
    static func contentType(_ encoding: Encoding?, schema item: Schema?, resolve: (RefTarget) -> Schema?) -> String {
        if let declared = encoding?.contentType?.split(separator: ",").first {
            let first = declared.trimmingCharacters(in: " ")
            if !first.isEmpty { return first }
        }
        guard let item else { return "application/octet-stream" }
        var schema = item
        var hops = 0
        while let target = schema.ref, schema.types == nil, let next = resolve(target), hops < 64 {
            schema = next
            hops += 1
        }
        guard let types = schema.types?.filter({ $0 != .null }), let type = types.first else {
            return schema.properties.isEmpty ? "application/octet-stream" : "application/json"
        }
        switch type {
        case .object, .array: return "application/json"
        case .string: return schema.contentEncoding != nil || schema.format == "binary" ? "application/octet-stream" : "text/plain"
        default: return "text/plain"
        }
    }

    /// `multipart/form-data`, whose parts are named fields: its uploads stay `MultipartFormData`
    /// (a typed item has no name to send it under).
    static func isFormData(_ contentType: String) -> Bool {
        contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } == "multipart/form-data"
    }

    /// How parts of `contentType` are read.
    static func reading(_ contentType: String) -> PartReading {
        if StreamItemSchema.isJSON(contentType) { return .json }
        let essence = contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        return essence.hasPrefix("text/") ? .text : .whole
    }
}
