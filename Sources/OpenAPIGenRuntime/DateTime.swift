import Foundation

/// An RFC 3339 `date-time` (OpenAPI `format: date-time`) that keeps the text it was read from.
///
/// A `Date` alone would re-encode `2026-05-28T19:05:00.123456+02:00` as
/// `2026-05-28T17:05:00.123Z`: the same instant, but not the value the server sent, and lost
/// digits change signatures and comparisons done on the text. `DateTime` writes back exactly
/// what it read; one made from a `Date` is written in UTC with milliseconds when they are not
/// zero (``RFC3339/string(from:)``). Equality, hashing and order are by instant.
public struct DateTime: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The instant.
    public let date: Date
    /// The RFC 3339 text written when the value is encoded.
    public let text: String

    /// The instant `date`, written in UTC.
    public init(_ date: Date) {
        self.date = date
        self.text = RFC3339.string(from: date)
    }

    /// Reads RFC 3339 text; `nil` when it is not a valid `date-time`.
    public init?(rfc3339 text: String) {
        guard let date = RFC3339.date(from: text) else { return nil }
        self.date = date
        self.text = text
    }

    /// The current instant.
    public static var now: DateTime { DateTime(Date()) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateTime(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 date-time, found \(text.debugDescription)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public static func == (lhs: DateTime, rhs: DateTime) -> Bool { lhs.date == rhs.date }
    public static func < (lhs: DateTime, rhs: DateTime) -> Bool { lhs.date < rhs.date }
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }

    /// The RFC 3339 text.
    public var description: String { text }
}

extension DateTime: ParameterValue {
    /// The RFC 3339 text, as in bodies.
    public var parameterText: String { text }
}

/// A UUID (OpenAPI `format: uuid`) that keeps the text it was read from.
///
/// Foundation's `UUID` writes upper case; most servers send lower case and some compare
/// identifiers as text, so a value read and written back keeps its spelling. One made from a
/// `UUID` is written in lower case, as RFC 9562 asks. Equality and hashing are by value, so
/// spellings that differ only in case are equal.
public struct UUIDText: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The identifier.
    public let uuid: UUID
    /// The text written when the value is encoded.
    public let text: String

    /// `uuid`, written in lower case.
    public init(_ uuid: UUID) {
        self.uuid = uuid
        self.text = uuid.uuidString.lowercased()
    }

    /// A new random identifier.
    public init() { self.init(UUID()) }

    /// Reads hyphenated UUID text in either case; `nil` when it is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = UUIDText(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a UUID, found \(text.debugDescription)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public static func == (lhs: UUIDText, rhs: UUIDText) -> Bool { lhs.uuid == rhs.uuid }
    public func hash(into hasher: inout Hasher) { hasher.combine(uuid) }

    /// The text.
    public var description: String { text }
}

extension UUIDText: ParameterValue {
    /// The text as read, or lower case for a value made from a `UUID`.
    public var parameterText: String { text }
}
