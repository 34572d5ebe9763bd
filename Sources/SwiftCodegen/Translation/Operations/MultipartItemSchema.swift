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

    /// The media type of the parts: the `itemEncoding`'s `contentType` (its first, when it
    /// lists several), else the Encoding Object's default for the item schema's type (3.2,
    /// Encoding Object: `application/json` for objects and arrays, `text/plain` for other
    /// types and strings, `application/octet-stream` for binary strings and no type at all).
    static func partContentType(_ media: MediaType, item: Schema, resolve: (RefTarget) -> Schema?) -> String {
        if let declared = media.itemEncoding?.contentType?.split(separator: ",").first {
            let first = declared.trimmingCharacters(in: " ")
            if !first.isEmpty { return first }
        }
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

    /// How parts of `contentType` are read.
    static func reading(_ contentType: String) -> PartReading {
        if StreamItemSchema.isJSON(contentType) { return .json }
        let essence = contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        return essence.hasPrefix("text/") ? .text : .whole
    }
}
