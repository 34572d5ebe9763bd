/// Reads a generated struct's members by their JSON names, and hands back the members it was
/// not asked for as `additionalProperties`.
///
/// Generated `init(from:)` bodies are one call per property on this reader instead of a
/// `CodingKeys` enum and `KeyedDecodingContainer` calls: an enum per struct costs the compiler
/// its raw-value and `CodingKey` conformances (a dozen functions each), which on a spec of
/// Stripe's size was about a quarter of the models' compile time. The reader remembers every
/// name it was asked for, so the members left over are exactly those the schema does not name.
public struct MemberReader {
    let container: KeyedDecodingContainer<DynamicCodingKey>
    var named: Set<String> = []
    /// The optional members read as `null` through ``nullable(_:_:)``.
    public private(set) var nulls: Set<String> = []

    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: DynamicCodingKey.self)
    }

    /// A required member: missing is an error (`keyNotFound`), as is a value of another type.
    public mutating func required<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        named.insert(name)
        return try container.decode(type, forKey: DynamicCodingKey(name))
    }

    /// An optional member: nil when absent or `null`.
    public mutating func optional<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        named.insert(name)
        return try container.decodeIfPresent(type, forKey: DynamicCodingKey(name))
    }

    /// An optional member whose schema allows `null`: nil either way, and its name noted in
    /// ``nulls`` when it was present as `null`, so that it is written back as read.
    public mutating func nullable<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        named.insert(name)
        let key = DynamicCodingKey(name)
        if container.contains(key), try container.decodeNil(forKey: key) {
            nulls.insert(name)
            return nil
        }
        return try container.decodeIfPresent(type, forKey: key)
    }

    /// An optional member whose schema allows any value: nil when absent, `.null` when present
    /// as `null` (`decodeIfPresent` would read both as nil).
    public mutating func keepingNull(_ name: String) throws -> JSONValue? {
        named.insert(name)
        let key = DynamicCodingKey(name)
        // Spelled out: `JSONValue` is `ExpressibleByNilLiteral` (as `.null`), so a bare `nil`
        // here would read an absent key as an explicit null.
        guard container.contains(key) else { return Optional<JSONValue>.none }
        return try container.decode(JSONValue.self, forKey: key)
    }

    /// The members whose names were not asked for before this call. Never fails because of an
    /// unknown name: a value that does not decode as `Value` is the only error (for `JSONValue`, none).
    public func additionalMembers<Value: Decodable>() throws -> [String: Value] {
        var members: [String: Value] = [:]
        for key in container.allKeys where !named.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return members
    }
}
