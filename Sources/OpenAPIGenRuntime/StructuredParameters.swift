import Foundation

/// Path and header parameters whose schema is an object (or anything not a scalar or array of
/// scalars), written through their JSON form so that names follow the same coding keys as bodies.
extension PathEncoding {
    /// An object path parameter: `simple` gives `k1,v1,k2,v2` or, exploded, `k1=v1,k2=v2`;
    /// `label` and `matrix` prefix as RFC 6570 does. Arrays and scalars take the array and
    /// scalar forms.
    public static func render(name: String, encodable: some Encodable, style: ParameterStyle, explode: Bool) -> String {
        guard let json = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(encodable)) else { return "" }
        switch json {
        case .object:
            let pairs = FormEncoding.pairs(json)
            let escapedPairs = pairs.map { (escape($0.0), escape($0.1)) }
            let separator = explode ? "=" : ","
            let joined = escapedPairs.map { $0.0 + separator + $0.1 }
            switch style {
            case .label: return "." + joined.joined(separator: explode ? "." : ",")
            case .matrix:
                if explode { return escapedPairs.map { ";" + $0.0 + "=" + $0.1 }.joined() }
                return ";" + escape(name) + "=" + joined.joined(separator: ",")
            default: return joined.joined(separator: ",")
            }
        case .array(let items):
            return render(name: name, values: items.map(\.scalarText), style: style, explode: explode)
        default:
            return render(name: name, value: json.scalarText, style: style, explode: explode)
        }
    }

    private static func escape(_ text: String) -> String {
        PercentEncoding.encode(text, allowing: PercentEncoding.isUnreserved)
    }
}

extension HeaderEncoding {
    /// An object header value in `simple` style: `k1,v1,k2,v2`, or `k1=v1,k2=v2` exploded.
    public static func text(encodable: some Encodable, explode: Bool = false) -> String {
        guard let json = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(encodable)) else { return "" }
        switch json {
        case .object:
            let pairs = FormEncoding.pairs(json)
            return text(pairs.map { explode ? $0.0 + "=" + $0.1 : $0.0 + "," + $0.1 })
        case .array(let items):
            return text(items.map(\.scalarText))
        default:
            return text(json.scalarText)
        }
    }
}
