import Foundation

/// How one member of an `application/x-www-form-urlencoded` value is written: the OpenAPI
/// Encoding Object the spec gives that property.
public struct FormMemberEncoding: Sendable, Hashable {
    /// `form`, `spaceDelimited`, `pipeDelimited` or `deepObject`, as for a query parameter.
    public var style: ParameterStyle
    /// Arrays as repeated names and objects as their own members (`form`), or joined into one value.
    public var explode: Bool
    /// Written only when the Encoding Object sets neither `style` nor `explode` (which take
    /// precedence, as the specification says): the member's value as this media type, JSON for
    /// any JSON type, a string member as it is.
    public var contentType: String?
    /// The member's reserved characters a form can carry, and percent-encoded triples, written
    /// as they are (RFC 6570 reserved expansion, the Encoding Object's `allowReserved`).
    public var allowReserved: Bool

    /// An Encoding Object's rule; the defaults are a form member's (`form`, exploded).
    public init(style: ParameterStyle = .form, explode: Bool = true, contentType: String? = nil, allowReserved: Bool = false) {
        self.style = style
        self.explode = explode
        self.contentType = contentType
        self.allowReserved = allowReserved
    }
}

extension FormEncoding {
    /// The `name=value&…` text of `value`, each member that `encoding` names written as its
    /// Encoding Object says, the others flattened as ``encode(_:)`` does; members in key order.
    public static func encode(_ value: some Encodable, encoding: [String: FormMemberEncoding]) throws -> Data {
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value))
        guard case .object(let members) = json, !encoding.isEmpty else { return try encode(value) }
        var items: [QueryItem] = []
        for key in members.keys.sorted() {
            let member = members[key]!
            guard let rule = encoding[key] else {
                items += pairs(.object([key: member])).map { QueryItem(name: $0.0, value: $0.1) }
                continue
            }
            if rule.allowReserved {
                QueryEncoding.allowingReserved(&items) { $0 += Self.items(key, member, rule) }
            } else {
                items += Self.items(key, member, rule)
            }
        }
        let escape = { (text: String) in PercentEncoding.encode(text, allowing: PercentEncoding.isUnreserved) }
        return Data(items.map { item in
            escape(item.name) + "=" + (item.allowsReserved ? PercentEncoding.encodeAllowingReserved(item.value) : escape(item.value))
        }.joined(separator: "&").utf8)
    }

    /// One member's items under its Encoding Object.
    private static func items(_ name: String, _ value: JSONValue, _ rule: FormMemberEncoding) -> [QueryItem] {
        if let contentType = rule.contentType {
            if case .null = value { return [] }
            let essence = contentType.lowercased()
            if case .string(let text) = value, !essence.contains("json") { return [QueryItem(name: name, value: text)] }
            let text = (try? JSONCoding.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return [QueryItem(name: name, value: text)]
        }
        var items: [QueryItem] = []
        switch value {
        case .null:
            break
        case .array(let elements) where elements.allSatisfy({ $0.formScalarText != nil }):
            QueryEncoding.append(&items, name: name, values: elements.compactMap(\.formScalarText), style: rule.style, explode: rule.explode)
        case .object(let object) where object.values.allSatisfy({ $0.formScalarText != nil }):
            let ordered = object.keys.sorted().compactMap { key in object[key]!.formScalarText.map { (key, $0) } }
            QueryEncoding.append(&items, name: name, object: ordered, style: rule.style, explode: rule.explode)
        default:
            if let text = value.formScalarText {
                items.append(QueryItem(name: name, value: text))
            } else {
                // Nested containers have no RFC 6570 form: flattened as members without an Encoding Object are.
                items = pairs(.object([name: value])).map { QueryItem(name: $0.0, value: $0.1) }
            }
        }
        return items
    }
}

extension JSONValue {
    /// The text of a scalar as a form writes it; nil for null, arrays and objects.
    fileprivate var formScalarText: String? {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.parameterText
        case .string(let s): return s
        case .null, .array, .object: return nil
        }
    }
}
