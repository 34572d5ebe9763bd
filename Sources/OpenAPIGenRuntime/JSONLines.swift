import Foundation

/// The records of a body split at `delimiter`, chunk by chunk, without ever holding more than
/// one record and one chunk: the shared reader of JSON Lines (LF) and JSON text sequences (RS).
struct DelimitedRecords {
    var chunks: HTTPBody.Iterator
    let delimiter: UInt8
    private var partial = Data()
    private var pending: [Data] = []
    private var index = 0
    private var ended = false

    init(chunks: HTTPBody.Iterator, delimiter: UInt8) {
        self.chunks = chunks
        self.delimiter = delimiter
    }

    /// The next record, delimiter excluded; the last one may end without a delimiter.
    mutating func next() async throws -> Data? {
        while index == pending.count {
            pending.removeAll(keepingCapacity: true)
            index = 0
            if ended { return nil }
            guard let chunk = try await chunks.next() else {
                ended = true
                if !partial.isEmpty {
                    pending.append(partial)
                    partial = Data()
                }
                continue
            }
            var start = chunk.startIndex
            while let cut = Self.firstIndex(of: delimiter, in: chunk, from: start) {
                if partial.isEmpty {
                    pending.append(chunk[start..<cut])
                } else {
                    partial.append(chunk[start..<cut])
                    pending.append(partial)
                    partial = Data()
                }
                start = chunk.index(after: cut)
            }
            if start < chunk.endIndex { partial.append(chunk[start...]) }
        }
        defer { index += 1 }
        return pending[index]
    }

    /// Where `byte` next occurs in `data` from `start`, found with memchr rather than by
    /// iterating the bytes one by one; the records of a chunk are slices of it, not copies.
    static func firstIndex(of byte: UInt8, in data: Data, from start: Data.Index) -> Data.Index? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data.Index? in
            guard let base = raw.baseAddress else { return nil }
            let offset = start - data.startIndex
            guard offset < raw.count, let hit = memchr(base + offset, Int32(byte), raw.count - offset) else { return nil }
            return data.startIndex + (UnsafeRawPointer(hit) - base)
        }
    }

    /// True when `record` is only JSON whitespace: a blank line, or the space around a record.
    static func isBlank(_ record: Data) -> Bool {
        record.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}

/// A JSON Lines body (`application/jsonl`, `application/x-ndjson`): one JSON value per line,
/// decoded into `Element` as each line arrives. Blank lines are skipped; a line ending in CRLF
/// reads as one ending in LF.
public struct JSONLines<Element: Decodable & Sendable>: AsyncSequence, Sendable, Hashable {
    /// The body the lines are read from.
    public let body: HTTPBody
    /// Whether each decoded item's constraints are also checked (`validate()`), as
    /// ``ClientOptions/validateResponses`` asks.
    public let validatesItems: Bool

    /// Lines read from `body`.
    public init(body: HTTPBody, validatesItems: Bool = false) {
        self.body = body
        self.validatesItems = validatesItems
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(records: DelimitedRecords(chunks: body.makeAsyncIterator(), delimiter: 0x0A), validates: validatesItems)
    }

    /// Decodes one line at a time; a line that does not decode throws ``StreamItemError``.
    public struct Iterator: AsyncIteratorProtocol {
        var records: DelimitedRecords
        let validates: Bool
        var count = 0

        public mutating func next() async throws -> Element? {
            while let record = try await records.next() {
                if DelimitedRecords.isBlank(record) { continue }
                count += 1
                let item: Element
                do {
                    item = try JSONCoding.decode(Element.self, from: record)
                } catch {
                    throw StreamItemError(index: count, underlying: error)
                }
                return try StreamItemError.checked(item, index: count, validates: validates)
            }
            return nil
        }
    }
}

/// A JSON text sequence body (`application/json-seq`, RFC 7464): each JSON text preceded by
/// RS (U+001E), decoded into `Element` as each record arrives.
///
/// As RFC 7464 section 2.3 asks, a record that does not parse as JSON is skipped when it is
/// the last and was cut short (no LF at its end, a truncated write); any other record that
/// does not decode throws ``StreamItemError``.
public struct JSONSequence<Element: Decodable & Sendable>: AsyncSequence, Sendable, Hashable {
    /// The body the records are read from.
    public let body: HTTPBody
    /// Whether each decoded item's constraints are also checked (`validate()`), as
    /// ``ClientOptions/validateResponses`` asks.
    public let validatesItems: Bool

    /// Records read from `body`.
    public init(body: HTTPBody, validatesItems: Bool = false) {
        self.body = body
        self.validatesItems = validatesItems
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(records: DelimitedRecords(chunks: body.makeAsyncIterator(), delimiter: 0x1E), validates: validatesItems)
    }

    /// Decodes one record at a time.
    public struct Iterator: AsyncIteratorProtocol {
        var records: DelimitedRecords
        let validates: Bool
        var count = 0
        var lookahead: Data?

        public mutating func next() async throws -> Element? {
            while true {
                let record: Data?
                if let l = lookahead {
                    record = l
                    lookahead = nil
                } else {
                    record = try await records.next()
                }
                guard let record else { return nil }
                if DelimitedRecords.isBlank(record) { continue }
                count += 1
                let item: Element
                do {
                    item = try JSONCoding.decode(Element.self, from: record)
                } catch {
                    // Only the final record can be a truncated write: look one record ahead.
                    let following = try await records.next()
                    if following == nil, record.last != 0x0A { return nil }
                    lookahead = following
                    throw StreamItemError(index: count, underlying: error)
                }
                return try StreamItemError.checked(item, index: count, validates: validates)
            }
        }
    }
}
