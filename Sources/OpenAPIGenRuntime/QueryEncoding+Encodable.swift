import Foundation

extension QueryEncoding {
    /// Appends a structured value (an object schema, a union, free-form JSON) by its JSON form.
    ///
    /// A JSON object takes the object styles (`deepObject` gives `name[key]=value`, nested keys
    /// bracketed further); an array takes the array styles; a scalar is written as it is. The
    /// value goes through the same coding keys as a JSON body, so names match the spec.
    public static func append(
        _ items: inout [QueryItem], name: String, encodable: (some Encodable)?,
        style: ParameterStyle = .form, explode: Bool = true
    ) {
        guard let encodable, let json = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(encodable)) else { return }
        switch json {
        case .null:
            return
        case .object:
            let members = FormEncoding.pairs(json)
            if style == .deepObject {
                items.append(contentsOf: members.map { pair in
                    // "a[b]" below the top becomes "name[a][b]".
                    let key = pair.0
                    if let bracket = key.firstIndex(of: "[") {
                        return QueryItem(name: "\(name)[\(key[..<bracket])]\(key[bracket...])", value: pair.1)
                    }
                    return QueryItem(name: "\(name)[\(key)]", value: pair.1)
                })
            } else {
                append(&items, name: name, object: members, style: style, explode: explode)
            }
        case .array(let elements):
            append(&items, name: name, values: elements.map(\.scalarText), style: style, explode: explode)
        default:
            items.append(QueryItem(name: name, value: json.scalarText))
        }
    }
}

extension JSONValue {
    /// The text of a scalar as a parameter; containers as compact JSON.
    var scalarText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.parameterText
        case .string(let s): return s
        case .array, .object:
            return (try? JSONCoding.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
