extension JSONValue {
    /// Equality as JSON Schema's `enum`, `const` and `uniqueItems` define it: numbers by value
    /// (`1` equals `1.0`), strings by code points (`"ä"` and `"a\u{308}"` differ, which Swift's
    /// `==` on `String` would call equal), arrays in order, objects whatever their key order.
    public func schemaEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)):
            return Double(a) == b && (b.magnitude < 0x1p63 ? Int64(b) == a : false)
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.schemaEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map(value.schemaEquals) ?? false }
        default: return false
        }
    }

    /// The number this value holds, if it is one.
    var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// JSON Schema's type name of this value; a number with no fraction is an `integer`.
    func isOfSchemaType(_ name: String) -> Bool {
        switch (name, self) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .integer), ("number", .number), ("integer", .integer): return true
        case ("integer", .number(let value)): return value.isFinite && value.rounded() == value
        default: return false
        }
    }
}
