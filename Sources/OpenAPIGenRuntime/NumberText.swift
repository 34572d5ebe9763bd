/// Decimal text for numbers in parameters and validation messages.
///
/// Integral floating-point values print without a fraction (`3`, not `3.0`) because that is how
/// they appear in OpenAPI documents and JSON, and a server parsing an integer parameter may
/// reject `3.0`.
enum NumberText {
    static func format<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) -> String {
        // Below 2^53 every integral double converts to Int64 exactly; beyond that the shortest
        // round-trip form (`1e+16`) is both shorter and honest about the precision.
        if value.isFinite, value == value.rounded(), value.magnitude < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return value.description
    }
}
