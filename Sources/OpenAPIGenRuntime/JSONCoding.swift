import Foundation

/// The JSON configuration generated clients use for request and response bodies.
///
/// Dates travel as RFC 3339 text (see ``RFC3339``), `Data` as base64, and slashes are not
/// escaped because `\/` is legal but surprising in URLs carried inside JSON.
///
/// Object keys are written sorted. Foundation's `JSONEncoder` does not keep the order in which
/// `encode(to:)` writes keys (its keyed containers are dictionaries, so without sorting the
/// order changes from one process to the next); sorting is the only way to get the same bytes
/// for the same value every time, which request signing, caching and golden tests rely on.
public enum JSONCoding {
    /// A new encoder with the client configuration; each call returns a fresh instance so
    /// callers may adjust it freely.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        encoder.dataEncodingStrategy = .base64
        return encoder
    }

    /// A new decoder with the client configuration; each call returns a fresh instance.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "expected an RFC 3339 date-time, found \(text.debugDescription)")
            }
            return date
        }
        decoder.dataDecodingStrategy = .base64
        return decoder
    }

    /// Encodes `value` as JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try makeEncoder().encode(value)
    }

    /// Decodes a `type` from JSON `data`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try makeDecoder().decode(type, from: data)
    }
}
