import Foundation
import OpenAPIGenRuntime

/// JSON text parsed into a comparable value; objects compare without regard to key order.
public func json(_ text: String) throws -> JSONValue {
    try JSONCoding.decode(JSONValue.self, from: Data(text.utf8))
}

/// JSON bytes parsed into a comparable value.
public func json(_ data: Data?) throws -> JSONValue {
    try JSONCoding.decode(JSONValue.self, from: data ?? Data())
}

/// `value` as the generated client would send it, parsed back for comparison.
public func encodedJSON(_ value: some Encodable) throws -> JSONValue {
    try json(JSONCoding.encode(value))
}

/// `value` as the generated client would send it, as text (keys are sorted, so this is exact).
public func encodedText(_ value: some Encodable) throws -> String {
    String(decoding: try JSONCoding.encode(value), as: UTF8.self)
}

/// Decodes `text` with the client's JSON configuration.
public func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONCoding.decode(type, from: Data(text.utf8))
}

/// The short description the client gives a decoding failure, or `nil` for other errors.
public func decodingFailure(_ error: any Error) -> String? {
    (error as? DecodingError).map(ClientError.describe)
}

/// `date` as RFC 3339 text, so instants compare exactly without floating-point noise.
public func rfc3339(_ date: Date?) -> String? {
    date.map(RFC3339.string(from:))
}

extension JSONValue {
    /// The member `key` of an object; `nil` for a missing member or a non-object.
    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }
}
/// `value` with every `null` object member removed, recursively.
///
/// Optional response properties decode `null` and absence alike as `nil`, and the encoder writes
/// `nil` by leaving the member out; comparing without nulls checks every value that was there.
public func droppingNulls(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
        return .object(members.filter { $0.value != .null }.mapValues(droppingNulls))
    case .array(let items):
        return .array(items.map(droppingNulls))
    default:
        return value
    }
}
