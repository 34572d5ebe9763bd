import Foundation

/// `application/x-www-form-urlencoded` bodies from Codable values.
///
/// The value is encoded to JSON first, so it follows exactly the same coding keys and date
/// format as JSON bodies, then flattened: scalars as `key=value`, nested objects in the
/// bracket form servers such as Rails and Stripe read (`metadata[order]=42`), arrays of
/// scalars as repeated keys at the top level (`tag=a&tag=b`) and indexed below it
/// (`items[0][price]=7`).
public enum FormEncoding {
    /// The encoded body.
    public static func encode(_ value: some Encodable) throws -> Data {
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value))
        return Data(pairs(json).map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&").utf8)
    }

    /// The flattened `(name, value)` pairs of a JSON value, in key order.
    public static func pairs(_ value: JSONValue) -> [(String, String)] {
        var result: [(String, String)] = []
        func walk(_ value: JSONValue, _ name: String, topLevel: Bool) {
            switch value {
            case .null: return
            case .bool(let b): result.append((name, b ? "true" : "false"))
            case .integer(let i): result.append((name, String(i)))
            case .number(let d): result.append((name, d.parameterText))
            case .string(let s): result.append((name, s))
            case .array(let items):
                for (i, item) in items.enumerated() {
                    if topLevel, !item.isContainer {
                        walk(item, name, topLevel: false)
                    } else {
                        walk(item, "\(name)[\(i)]", topLevel: false)
                    }
                }
            case .object(let members):
                for key in members.keys.sorted() {
                    walk(members[key]!, name.isEmpty ? key : "\(name)[\(key)]", topLevel: name.isEmpty)
                }
            }
        }
        walk(value, "", topLevel: true)
        return result
    }

    private static func escape(_ text: String) -> String {
        PercentEncoding.encode(text, allowing: PercentEncoding.isUnreserved)
    }
}

extension JSONValue {
    fileprivate var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
