// A response body can be a list or a map of generated types; validating it validates each.

extension Array: Validatable where Element: Validatable {
    /// Validates every element, at `[i]`.
    public func validate(into validator: inout Validator) {
        validator.each(self, at: "") { v, element in v.nested(element, at: "") }
    }
}

extension Dictionary: Validatable where Key == String, Value: Validatable {
    /// Validates every value, at its key.
    public func validate(into validator: inout Validator) {
        validator.values(self, at: "") { v, value in v.nested(value, at: "") }
    }
}
