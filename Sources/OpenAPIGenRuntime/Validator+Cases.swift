extension Validator {
    /// Validates `value` under `key` when it has constraints of its own (a generated model), and
    /// does nothing for a value that has none (text, bytes, an untyped part): how the enums of
    /// event kinds and of position-typed parts check the value of their case.
    public mutating func nestedIfConstrained(_ value: Any, at key: String) {
        if let constrained = value as? any Validatable { nested(constrained, at: key) }
    }
}
