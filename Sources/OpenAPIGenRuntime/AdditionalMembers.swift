/// A generated object type that keeps the members its schema does not name.
///
/// Servers add fields faster than clients regenerate; a client that dropped them would erase
/// them on a read-modify-write (GET then PUT). Generated structs store such members in
/// `additionalProperties` and write them back, so a decoded value re-encodes to what was read.
public protocol AdditionalMembersStoring: MemberAccounting {
    /// `JSONValue` unless the schema's `additionalProperties` gives a type.
    associatedtype AdditionalValue
    /// The members the schema does not name, by key.
    var additionalProperties: [String: AdditionalValue] { get }
}

extension AdditionalMembersStoring {
    /// How many members of the decoded object the schema does not name. A union decodes to the
    /// branch with the fewest unexpected values, then the fewest unknown members (see ``BranchChoice``).
    public var unknownMemberCount: Int { additionalProperties.count }

    /// None, for a schema that pins no member to a value.
    public var unexpectedValueCount: Int { 0 }
}

extension Decoder {
    /// The members of the object being decoded whose keys `Keys` does not list.
    ///
    /// Never fails because of an unknown key: a value that does not decode as `Value` is the
    /// only error (for `JSONValue`, none).
    public func additionalMembers<Keys: CodingKey, Value: Decodable>(excluding keys: Keys.Type) throws -> [String: Value] {
        let container = try container(keyedBy: DynamicCodingKey.self)
        var members: [String: Value] = [:]
        for key in container.allKeys where Keys(stringValue: key.stringValue) == nil {
            members[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return members
    }

    /// Every member of the object being decoded, for a schema that names none.
    public func additionalMembers<Value: Decodable>() throws -> [String: Value] {
        try additionalMembers(excluding: DynamicCodingKey.None.self)
    }
}

extension Encoder {
    /// Writes `members` into the object being encoded, in sorted key order. Called before the
    /// named properties are written, so that a named property wins over a member of the same key.
    public func encodeAdditionalMembers<Value: Encodable>(_ members: [String: Value]) throws {
        guard !members.isEmpty else { return }
        var container = container(keyedBy: DynamicCodingKey.self)
        for key in members.keys.sorted() {
            try container.encode(members[key]!, forKey: DynamicCodingKey(key))
        }
    }
}

extension DynamicCodingKey {
    /// Coding keys that match nothing, for objects without named properties.
    public enum None: CodingKey {
        public var stringValue: String { "" }
        public var intValue: Int? { nil }
        public init?(stringValue: String) { nil }
        public init?(intValue: Int) { nil }
    }
}
