import Foundation

/// A `multipart/*` request body whose parts OpenAPI 3.2's `itemSchema` (and `itemEncoding`)
/// types: each item is written as one part when it is produced, in the media type of the
/// Encoding Object (JSON for objects by default, the text as is for strings, the bytes for
/// `Data`; a ``MultipartPart`` item is written as it is, with its own headers).
public struct MultipartUpload<Item: Sendable>: Sendable, Hashable {
    /// Separates the parts; fixed per value so that what is sent is repeatable.
    public let boundary: String
    private let items: ItemSource
    /// On a server, the items of the body it received, each decoded from its part as the part
    /// arrives (read them once); nil for a body built from items to send.
    public let received: MultipartItems<Item>?

    /// The items of `items`, each written as it arrives.
    public init<S: AsyncSequence & Sendable>(_ items: S, boundary: String = "openapi-gen-" + UUID().uuidString) where S.Element == Item {
        self.boundary = boundary
        self.items = ItemSource { contentType, boundary in
            HTTPBody(MultipartWriter(items: items, contentType: contentType, boundary: boundary))
        }
        received = nil
    }

    /// A body a server received (generated servers make it): `parts`, read as `Item`s through
    /// ``received``, each part by its own `Content-Type` or else `partContentType`. Sent on, it
    /// is the bytes as they were received.
    public init(received parts: MultipartParts, partContentType: String) {
        boundary = parts.boundary
        items = ItemSource { _, _ in parts.body }
        received = MultipartItems(parts: parts, partContentType: partContentType)
    }

    /// Items known up front.
    public init(_ items: [Item], boundary: String = "openapi-gen-" + UUID().uuidString) {
        self.init(ItemList(items: items), boundary: boundary)
    }

    /// The `Content-Type` of the body: `mediaType` (`multipart/mixed`) with the boundary.
    public func contentType(_ mediaType: String) -> String {
        "\(mediaType); boundary=\"\(boundary)\""
    }

    /// The body, each part in `partContentType` unless it is a ``MultipartPart`` naming its own.
    public func body(partContentType: String) -> HTTPBody {
        items.make(partContentType, boundary)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.items === rhs.items }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(items)) }

    /// The caller's items, kept until the request is sent (equality is identity, as for ``HTTPBody``).
    private final class ItemSource: Sendable {
        let make: @Sendable (String, String) -> HTTPBody
        init(_ make: @escaping @Sendable (String, String) -> HTTPBody) { self.make = make }
    }
}

/// The bytes of a multipart body, one part per item, produced as the items are.
struct MultipartWriter<S: AsyncSequence & Sendable>: AsyncSequence, Sendable where S.Element: Sendable {
    typealias Element = Data
    let items: S
    let contentType: String
    let boundary: String

    func makeAsyncIterator() -> Iterator {
        Iterator(items: items.makeAsyncIterator(), contentType: contentType, boundary: boundary)
    }

    struct Iterator: AsyncIteratorProtocol {
        var items: S.AsyncIterator
        let contentType: String
        let boundary: String
        var done = false

        mutating func next() async throws -> Data? {
            guard !done else { return nil }
            guard let item = try await items.next() else {
                done = true
                return Data("--\(boundary)--\r\n".utf8)
            }
            let part = try MultipartItemCoding.encode(item, contentType: contentType)
            var data = Data("--\(boundary)\r\n".utf8)
            for (name, value) in part.headers {
                data.append(contentsOf: Array("\(name): \(value)\r\n".utf8))
            }
            data.append(contentsOf: [0x0D, 0x0A])
            data.append(part.body)
            data.append(contentsOf: [0x0D, 0x0A])
            return data
        }
    }
}
