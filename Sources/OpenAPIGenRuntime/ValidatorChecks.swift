// The constraint checks of `Validator`, one per JSON Schema keyword family. Messages state the
// actual value and the limit so that they make sense without the schema at hand. Each takes its
// value as an optional and checks nothing for nil (an absent member), one signature per check: a
// second, non-optional overload would only give the type checker more to try.

extension Validator {
    /// Checks `minLength`/`maxLength`, counting Unicode scalars as JSON Schema counts code
    /// points (so `é` written as `e` plus a combining accent is 2, as is a flag emoji).
    public mutating func length(_ value: String?, min: Int? = nil, max: Int? = nil, at key: String) {
        guard let value else { return }
        let length = value.unicodeScalars.count
        if let min, length < min {
            report("\(Self.counted(length, "characters")), at least \(min) required", at: key)
        }
        if let max, length > max {
            report("\(Self.counted(length, "characters")), at most \(max) allowed", at: key)
        }
    }

    /// Checks `pattern`: the value must contain a match somewhere.
    public mutating func pattern(_ value: String?, _ pattern: ValidationPattern, at key: String) {
        if let value, !pattern.matches(value) {
            report("\(Self.quoted(value)) does not match the pattern \(pattern.source)", at: key)
        }
    }

    /// Checks `minimum`, `maximum`, `exclusiveMinimum` and `exclusiveMaximum` of an integer.
    public mutating func range<T: BinaryInteger>(
        _ value: T?, minimum: T? = nil, maximum: T? = nil,
        exclusiveMinimum: T? = nil, exclusiveMaximum: T? = nil, at key: String
    ) {
        guard let value else { return }
        checkRange(
            value, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, at: key, text: { $0.description })
    }

    /// Checks `minimum`, `maximum`, `exclusiveMinimum` and `exclusiveMaximum` of a number.
    public mutating func range<T: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: T?, minimum: T? = nil, maximum: T? = nil,
        exclusiveMinimum: T? = nil, exclusiveMaximum: T? = nil, at key: String
    ) {
        guard let value else { return }
        checkRange(
            value, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, at: key, text: { NumberText.format($0) })
    }

    /// Checks `multipleOf` of an integer; a divisor of zero (invalid in a schema) is ignored.
    public mutating func multiple<T: BinaryInteger>(_ value: T?, of divisor: T, at key: String) {
        if let value, divisor != 0, value % divisor != 0 {
            report("\(value) is not a multiple of \(divisor)", at: key)
        }
    }

    /// Checks `multipleOf` of a number.
    ///
    /// Decimal divisors such as `0.01` have no exact binary value, so `0.07 / 0.01` is
    /// `7.000000000000001`; the quotient counts as whole when it is within a tolerance far
    /// larger than that rounding error and far smaller than any intended fraction. Zero or
    /// non-finite divisors are ignored.
    public mutating func multiple<T: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: T?, of divisor: T, at key: String
    ) {
        guard let value, divisor != 0, divisor.isFinite, value.isFinite else { return }
        let quotient = Double(value) / Double(divisor)
        let tolerance = Swift.max(1e-9, quotient.magnitude * 1e-14)
        if (quotient - quotient.rounded()).magnitude > tolerance {
            report(
                "\(NumberText.format(value)) is not a multiple of \(NumberText.format(divisor))",
                at: key)
        }
    }

    /// Checks `minItems`/`maxItems` (unit `items`) or `minProperties`/`maxProperties` (unit
    /// `properties`); the count of an absent collection (`list?.count`) is nil.
    public mutating func count(
        _ count: Int?, min: Int? = nil, max: Int? = nil, unit: String = "items", at key: String
    ) {
        guard let count else { return }
        if let min, count < min {
            report("\(Self.counted(count, unit)), at least \(min) required", at: key)
        }
        if let max, count > max {
            report("\(Self.counted(count, unit)), at most \(max) allowed", at: key)
        }
    }

    /// Checks `uniqueItems`, reporting the first repeated item with 0-based indices.
    public mutating func unique<C: Collection>(_ items: C?, at key: String) where C.Element: Hashable {
        guard let items else { return }
        var firstIndex: [C.Element: Int] = [:]
        for (index, item) in items.enumerated() {
            if let earlier = firstIndex[item] {
                report("items must be unique; item \(index) repeats item \(earlier)", at: key)
                return
            }
            firstIndex[item] = index
        }
    }

    /// Checks `enum` for strings that are not generated as a closed Swift enum, comparing code
    /// points as JSON Schema does (Swift's `==` would call `"ä"` and `"a\u{308}"` equal).
    public mutating func allowed(_ value: String?, _ allowed: [String], at key: String) {
        if let value, !allowed.contains(where: { $0.unicodeScalars.elementsEqual(value.unicodeScalars) }) {
            report(
                "\(Self.quoted(value)) is not one of: \(allowed.joined(separator: ", "))", at: key)
        }
    }

    /// Checks `enum` for other values, such as numbers.
    public mutating func allowed<T: Equatable & CustomStringConvertible>(
        _ value: T?, _ allowed: [T], at key: String
    ) {
        if let value, !allowed.contains(value) {
            let list = allowed.map(\.description).joined(separator: ", ")
            report("\(value) is not one of: \(list)", at: key)
        }
    }

    private mutating func checkRange<T: Comparable>(
        _ value: T, minimum: T?, maximum: T?, exclusiveMinimum: T?, exclusiveMaximum: T?,
        at key: String, text: (T) -> String
    ) {
        if let minimum, value < minimum {
            report("\(text(value)) is less than the minimum \(text(minimum))", at: key)
        }
        if let maximum, value > maximum {
            report("\(text(value)) is greater than the maximum \(text(maximum))", at: key)
        }
        if let exclusiveMinimum, value <= exclusiveMinimum {
            report("\(text(value)) must be greater than \(text(exclusiveMinimum))", at: key)
        }
        if let exclusiveMaximum, value >= exclusiveMaximum {
            report("\(text(value)) must be less than \(text(exclusiveMaximum))", at: key)
        }
    }

    /// `count` followed by `unit`, singular for exactly one (`1 item`, `2 items`).
    private static func counted(_ count: Int, _ unit: String) -> String {
        guard count == 1 else { return "\(count) \(unit)" }
        switch unit {
        case "items": return "1 item"
        case "properties": return "1 property"
        case "characters": return "1 character"
        default: return "1 \(unit)"
        }
    }

    /// A value quoted for a message; long values are cut short because messages are read by
    /// people and may end up in logs.
    private static func quoted(_ value: String) -> String {
        let limit = 100
        let shown = value.count > limit ? String(value.prefix(limit)) + "…" : value
        return shown.debugDescription
    }
}
