import Foundation

/// How a documented response header's text maps onto its schema (`style: simple`, the only
/// style OpenAPI allows for headers, or `content`).
public enum HeaderValueShape: Sendable {
    /// One value: `42`, `abc`, an RFC 3339 date-time.
    case scalar
    /// A comma-separated array: `a,b,c`.
    case list
    /// A comma-separated object: `k,v,k2,v2`, or `k=v,k2=v2` when `explode` is set.
    case object(explode: Bool)
    /// The field's text is a JSON document (`content: application/json`).
    case json
}

/// Reads documented response headers into their schema types, for generated code.
///
/// Repeated field lines are joined with `,` first (RFC 9110 section 5.3), so a list header sent
/// as several lines reads as one list.
public enum ResponseHeaderDecoding {
    /// The header's value; a missing header throws
    /// ``ClientError/undecodableResponse(operationID:status:contentType:underlying:)`` naming it.
    public static func required<T: Decodable>(
        _ type: T.Type, _ name: String, _ shape: HeaderValueShape, in response: HTTPResponse, operationID: String
    ) throws -> T {
        guard let value = try optional(type, name, shape, in: response, operationID: operationID) else {
            throw ClientError.undecodableResponse(
                operationID: operationID, status: response.status, contentType: response.headers["Content-Type"],
                underlying: "the required response header `\(name)` is missing")
        }
        return value
    }

    /// The header's value, or nil when the response has no such field. A field present with
    /// text its schema cannot read throws, like a body that does not match its schema.
    public static func optional<T: Decodable>(
        _ type: T.Type, _ name: String, _ shape: HeaderValueShape, in response: HTTPResponse, operationID: String
    ) throws -> T? {
        let lines = response.headers.values(for: name)
        guard !lines.isEmpty else { return nil }
        let text = lines.joined(separator: ",").trimmingCharacters(in: .whitespaces)
        for candidate in candidates(text, shape) {
            if let value = try? JSONCoding.decode(T.self, from: Data(candidate.utf8)) { return value }
        }
        throw ClientError.undecodableResponse(
            operationID: operationID, status: response.status, contentType: response.headers["Content-Type"],
            underlying: "response header `\(name)`: \(text.debugDescription) is not a valid \(T.self)")
    }

    /// JSON texts the header could stand for, most literal first: a schema of strings reads
    /// `123` as the string "123", a schema of integers as the number.
    static func candidates(_ text: String, _ shape: HeaderValueShape) -> [String] {
        switch shape {
        case .json:
            return [text]
        case .scalar:
            return [quoted(text), literal(text)]
        case .list:
            let items = text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map { trim($0) }
            return [
                "[" + items.map(quoted).joined(separator: ",") + "]",
                "[" + items.map(literal).joined(separator: ",") + "]",
            ]
        case .object(let explode):
            var pairs: [(String, String)] = []
            let items = text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map { trim($0) }
            if explode {
                // `k=v,k2=v2`. An item without `=` is not this form (a server sending `k,v` to
                // a spec that says `explode`): no reading, rather than keys with empty values.
                for item in items {
                    let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    guard parts.count == 2 else { return [] }
                    pairs.append((trim(parts[0]), trim(parts[1])))
                }
            } else {
                // `k,v,k2,v2`: an odd count leaves a key without a value, which is not dropped
                // quietly but makes the header unreadable.
                guard items.count % 2 == 0 else { return [] }
                var i = 0
                while i + 1 < items.count {
                    pairs.append((items[i], items[i + 1]))
                    i += 2
                }
            }
            func object(_ value: (String) -> String) -> String {
                "{" + pairs.map { quoted($0.0) + ":" + value($0.1) }.joined(separator: ",") + "}"
            }
            return [object(quoted), object(literal)]
        }
    }

    private static func trim(_ s: Substring) -> String { s.trimmingCharacters(in: .whitespaces) }

    /// `text` as a JSON number or boolean when it is one, else as a JSON string.
    static func literal(_ text: String) -> String {
        if text == "true" || text == "false" { return text }
        if !text.isEmpty, Double(text) != nil, text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
            || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        {
            return text
        }
        return quoted(text)
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
