import OpenFunnel

/// The validation errors FastAPI answers 422 with, worded as pydantic v2 words them, so that
/// clients are tested against the real service's shape and not an invented one.
enum ValidationDetails {
    typealias Location = [ValidationError.LocItem]

    /// `["body", "limit"]` from names; array indices are appended as `.integer`.
    static func location(_ names: String...) -> Location {
        names.map { .string($0) }
    }

    static func missing(at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Field required", type: "missing")
    }

    static func stringType(at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Input should be a valid string", type: "string_type")
    }

    static func intType(at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Input should be a valid integer", type: "int_type")
    }

    static func intFromFloat(at loc: Location) -> ValidationError {
        ValidationError(
            loc: loc, msg: "Input should be a valid integer, got a number with a fractional part",
            type: "int_from_float")
    }

    static func intParsing(at loc: Location) -> ValidationError {
        ValidationError(
            loc: loc, msg: "Input should be a valid integer, unable to parse string as an integer",
            type: "int_parsing")
    }

    static func boolType(at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Input should be a valid boolean", type: "bool_type")
    }

    static func listType(at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Input should be a valid list", type: "list_type")
    }

    static func modelType(at loc: Location) -> ValidationError {
        ValidationError(
            loc: loc, msg: "Input should be a valid dictionary or object to extract fields from",
            type: "model_attributes_type")
    }

    static func greaterThanEqual(_ minimum: Int, at loc: Location) -> ValidationError {
        ValidationError(
            loc: loc, msg: "Input should be greater than or equal to \(minimum)", type: "greater_than_equal")
    }

    static func lessThanEqual(_ maximum: Int, at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Input should be less than or equal to \(maximum)", type: "less_than_equal")
    }

    static func stringTooShort(_ minimum: Int, at loc: Location) -> ValidationError {
        ValidationError(
            loc: loc, msg: "String should have at least \(characters(minimum))", type: "string_too_short")
    }

    static func stringTooLong(_ maximum: Int, at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "String should have at most \(characters(maximum))", type: "string_too_long")
    }

    static func listTooLong(_ maximum: Int, actual: Int, at loc: Location) -> ValidationError {
        ValidationError(
            loc: loc, msg: "List should have at most \(maximum) item\(maximum == 1 ? "" : "s") after validation, not \(actual)",
            type: "too_long")
    }

    /// An enum member outside the allowed values: `Input should be 'A', 'B' or 'C'`.
    static func enumValue(_ allowed: [String], at loc: Location) -> ValidationError {
        let quoted = allowed.map { "'\($0)'" }
        let list = quoted.count > 1
            ? quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
            : quoted.joined()
        return ValidationError(loc: loc, msg: "Input should be \(list)", type: "enum")
    }

    /// A model validator's rejection, which pydantic prefixes with `Value error, `.
    static func valueError(_ message: String, at loc: Location) -> ValidationError {
        ValidationError(loc: loc, msg: "Value error, \(message)", type: "value_error")
    }

    /// A body that is not JSON; FastAPI locates it by character offset, an integer `loc` item.
    static func jsonInvalid(at position: Int) -> ValidationError {
        ValidationError(loc: [.string("body"), .integer(position)], msg: "JSON decode error", type: "json_invalid")
    }

    private static func characters(_ count: Int) -> String {
        "\(count) character\(count == 1 ? "" : "s")"
    }
}
