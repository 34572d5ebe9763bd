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

    // As in ``MemberReader``: generated code is another module, so these run unspecialized and
    // a generic `encode` takes the encoder's generic path (metadata look-ups and casts of `T`);
    // callers that know `T` use these specializations, which reach the container's concrete
    // methods for the common scalar types through ``write(_:_:)``.

    /// `container.encode(value, forKey:)`, through the container's concrete method for a
    /// scalar type; in a specialization the type tests fold away.
    @inline(__always)
    private mutating func write<T: Encodable>(_ value: T, _ key: DynamicCodingKey) throws {
        if T.self == String.self { return try container.encode(value as! String, forKey: key) }
        if T.self == Int.self { return try container.encode(value as! Int, forKey: key) }
        if T.self == Bool.self { return try container.encode(value as! Bool, forKey: key) }
        if T.self == Double.self { return try container.encode(value as! Double, forKey: key) }
        if T.self == DateTime.self { return try container.encode((value as! DateTime).text, forKey: key) }
        try container.encode(value, forKey: key)
    }

    /// A member always written (`null` for a nil value of a required nullable property).
    @_specialize(exported: true, where T == String)
    @_specialize(exported: true, where T == Int)
    @_specialize(exported: true, where T == Bool)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == DateTime)
    public mutating func required<T: Encodable>(_ value: T, _ name: String) throws {
        try write(value, DynamicCodingKey(name))
    }

    /// A member left out when nil.
    @_specialize(exported: true, where T == String)
    @_specialize(exported: true, where T == Int)
    @_specialize(exported: true, where T == Bool)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == DateTime)
    public mutating func optional<T: Encodable>(_ value: T?, _ name: String) throws {
        if let value { try write(value, DynamicCodingKey(name)) }
    }

    /// A member left out when nil, unless it was read as `null` (its name is in `nulls`): then
    /// written back as `null`.
    @_specialize(exported: true, where T == String)
    @_specialize(exported: true, where T == Int)
    @_specialize(exported: true, where T == Bool)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == DateTime)
    public mutating func optional<T: Encodable>(_ value: T?, _ name: String, nullIn nulls: Set<String>) throws {
        if let value {
            try write(value, DynamicCodingKey(name))
        } else if nulls.contains(name) {
            try container.encodeNil(forKey: DynamicCodingKey(name))
        }
    }
}
