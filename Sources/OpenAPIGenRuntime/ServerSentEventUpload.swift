import Foundation

/// A `text/event-stream` request body whose events OpenAPI 3.2's `itemSchema` describes: each
/// event is written when it is produced, framed as the WHATWG event stream format reads it.
///
/// `Payload` is what an event's `data` carries: `String` for text, or the `contentSchema` of a
/// `data` declared `contentMediaType: application/json`, encoded as one line of JSON.
public struct ServerSentEventUpload<Payload: Sendable>: Sendable, Hashable {
    /// The encoded stream, sent as it is produced.
    public let body: HTTPBody

    /// Events written as they arrive, their `data` as it is (several lines become several `data:` fields).
    public init<S: AsyncSequence & Sendable>(events: S) where S.Element == ServerSentEvent {
        body = HTTPBody(EventFrames(events: events))
    }

    /// Events known up front.
    public init(events: [ServerSentEvent]) {
        self.init(events: ItemList(items: events))
    }

    /// One `message` event per payload, its data the payload (as JSON unless it is a string).
    public init<S: AsyncSequence & Sendable>(payloads: S) where S.Element == Payload, Payload: Encodable {
        body = HTTPBody(EventFrames(events: PayloadEvents(payloads: payloads)))
    }

    /// Payloads known up front.
    public init(payloads: [Payload]) where Payload: Encodable {
        self.init(payloads: ItemList(items: payloads))
    }

    /// Values that are whole events (the enum of event kinds of an `itemSchema` with several
    /// shapes), each written as the event it is.
    public init<S: AsyncSequence & Sendable>(kinds: S) where S.Element == Payload, Payload: ServerSentEventEncodable {
        body = HTTPBody(EventFrames(events: KindEvents(kinds: kinds)))
    }

    /// Event kinds known up front.
    public init(kinds: [Payload]) where Payload: ServerSentEventEncodable {
        self.init(kinds: ItemList(items: kinds))
    }

    /// Events already encoded.
    public init(body: HTTPBody) {
        self.body = body
    }
}

extension ServerSentEvent {
    /// The event as the event stream format writes it, ending in the empty line that dispatches
    /// it. `event` is omitted when it is `message` (the default), `retry` and `id` when nil.
    public var encoded: Data {
        var text = ""
        if event != "message" { text += "event: \(Self.singleLine(event))\n" }
        if let id { text += "id: \(Self.singleLine(id))\n" }
        if let retry { text += "retry: \(retry)\n" }
        // Every line break the parser knows (CRLF, CR, LF) starts a new `data` field.
        let lines = data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { text += "data: \(line)\n" }
        text += "\n"
        return Data(text.utf8)
    }

    /// A field value cannot hold a line break: it would end the field.
    private static func singleLine(_ value: String) -> String {
        value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

/// The bytes of each event of `events`, produced as they are.
struct EventFrames<S: AsyncSequence & Sendable>: AsyncSequence, Sendable where S.Element == ServerSentEvent {
    typealias Element = Data
    let events: S

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncIteratorProtocol {
        var events: S.AsyncIterator
        mutating func next() async throws -> Data? { try await events.next()?.encoded }
    }
}

/// A `message` event per payload, its data the payload's JSON (or the string itself).
struct PayloadEvents<S: AsyncSequence & Sendable>: AsyncSequence, Sendable where S.Element: Encodable {
    typealias Element = ServerSentEvent
    let payloads: S

    func makeAsyncIterator() -> Iterator { Iterator(payloads: payloads.makeAsyncIterator()) }

    struct Iterator: AsyncIteratorProtocol {
        var payloads: S.AsyncIterator
        mutating func next() async throws -> ServerSentEvent? {
            guard let payload = try await payloads.next() else { return nil }
            if let text = payload as? String { return ServerSentEvent(data: text) }
            return ServerSentEvent(data: String(decoding: try JSONCoding.encode(payload), as: UTF8.self))
        }
    }
}

/// The event of each value of `kinds`.
struct KindEvents<S: AsyncSequence & Sendable>: AsyncSequence, Sendable where S.Element: ServerSentEventEncodable {
    typealias Element = ServerSentEvent
    let kinds: S

    func makeAsyncIterator() -> Iterator { Iterator(kinds: kinds.makeAsyncIterator()) }

    struct Iterator: AsyncIteratorProtocol {
        var kinds: S.AsyncIterator
        mutating func next() async throws -> ServerSentEvent? { try await kinds.next()?.serverSentEvent() }
    }
}
