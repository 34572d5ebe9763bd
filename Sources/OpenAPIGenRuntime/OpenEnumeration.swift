/// A generated open enum: a string or integer enum read from responses, which decodes any value
/// so that a value the server adds later does not fail the whole response. JSON Schema still
/// calls a value the spec does not list invalid, and `validate()` says so (see
/// ``Validator/known(_:at:)``).
public protocol OpenEnumeration: RawRepresentable, Equatable where RawValue: CustomStringConvertible & Equatable {
    /// The values the spec lists.
    static var knownValues: [Self] { get }
}

extension Validator {
    /// Reports an open enum's value that the spec does not list (decoding accepted it).
    public mutating func known<T: OpenEnumeration>(_ value: T, at key: String) {
        // Strings by code points, as JSON Schema compares them: Swift's `==` (and so `contains`)
        // would take "a\u{308}" for "ä".
        if let text = value.rawValue as? String {
            allowed(text, T.knownValues.compactMap { $0.rawValue as? String }, at: key)
        } else if !T.knownValues.contains(value) {
            allowed(value.rawValue, T.knownValues.map(\.rawValue), at: key)
        }
    }

    /// An optional open enum: nothing to report when it is absent.
    public mutating func known<T: OpenEnumeration>(_ value: T?, at key: String) {
        if let value { known(value, at: key) }
    }

    /// A closed enum: nothing to report, decoding already refused values the spec does not list.
    /// (Where a type read from responses reuses a closed enum, the call stays valid.)
    public mutating func known<T: RawRepresentable & CaseIterable>(_ value: T?, at key: String) {}
}
