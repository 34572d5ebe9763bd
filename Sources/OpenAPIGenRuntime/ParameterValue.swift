import Foundation

/// A value that can be sent as a path, query or header parameter.
///
/// Generated string and integer enums conform with an empty extension
/// (`extension Color: ParameterValue {}`) through the `RawRepresentable` defaults below; the
/// enum must itself be `Sendable`.
public protocol ParameterValue: Sendable {
    /// The value as unencoded text; the style encoders escape it as the location requires.
    var parameterText: String { get }
}

extension ParameterValue where Self: RawRepresentable, RawValue == String {
    /// The raw value, which is the spelling the API defines for the case.
    public var parameterText: String { rawValue }
}

extension ParameterValue where Self: RawRepresentable, RawValue == Int {
    /// The raw value in decimal.
    public var parameterText: String { String(rawValue) }
}

extension String: ParameterValue {
    /// The string itself.
    public var parameterText: String { self }
}

extension Bool: ParameterValue {
    /// `true` or `false`, as in JSON.
    public var parameterText: String { self ? "true" : "false" }
}

extension Int: ParameterValue {
    /// Decimal digits.
    public var parameterText: String { String(self) }
}

extension Int32: ParameterValue {
    /// Decimal digits.
    public var parameterText: String { String(self) }
}

extension Int64: ParameterValue {
    /// Decimal digits.
    public var parameterText: String { String(self) }
}

extension Double: ParameterValue {
    /// The shortest text that reads back as the same value, without `.0` for integral values.
    public var parameterText: String { NumberText.format(self) }
}

extension Float: ParameterValue {
    /// The shortest text that reads back as the same `Float` (so `0.1`, not the longer text of
    /// its `Double` widening), without `.0` for integral values.
    public var parameterText: String { NumberText.format(self) }
}

extension UUID: ParameterValue {
    /// Lower-case hyphenated form: RFC 9562 asks for lower case on output, and servers that
    /// compare identifiers as text almost always store them that way.
    public var parameterText: String { uuidString.lowercased() }
}

extension Date: ParameterValue {
    /// RFC 3339 in UTC, exactly as ``JSONCoding`` writes dates in bodies.
    public var parameterText: String { RFC3339.string(from: self) }
}
