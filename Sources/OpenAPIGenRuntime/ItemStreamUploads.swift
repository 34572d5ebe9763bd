import Foundation

/// A `application/jsonl` (or `application/x-ndjson`) request body whose items the spec's
/// OpenAPI 3.2 `itemSchema` types: each item is encoded as one JSON line when it is produced.
public struct JSONLinesUpload<Item: Encodable & Sendable>: Sendable, Hashable {
    /// The encoded stream, sent as it is produced.
    public let body: HTTPBody

    /// The items of `items`, each written as it arrives.
    public init<S: AsyncSequence & Sendable>(_ items: S) where S.Element == Item {
        body = HTTPBody(encodingItems: items, before: Data(), after: Data([0x0A]))
    }

    /// Items known up front.
    public init(_ items: [Item]) {
        self.init(ItemList(items: items))
    }

    /// Lines already encoded.
    public init(body: HTTPBody) {
        self.body = body
    }
}

/// A `application/json-seq` request body (RFC 7464) whose items the spec's OpenAPI 3.2
/// `itemSchema` types: each item written as RS, its JSON text and LF, when it is produced.
public struct JSONSequenceUpload<Item: Encodable & Sendable>: Sendable, Hashable {
    /// The encoded stream, sent as it is produced.
    public let body: HTTPBody

    /// The items of `items`, each written as it arrives.
    public init<S: AsyncSequence & Sendable>(_ items: S) where S.Element == Item {
        body = HTTPBody(encodingItems: items, before: Data([0x1E]), after: Data([0x0A]))
    }

    /// Items known up front.
    public init(_ items: [Item]) {
        self.init(ItemList(items: items))
    }

    /// Records already encoded.
    public init(body: HTTPBody) {
        self.body = body
    }
}

/// An array as an async sequence, for the upload initialisers taking arrays.
struct ItemList<Item: Sendable>: AsyncSequence, Sendable {
    let items: [Item]

    func makeAsyncIterator() -> Iterator { Iterator(items: items) }

    struct Iterator: AsyncIteratorProtocol {
        let items: [Item]
        var index = 0

        mutating func next() async -> Item? {
            guard index < items.count else { return nil }
            defer { index += 1 }
            return items[index]
        }
    }
}

extension HTTPBody {
    /// A body of `items`, each encoded as JSON between `before` and `after` while the body is sent.
    convenience init<S: AsyncSequence & Sendable>(encodingItems items: S, before: Data, after: Data) where S.Element: Encodable {
        let queue = ByteChunkQueue(limit: HTTPBody.sequenceReadAhead)
        let pump = Task {
            do {
                for try await item in items {
                    var chunk = before
                    chunk.append(try JSONCoding.encode(item))
                    chunk.append(after)
                    await queue.pushAsync(chunk)
                }
                queue.finish()
            } catch {
                queue.finish(throwing: error)
            }
        }
        queue.onCancel { pump.cancel() }
        self.init(queue: queue, length: .unknown)
    }
}
