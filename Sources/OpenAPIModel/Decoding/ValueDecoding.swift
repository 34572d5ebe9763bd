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

    /// `dataValue` or `serializedValue` written straight under `examples` (as one of the 3.2
    /// specification's own examples does): an Example Object missing its name. A string
    /// `serializedValue` cannot be an Example Object, so the reading is unambiguous.
    static func singleExampleKey(_ mapping: MappingRef) -> String? {
        guard let serialized = mapping["serializedValue"], serialized.scalar != nil else { return nil }
        return mapping.entry("dataValue") != nil ? "dataValue" : "serializedValue"
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
        func read(_ example: MappingRef, _ object: Cursor) {
            // 3.2's `dataValue` is the same data as `value`, which 3.2 deprecates.
            if let value = example["value"] ?? example["dataValue"] { result.append(self.value(value)) }
            if let entry = example.entry("serializedValue"), let text = string(object.child(entry), "serializedValue") {
                serialized.append(text)
            }
        }
        if let single = Self.singleExampleKey(mapping) {
            warning("`examples` maps names to Example Objects, but this one holds `\(single)` itself; read as one Example Object",
                    at: mapping.entry(single)?.keyLocation ?? examples.location, pointer: examples.pointer)
            read(mapping, examples)
            return result
        }
        for entry in mapping.entries where !Self.isExtension(entry.key) {
            guard let (example, object) = self.mapping(examples.child(entry), entry.key, expected: "an Example Object (a mapping with `value`)")
            else { continue }
            read(example, object)
        }
        return result
    }
}
