extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// Decodes a closed string enum by comparing code points, as JSON Schema compares strings.
    ///
    /// The synthesized decoder goes through `init(rawValue:)`, which uses Swift's `==`: that
    /// treats canonically equivalent strings as equal, so `"a\u{308}"` would decode as the case
    /// for `"ä"`. Generated only for enums with a value outside ASCII, where the two can differ.
    public static func decodedByCodePoints(from decoder: any Decoder) throws -> Self {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = allCases.first(where: { $0.rawValue.unicodeScalars.elementsEqual(text.unicodeScalars) }) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(text.debugDescription) is not one of \(Self.self)'s values")
        }
        return value
    }
}
