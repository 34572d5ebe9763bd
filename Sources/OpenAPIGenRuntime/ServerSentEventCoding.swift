import Foundation

/// A value read from a whole event (its `event` name and `data`), not only from its data: the
/// enum generated for an OpenAPI 3.2 `itemSchema` that describes events of several shapes
/// (`oneOf` of event kinds told apart by `event`). ``ServerSentEvents/payloads(until:)`` hands
/// events over through this initialiser when the payload type has it.
public protocol ServerSentEventDecodable: Decodable, Sendable {
    /// The value `event` carries; throws when its data does not decode into its kind's schema.
    init(event: ServerSentEvent) throws
}

extension ServerSentEventDecodable {
    /// Reads the event from a JSON object with its fields (`event`, `data`, `id`, `retry`), the
    /// shape the item schema describes it with.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        func key(_ name: String) -> DynamicCodingKey { DynamicCodingKey(stringValue: name)! }
        let event = ServerSentEvent(
            event: try container.decodeIfPresent(String.self, forKey: key("event")) ?? "message",
            data: try container.decodeIfPresent(String.self, forKey: key("data")) ?? "",
            id: try container.decodeIfPresent(String.self, forKey: key("id")),
            retry: try container.decodeIfPresent(Int.self, forKey: key("retry")))
        try self.init(event: event)
    }
}

/// A value written as a whole event: the counterpart of ``ServerSentEventDecodable`` for
/// typed event-stream uploads (``ServerSentEventUpload``).
public protocol ServerSentEventEncodable: Sendable {
    /// The event this value is sent as.
    func serverSentEvent() throws -> ServerSentEvent
}

extension ServerSentEvent {
    /// An event named `event` whose data is `payload` as one line of JSON (generated code's
    /// way of writing a typed event kind).
    public static func json<T: Encodable>(_ payload: T, event: String) throws -> ServerSentEvent {
        ServerSentEvent(event: event, data: String(decoding: try JSONCoding.encode(payload), as: UTF8.self))
    }

    /// This event's data decoded as JSON into `type` (generated code's way of reading a typed event kind).
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONCoding.decode(type, from: Data(data.utf8))
    }
}
