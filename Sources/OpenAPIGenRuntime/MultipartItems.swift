import Foundation

/// The parts of a `multipart/*` body typed by OpenAPI 3.2's `itemSchema` (and `itemEncoding`):
/// each part decoded into `Item` on its own as it arrives, by the part's `Content-Type` (the
/// encoding's `contentType` when the part names none).
///
/// `Item` is read from a JSON part (`application/json`, `+json`) by decoding it; as text when
/// `Item` is `String`; as the bytes when it is `Data`; and whole, headers included, when it is
/// ``MultipartPart`` (parts of binary types such as `image/jpeg`). A part that does not decode
/// throws ``StreamItemError`` with its position, after the ones before it were handed over.
public struct MultipartItems<Item: Sendable>: AsyncSequence, Sendable, Hashable {
    public typealias Element = Item

    /// The parts the items are read from.
    public let parts: MultipartParts
    /// The media type a part without `Content-Type` is read as (the Encoding Object's).
    public let partContentType: String
    /// Whether each decoded item's constraints are also checked (`validate()`), as
    /// ``ClientOptions/validateResponses`` asks.
    public let validatesItems: Bool

    /// Items of `parts`, each read as its own `Content-Type` or else `partContentType`.
    public init(parts: MultipartParts, partContentType: String = "application/json", validatesItems: Bool = false) {
        self.parts = parts
        self.partContentType = partContentType
        self.validatesItems = validatesItems
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(parts: parts.makeAsyncIterator(), partContentType: partContentType, validates: validatesItems)
    }

    /// Decodes one part at a time.
    public struct Iterator: AsyncIteratorProtocol {
        var parts: MultipartParts.Iterator
        let partContentType: String
        let validates: Bool
        var count = 0

        public mutating func next() async throws -> Item? {
            guard let part = try await parts.next() else { return nil }
            count += 1
            let item: Item
            do {
                item = try MultipartItemCoding.decode(Item.self, from: part, declared: partContentType, position: count - 1)
            } catch {
                throw StreamItemError(index: count, underlying: error)
            }
            return try StreamItemError.checked(item, index: count, validates: validates)
        }
    }
}

/// How one typed item becomes a part's bytes and back, by its media type.
enum MultipartItemCoding {
    /// Why a part cannot be read as the item type.
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// `part` read as `Item`; `position` counts from 0, for parts typed by position.
    static func decode<Item>(_ type: Item.Type, from part: MultipartPart, declared: String, position: Int = 0) throws -> Item {
        if let positional = Item.self as? any MultipartPositional.Type, let item = try positional.init(part: part, position: position) as? Item {
            return item
        }
        if let whole = part as? Item { return whole }
        if let bytes = part.body as? Item { return bytes }
        let mediaType = part.contentType ?? declared
        if Item.self == String.self, !isJSON(mediaType), let text = part.text as? Item { return text }
        guard let decodable = Item.self as? any Decodable.Type else {
            throw Mismatch(description: "a `\(MediaTypeRange.essence(mediaType))` part cannot be read as \(Item.self)")
        }
        guard let item = try JSONCoding.decode(decodable, from: part.body) as? Item else {
            throw Mismatch(description: "a `\(MediaTypeRange.essence(mediaType))` part cannot be read as \(Item.self)")
        }
        return item
    }

    /// `item` as a part of `contentType` (a ``MultipartPart`` is written as it is, with its
    /// own headers, and a `Content-Type` added from `contentType` when it has none and
    /// `contentType` is no range; a position-typed item writes the part of its case).
    static func encode<Item>(_ item: Item, contentType: String) throws -> MultipartPart {
        if let positional = item as? any MultipartPositional { return try positional.multipartPart() }
        if var part = item as? MultipartPart {
            // A range (`image/*`) is no media type to label a part with; the part's own says it.
            if part.contentType == nil, !contentType.contains("*") { part.headers.append("Content-Type", contentType) }
            return part
        }
        if let bytes = item as? Data { return MultipartPart(contentType: contentType, body: bytes) }
        if let text = item as? String, !isJSON(contentType) { return MultipartPart(contentType: contentType, body: Data(text.utf8)) }
        guard let encodable = item as? any Encodable else {
            throw Mismatch(description: "\(Item.self) cannot be written as a `\(contentType)` part")
        }
        return MultipartPart(contentType: contentType, body: try JSONCoding.encode(encodable))
    }

    /// `application/json` or any `+json` type, parameters aside.
    static func isJSON(_ mediaType: String) -> Bool {
        let essence = MediaTypeRange.essence(mediaType)
        return essence == "application/json" || essence.hasSuffix("+json")
    }
}
