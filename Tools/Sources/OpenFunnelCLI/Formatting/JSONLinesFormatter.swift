import Foundation
import OpenAPIGenRuntime

/// JSON lines: one compact JSON object per row, written with the client's own JSON configuration
/// (`JSONCoding`), so keys are the wire names (sorted), dates RFC 3339 and missing values absent.
public struct JSONLinesFormatter {
    private let encoder = JSONCoding.makeEncoder()

    public init() {}

    /// `value` as one line, newline included. The encoder never writes a raw newline: line
    /// breaks inside strings are escaped.
    public func line(_ value: some Encodable) throws -> String {
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
