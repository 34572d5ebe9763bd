import Foundation

/// Reads parameter text, as each style spells it, into the parameter's schema type: the
/// inverse of ``PathEncoding``, ``QueryEncoding`` and ``HeaderEncoding``.
///
/// The text is split by style and shape, then turned into JSON (each piece quoted as a string,
/// or failing that read as a number or boolean) and decoded, so every `Decodable` parameter
/// type — enums, dates, `UUIDText`, generated objects — reads the way it reads from a body.
enum ParameterDecoding {
    /// The pieces of one parameter: a value, the items of an array, or an object's members.
    enum Pieces {
        case scalar(String)
        case array([String])
        case object([(String, String)])
    }

    /// `T` from `pieces`, or nil when no reading of the text fits the type.
    static func decode<T: Decodable>(_ type: T.Type, _ pieces: Pieces) -> T? {
        let quoted = ResponseHeaderDecoding.quoted
        let literal = ResponseHeaderDecoding.literal
        let candidates: [String]
        switch pieces {
        case .scalar(let text):
            candidates = [quoted(text), literal(text)]
        case .array(let items):
            candidates = ["[" + items.map(quoted).joined(separator: ",") + "]", "[" + items.map(literal).joined(separator: ",") + "]"]
        case .object(let members):
            func object(_ value: (String) -> String) -> String {
                "{" + members.map { quoted($0.0) + ":" + value($0.1) }.joined(separator: ",") + "}"
            }
            candidates = [object(quoted), object(literal)]
        }
        for candidate in candidates {
            if let value = try? JSONCoding.decode(T.self, from: Data(candidate.utf8)) { return value }
        }
        return nil
    }

    /// Splits comma-separated text (`simple` style, headers, non-exploded `form`) by shape.
    static func delimited(_ text: String, _ shape: ParameterShape, separator: Character = ",", explode: Bool) -> Pieces {
        switch shape {
        case .scalar:
            return .scalar(text)
        case .array:
            return .array(text.isEmpty ? [] : text.split(separator: separator, omittingEmptySubsequences: false).map(String.init))
        case .object:
            let items = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if explode {
                return .object(items.map { item in
                    let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
                })
            }
            var members: [(String, String)] = []
            var i = 0
            while i + 1 < items.count {
                members.append((items[i], items[i + 1]))
                i += 2
            }
            return .object(members)
        }
    }

    /// A path segment's pieces (still percent-encoded) in `simple`, `label` or `matrix` style;
    /// nil when the text does not have the style's form or an escape is malformed.
    static func path(_ raw: Substring, name: String, shape: ParameterShape, style: ParameterStyle, explode: Bool) -> Pieces? {
        func decoded(_ parts: [Substring]) -> [String]? {
            var out: [String] = []
            for part in parts {
                guard let text = PercentEncoding.decode(part) else { return nil }
                out.append(text)
            }
            return out
        }
        func pieces(_ parts: [Substring], pairs: Bool) -> Pieces? {
            guard let texts = decoded(parts) else { return nil }
            switch shape {
            case .scalar: return .scalar(texts.joined(separator: ","))
            case .array: return .array(texts)
            case .object:
                if pairs {
                    return .object(texts.map { text in
                        let kv = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                        return (String(kv[0]), kv.count > 1 ? String(kv[1]) : "")
                    })
                }
                var members: [(String, String)] = []
                var i = 0
                while i + 1 < texts.count {
                    members.append((texts[i], texts[i + 1]))
                    i += 2
                }
                return .object(members)
            }
        }
        switch style {
        case .label:
            guard raw.first == "." else { return nil }
            let body = raw.dropFirst()
            if shape == .scalar { return decoded([body]).map { .scalar($0[0]) } }
            let parts = body.split(separator: explode ? "." : ",", omittingEmptySubsequences: false)
            return pieces(body.isEmpty ? [] : parts, pairs: explode)
        case .matrix:
            guard raw.first == ";" else { return nil }
            let prefix = name + "="
            if explode, shape == .array {
                var values: [Substring] = []
                for part in raw.dropFirst().split(separator: ";", omittingEmptySubsequences: false) {
                    guard part == Substring(name) || part.hasPrefix(prefix) else { return nil }
                    values.append(part.dropFirst(min(part.count, prefix.count)))
                }
                return pieces(values, pairs: false)
            }
            if explode, shape == .object {
                return pieces(raw.dropFirst().split(separator: ";"), pairs: true)
            }
            let body = raw.dropFirst()
            guard body == Substring(name) || body.hasPrefix(prefix) else { return nil }
            let value = body.dropFirst(min(body.count, prefix.count))
            if shape == .scalar { return decoded([value]).map { .scalar($0[0]) } }
            return pieces(value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false), pairs: false)
        default:
            if shape == .scalar { return decoded([raw]).map { .scalar($0[0]) } }
            let parts = raw.split(separator: ",", omittingEmptySubsequences: false)
            return pieces(raw.isEmpty ? [] : parts, pairs: explode && shape == .object)
        }
    }
}
