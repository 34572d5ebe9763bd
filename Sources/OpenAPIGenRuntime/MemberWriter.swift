/// Writes a generated struct's members by their JSON names: the counterpart of ``MemberReader``,
/// one call per property in generated `encode(to:)` bodies, with no `CodingKeys` enum.
public struct MemberWriter {
    var container: KeyedEncodingContainer<DynamicCodingKey>

    /// Starts the object, writing the members the schema does not name first (in sorted key
    /// order), so that a named property written afterwards wins over a member of the same name.
    public init<Value: Encodable>(_ encoder: any Encoder, additionalMembers: [String: Value]) throws {
        container = encoder.container(keyedBy: DynamicCodingKey.self)
        for name in additionalMembers.keys.sorted() {
            try container.encode(additionalMembers[name]!, forKey: DynamicCodingKey(name))
        }
    }

    /// A member always written (`null` for a nil value of a required nullable property).
    public mutating func required<T: Encodable>(_ value: T, _ name: String) throws {
        try container.encode(value, forKey: DynamicCodingKey(name))
    }

    /// A member left out when nil.
    public mutating func optional<T: Encodable>(_ value: T?, _ name: String) throws {
        try container.encodeIfPresent(value, forKey: DynamicCodingKey(name))
    }

    /// A member left out when nil, unless it was read as `null` (its name is in `nulls`): then
    /// written back as `null`.
    public mutating func optional<T: Encodable>(_ value: T?, _ name: String, nullIn nulls: Set<String>) throws {
        if let value {
            try container.encode(value, forKey: DynamicCodingKey(name))
        } else if nulls.contains(name) {
            try container.encodeNil(forKey: DynamicCodingKey(name))
        }
    }
}
