/// A literal from the document: an enum case, a default, an example, a const.
///
/// Numbers keep their text so that large integers and decimals survive exactly into generated
/// code; objects keep key order. Not `indirect`: arrays already hold the nested values out of
/// line, and boxing every literal would cost an allocation each.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(String)
    case number(String)
    case string(String)
    case array([Value])
    case object([ObjectEntry])

    public struct ObjectEntry: Sendable, Hashable {
        public var key: String
        public var value: Value
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let t), .number(let t): return Double(t)
        default: return nil
        }
    }
}

/// A numeric bound or step, with its exact text.
public struct NumberLiteral: Sendable, Hashable {
    public var text: String
    public var value: Double
    /// Set when the text is an integer that fits in Int64.
    public var integer: Int64?

    public init(text: String, value: Double, integer: Int64?) {
        self.text = text
        self.value = value
        self.integer = integer
    }
}
