import Foundation
import OpenFunnel

/// A JSON request body as the service's pydantic model declares it, checked the way FastAPI
/// checks it: every field, every error reported at once, in declaration order.
///
/// Written independently of the generated validators on purpose: a fake that reused the
/// client's own checks would agree with any mistake in them.
struct BodySchema: Sendable {
    /// One declared field.
    struct Field: Sendable {
        enum Kind: Sendable {
            /// Lengths count Unicode code points, as Python's `len` does.
            case string(minLength: Int? = nil, maxLength: Int? = nil)
            case integer(minimum: Int? = nil, maximum: Int? = nil)
            case boolean
            /// A list of strings, optionally limited in size and to a set of values (an enum).
            case stringList(maxItems: Int? = nil, allowed: [String]? = nil)
        }

        var name: String
        var kind: Kind
        /// Required fields have no default: leaving them out is `missing`.
        var required = false
        /// `anyOf: [X, null]`: an explicit `null` is accepted.
        var nullable = false
    }

    var fields: [Field]
    /// A check across fields, like a pydantic `model_validator(mode="after")`: it runs only
    /// when every field is valid, and returns the message of its `value_error`, if any.
    var modelRule: @Sendable ([String: JSONValue]) -> String? = { _ in nil }

    /// The errors in `data`, a raw request body; empty when it is valid.
    func check(_ data: Data) -> [ValidationError] {
        switch Self.parse(data) {
        case .malformed(let error): return [error]
        case .json(let value): return check(value)
        }
    }

    /// The errors in a parsed body; empty when it is valid.
    func check(_ body: JSONValue) -> [ValidationError] {
        guard case .object(let object) = body else {
            return [ValidationDetails.modelType(at: ValidationDetails.location("body"))]
        }
        var errors: [ValidationError] = []
        for field in fields {
            errors += check(field, value: object[field.name])
        }
        if errors.isEmpty, let message = modelRule(object) {
            errors.append(ValidationDetails.valueError(message, at: ValidationDetails.location("body")))
        }
        return errors
    }

    /// A raw body read as JSON.
    enum Parsed {
        case json(JSONValue)
        /// Missing or not JSON: the error FastAPI answers.
        case malformed(ValidationError)
    }

    static func parse(_ data: Data) -> Parsed {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .malformed(ValidationDetails.missing(at: ValidationDetails.location("body")))
        }
        do {
            return .json(try JSONCoding.decode(JSONValue.self, from: data))
        } catch {
            return .malformed(ValidationDetails.jsonInvalid(at: syntaxErrorPosition(in: data)))
        }
    }

    /// Where the JSON goes wrong, as a character offset. `JSONDecoder` does not say;
    /// `JSONSerialization` does, in prose ("… around character 8."), on every platform this
    /// runs on. 0 when neither knows.
    private static func syntaxErrorPosition(in data: Data) -> Int {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = text.range(of: "character ") {
                let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
                if let position = Int(digits) { return position }
            }
        }
        return 0
    }

    private func check(_ field: Field, value: JSONValue?) -> [ValidationError] {
        let loc = ValidationDetails.location("body", field.name)
        guard let value else {
            return field.required ? [ValidationDetails.missing(at: loc)] : []
        }
        if case .null = value, field.nullable {
            return []
        }
        switch field.kind {
        case .string(let minLength, let maxLength):
            guard case .string(let text) = value else { return [ValidationDetails.stringType(at: loc)] }
            return Self.checkLength(text, minLength: minLength, maxLength: maxLength, at: loc)
        case .integer(let minimum, let maximum):
            let number: Int
            switch value {
            case .integer(let integer):
                number = Int(clamping: integer)
            case .number(let double):
                // JSONValue reads integral numbers as `.integer`, so this one has a fraction.
                return double.isFinite ? [ValidationDetails.intFromFloat(at: loc)] : [ValidationDetails.intType(at: loc)]
            default:
                return [ValidationDetails.intType(at: loc)]
            }
            if let minimum, number < minimum { return [ValidationDetails.greaterThanEqual(minimum, at: loc)] }
            if let maximum, number > maximum { return [ValidationDetails.lessThanEqual(maximum, at: loc)] }
            return []
        case .boolean:
            guard case .bool = value else { return [ValidationDetails.boolType(at: loc)] }
            return []
        case .stringList(let maxItems, let allowed):
            guard case .array(let items) = value else { return [ValidationDetails.listType(at: loc)] }
            var errors: [ValidationError] = []
            for (index, item) in items.enumerated() {
                let itemLoc = loc + [.integer(index)]
                guard case .string(let text) = item else {
                    errors.append(ValidationDetails.stringType(at: itemLoc))
                    continue
                }
                if let allowed, !allowed.contains(text) {
                    errors.append(ValidationDetails.enumValue(allowed, at: itemLoc))
                }
            }
            if let maxItems, items.count > maxItems {
                errors.append(ValidationDetails.listTooLong(maxItems, actual: items.count, at: loc))
            }
            return errors
        }
    }

    private static func checkLength(
        _ text: String, minLength: Int?, maxLength: Int?, at loc: ValidationDetails.Location
    ) -> [ValidationError] {
        let length = text.unicodeScalars.count
        if let minLength, length < minLength { return [ValidationDetails.stringTooShort(minLength, at: loc)] }
        if let maxLength, length > maxLength { return [ValidationDetails.stringTooLong(maxLength, at: loc)] }
        return []
    }
}
