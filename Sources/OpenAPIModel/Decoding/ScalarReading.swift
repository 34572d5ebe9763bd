import YAMLTree

/// Reading typed fields, each reporting a mismatch at the value with the key, what was
/// expected and what was found.
extension ModelDecoder {
    /// Text. A number or boolean is accepted with a warning and read as written (authors write
    /// `version: 1.0`); null reads as absent; a mapping may be a `$ref` to text elsewhere.
    func string(_ cursor: Cursor, _ key: String) -> String? {
        switch cursor.node.content {
        case .scalar(let scalar):
            switch scalar.kind {
            case .string:
                return scalar.text
            case .null:
                return nil
            case .integer, .float, .bool:
                warning("`\(key)` should be a string; found \(cursor.node.kindDescription), read as \"\(scalar.text)\"", at: cursor)
                return scalar.text
            }
        case .mapping(let mapping) where refEntry(mapping) != nil:
            guard let target = inlined(cursor) else { return nil }
            if target.node.isMapping {
                error("`\(key)` must be a string; its `$ref` leads to a mapping", at: cursor)
                return nil
            }
            return string(target, key)
        default:
            mismatch(cursor, key, expected: "a string")
            return nil
        }
    }

    /// One of a fixed set of words (`in`, `style`, a security scheme's `type`).
    func keyword<T>(_ cursor: Cursor, _ key: String, _ choices: KeyValuePairs<String, T>) -> T? {
        guard let text = string(cursor, key) else {
            if cursor.node.scalarKind == .null { mismatch(cursor, key, expected: "one of \(Self.list(choices.map(\.key)))") }
            return nil
        }
        if let match = choices.first(where: { $0.key == text }) { return match.value }
        var message = "unknown `\(key)` value \"\(text)\"; expected one of \(Self.list(choices.map(\.key)))"
        if let suggestion = NameSuggestion.closest(to: text, among: choices.map(\.key)) {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        error(message, at: cursor)
        return nil
    }

    func bool(_ cursor: Cursor, _ key: String) -> Bool? {
        if let value = cursor.node.boolValue { return value }
        mismatch(cursor, key, expected: "true or false")
        return nil
    }

    /// A count such as `minLength`: a non-negative integer (`5.0` is accepted, as JSON Schema does).
    func count(_ cursor: Cursor, _ key: String) -> Int? {
        if let scalar = cursor.node.scalar {
            if let value = scalar.integerValue, value >= 0 { return value }
            if scalar.kind == .float, let d = scalar.doubleValue, d >= 0, d == d.rounded(), d < 1e15 { return Int(d) }
        }
        mismatch(cursor, key, expected: "a non-negative integer")
        return nil
    }

    /// A number, keeping its text.
    func number(_ cursor: Cursor, _ key: String) -> NumberLiteral? {
        if let literal = Self.numberLiteral(cursor.node) { return literal }
        mismatch(cursor, key, expected: "a number")
        return nil
    }

    static func numberLiteral(_ node: NodeRef) -> NumberLiteral? {
        guard let scalar = node.scalar, scalar.kind == .integer || scalar.kind == .float, let value = scalar.doubleValue
        else { return nil }
        let integer = scalar.kind == .integer ? scalar.integerValue.map { Int64($0) } : nil
        return NumberLiteral(text: scalar.text, value: value, integer: integer)
    }

    /// A mapping, after following a `$ref` that stands for it.
    func mapping(_ cursor: Cursor, _ key: String, expected: String) -> (MappingRef, Cursor)? {
        guard let target = inlined(cursor) else { return nil }
        guard let mapping = target.node.mapping else {
            if isEmptyValue(target, key) { return nil }
            mismatch(target, key, expected: expected)
            return nil
        }
        guard spend(mapping.count, at: target.node) else { return nil }
        return (mapping, target.materialized)
    }

    /// A list, after following a `$ref` that stands for it. `materialize` readies the list's
    /// cursor for items that are containers (see ``Cursor/materialized``).
    func sequence(_ cursor: Cursor, _ key: String, expected: String, materialize: Bool = true) -> (SequenceRef, Cursor)? {
        guard let target = inlined(cursor) else { return nil }
        guard let items = target.node.sequence else {
            if isEmptyValue(target, key) { return nil }
            mismatch(target, key, expected: expected)
            return nil
        }
        guard spend(items.count, at: target.node) else { return nil }
        return (items, materialize ? target.materialized : target)
    }

    /// A list of strings, such as `tags` or `required`.
    func stringList(_ cursor: Cursor, _ key: String, expected: String) -> [String]? {
        guard let (items, list) = sequence(cursor, key, expected: expected, materialize: false) else { return nil }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let text = string(list.element(i, item), "\(key)[\(i)]") { result.append(text) }
        }
        return result
    }

    /// A key written with nothing after it (`parameters:`) reads as absent, with a warning,
    /// since the author most likely meant an empty list or mapping.
    private func isEmptyValue(_ cursor: Cursor, _ key: String) -> Bool {
        guard let scalar = cursor.node.scalar, scalar.kind == .null else { return false }
        warning("`\(key)` has no value (null); read as absent", at: cursor)
        return true
    }

    func mismatch(_ cursor: Cursor, _ key: String, expected: String) {
        error("`\(key)` must be \(expected), found \(cursor.node.kindDescription)", at: cursor)
    }

    /// `a, b or c` for messages.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}
