import YAMLTree

/// Literals (`enum`, `default`, `example`, `const`, extensions) are read as written: a `$ref`
/// inside a literal is data, not a reference.
extension ModelDecoder {
    func value(_ node: NodeRef) -> Value {
        guard !isOutOfStack(), spend(1, at: node) else { return .null }
        switch node.content {
        case .scalar(let scalar):
            return Self.value(of: scalar)
        case .sequence(let items):
            return .array(items.map(value))
        case .mapping(let mapping):
            return .object(mapping.entries.map { Value.ObjectEntry(key: $0.key, value: value($0.value)) })
        }
    }

    static func value(of scalar: YAMLScalar) -> Value {
        switch scalar.kind {
        case .null: return .null
        case .bool: return .bool(scalar.boolValue ?? false)
        case .string: return .string(scalar.text)
        case .float: return .number(scalar.text)
        case .integer:
            // Hex, octal and `+5` are YAML spellings; literals downstream expect decimal.
            if let first = scalar.text.utf8.first, first == UInt8(ascii: "+") || scalar.text.hasPrefix("0x") || scalar.text.hasPrefix("0o"),
               let value = scalar.integerValue {
                return .integer(String(value))
            }
            return .integer(scalar.text)
        }
    }

    /// `x-` entries of a mapping, in order.
    func extensions(_ mapping: MappingRef) -> OrderedMap<Value> {
        var result = OrderedMap<Value>()
        for entry in mapping.entries where Self.isExtension(entry.key) {
            result[entry.key] = value(entry.value)
        }
        return result
    }

    /// Examples of a parameter, header or media type: `example` is one value; `examples` maps
    /// names to Example Objects, whose `value` is kept (`externalValue` is not fetched).
    func exampleObjects(_ cursor: Cursor) -> [Value] {
        var serialized: [String] = []
        return exampleObjects(cursor, serialized: &serialized)
    }

    /// Also collects 3.2's `serializedValue`s: the examples as written on the wire.
    func exampleObjects(_ cursor: Cursor, serialized: inout [String]) -> [Value] {
        guard let (mapping, examples) = mapping(cursor, "examples", expected: "a mapping of names to Example Objects") else {
            return []
        }
        var result: [Value] = []
        for entry in mapping.entries where !Self.isExtension(entry.key) {
            guard let (example, object) = self.mapping(examples.child(entry), entry.key, expected: "an Example Object (a mapping with `value`)")
            else { continue }
            // 3.2's `dataValue` is the same data as `value`, which 3.2 deprecates.
            if let value = example["value"] ?? example["dataValue"] { result.append(self.value(value)) }
            if let entry = example.entry("serializedValue"), let text = string(object.child(entry), "serializedValue") {
                serialized.append(text)
            }
        }
        return result
    }
}
