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
    ///
    /// Each piece is first read as a number or boolean when it looks like one; a piece the type
    /// wants as a string (the decoder's error names it) is quoted instead and the decoding tried
    /// again, so `{color: "123", size: 4}` reads from `color=123&size=4`.
    static func decode<T: Decodable>(_ type: T.Type, _ pieces: Pieces) -> T? {
        let quoted = ResponseHeaderDecoding.quoted
        let literal = ResponseHeaderDecoding.literal
        switch pieces {
        case .scalar(let text):
            for candidate in [quoted(text), literal(text)] {
                if let value = try? JSONCoding.decode(T.self, from: Data(candidate.utf8)) { return value }
            }
            return nil
        case .array(let items):
            return repaired(T.self, count: items.count, index: { key in key.intValue }) { asString in
                "[" + items.enumerated().map { asString.contains($0.offset) ? quoted($0.element) : literal($0.element) }.joined(separator: ",") + "]"
            }
        case .object(let members):
            return repaired(T.self, count: members.count, index: { key in members.firstIndex { $0.0 == key.stringValue } }) { asString in
                "{" + members.enumerated().map { i, m in quoted(m.0) + ":" + (asString.contains(i) ? quoted(m.1) : literal(m.1)) }
                    .joined(separator: ",") + "}"
            }
        }
    }

    /// Decodes the JSON `text(quotedPieces)` makes, quoting one more piece after each type
    /// mismatch the decoder locates (`index` maps its first coding key to a piece).
    private static func repaired<T: Decodable>(
        _ type: T.Type, count: Int, index: (any CodingKey) -> Int?, text: (Set<Int>) -> String
    ) -> T? {
        var asString: Set<Int> = []
        for _ in 0...count {
            do {
                return try JSONCoding.decode(T.self, from: Data(text(asString).utf8))
            } catch let error as DecodingError {
                let context: DecodingError.Context
                switch error {
                case .typeMismatch(_, let c), .dataCorrupted(let c), .valueNotFound(_, let c): context = c
                default: return nil
                }
                guard let key = context.codingPath.first, let i = index(key), !asString.contains(i) else { return nil }
                asString.insert(i)
            } catch {
                return nil
            }
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
