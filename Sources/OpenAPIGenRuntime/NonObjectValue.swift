extension Decoder {
    /// The value being decoded when it is not a JSON object, else nil.
    ///
    /// For a struct whose schema states no `type`: its `properties` constrain objects only, so a
    /// string, number, array, boolean or null is valid as well and is kept as read. Objects cost
    /// one container lookup; only a non-object is read a second time, as a `JSONValue`.
    public func nonObjectValue() throws -> JSONValue? {
        if (try? container(keyedBy: DynamicCodingKey.self)) != nil { return nil }
        return try JSONValue(from: self)
    }
}
