import Foundation

/// A `text/event-stream` response body read event by event as it arrives.
///
/// Iterating yields every ``ServerSentEvent``; ``payloads(until:)`` decodes each event's `data`
/// into `Payload`, the schema the spec gives the stream. Sentinels such as OpenAI's `[DONE]` are
/// the caller's to name: the spec does not say them.
public struct ServerSentEvents<Payload: Decodable & Sendable>: AsyncSequence, Sendable, Hashable {
    public typealias Element = ServerSentEvent

    /// The body the events are read from.
    public let body: HTTPBody
    /// Whether ``payloads(until:)`` also checks each payload's constraints (`validate()`), as
    /// ``ClientOptions/validateResponses`` asks.
    public let validatesItems: Bool

    /// Events read from `body`.
    public init(body: HTTPBody, validatesItems: Bool = false) {
        self.body = body
        self.validatesItems = validatesItems
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator(), validates: validatesItems)
    }

    /// Each event's `data` decoded as JSON into `Payload` (a `String` payload is the data as
    /// it is), ending at the first event whose data is `sentinel`.
    public func payloads(until sentinel: String? = nil) -> Payloads {
        Payloads(events: self, sentinel: sentinel)
    }

    /// Reads events from the body's chunks.
    public struct Iterator: AsyncIteratorProtocol {
        var chunks: HTTPBody.Iterator
        var parser = ServerSentEventParser()
        var pending: [ServerSentEvent] = []
        var index = 0
        let validates: Bool

        public mutating func next() async throws -> ServerSentEvent? {
            while index == pending.count {
                guard let chunk = try await chunks.next() else { return nil }
                pending = parser.feed(chunk)
                index = 0
            }
            defer { index += 1 }
            return pending[index]
        }
    }

    /// The decoded payloads of a stream's events.
    public struct Payloads: AsyncSequence, Sendable {
        public typealias Element = Payload
        let events: ServerSentEvents
        let sentinel: String?

        public func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator(), sentinel: sentinel) }

        /// Decodes one event at a time.
        public struct Iterator: AsyncIteratorProtocol {
            var events: ServerSentEvents.Iterator
            let sentinel: String?
            var done = false
            var count = 0

            public mutating func next() async throws -> Payload? {
                guard !done, let event = try await events.next() else { return nil }
                if let sentinel, event.data == sentinel {
                    done = true
                    return nil
                }
                count += 1
                if Payload.self == String.self, let text = event.data as? Payload { return text }
                let payload: Payload
                do {
                    // An enum of event kinds reads the whole event: its name picks the kind.
                    if let kinds = Payload.self as? any ServerSentEventDecodable.Type, let typed = try kinds.init(event: event) as? Payload {
                        payload = typed
                    } else {
                        payload = try JSONCoding.decode(Payload.self, from: Data(event.data.utf8))
                    }
                } catch {
                    throw StreamItemError(index: count, underlying: error)
                }
                return try StreamItemError.checked(payload, index: count, validates: events.validates)
            }
        }
    }
}

/// An item of a streamed body (an event's data, a JSON line, a JSON text sequence record) that
/// does not decode into its schema's type.
public struct StreamItemError: Error, CustomStringConvertible {
    /// 1 for the first item of the stream.
    public let index: Int
    /// The decoding error.
    public let underlying: any Error

    public var description: String {
        if let failure = underlying as? ValidationFailure {
            return "item \(index) of the stream breaks its schema: " + failure.issues.map(\.description).joined(separator: "; ")
        }
        let reason = (underlying as? DecodingError).map(ClientError.describe) ?? String(describing: underlying)
        return "item \(index) of the stream could not be decoded: \(reason)"
    }

    /// `item`, after checking its constraints when `validates` (a ``ValidationFailure`` becomes
    /// the error of item `index`).
    static func checked<T>(_ item: T, index: Int, validates: Bool) throws -> T {
        guard validates, let value = item as? any Validatable else { return item }
        do {
            try value.validate()
        } catch {
            throw StreamItemError(index: index, underlying: error)
        }
        return item
    }
}
