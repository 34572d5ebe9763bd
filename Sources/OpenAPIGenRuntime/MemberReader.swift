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
    /// The names asked for, in order. Generated code asks each name once, so when as many of them
    /// were present as the object has members, none is left over; only otherwise is a set made of
    /// them. (A set filled name by name hashed every name of every object decoded, about a tenth
    /// of decoding a page of OpenFunnel rows, for objects that almost never carry an unknown member.)
    var asked: [String] = []
    /// How many of the asked names the object holds (as any value, `null` included).
    var present = 0
    /// The optional members read as `null` through ``nullable(_:_:)``.
    public private(set) var nulls: Set<String> = []

    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: DynamicCodingKey.self)
    }

    // Generated code is another module, so these generic members run unspecialized, and a
    // `KeyedDecodingContainer` call with a generic `T` takes the decoder's generic path, which
    // looks up metadata and casts `T` to find out what it is. For the scalar types most members
    // have, the specializations below (used by callers that know `T`) reach the container's own
    // `String`/`Int`/`Bool`/`Double` methods (a `DateTime` is read as its string) through ``value(_:_:)`` instead.

    /// `container.decode(type, forKey:)`, through the container's concrete method for a scalar
    /// type; in a specialization the type tests fold away.
    @inline(__always)
    private func value<T: Decodable>(_ type: T.Type, _ key: DynamicCodingKey) throws -> T {
        if T.self == String.self { return try container.decode(String.self, forKey: key) as! T }
        if T.self == Int.self { return try container.decode(Int.self, forKey: key) as! T }
        if T.self == Bool.self { return try container.decode(Bool.self, forKey: key) as! T }
        if T.self == Double.self { return try container.decode(Double.self, forKey: key) as! T }
        if T.self == DateTime.self {
            // As `DateTime.init(from:)` reads it, without the nested decoder the container
            // would make for it.
            let text = try container.decode(String.self, forKey: key)
            guard let date = DateTime(rfc3339: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "expected an RFC 3339 date-time, found \(text.debugDescription)")
            }
            return date as! T
        }
        return try container.decode(type, forKey: key)
    }

    /// A required member: missing is an error (`keyNotFound`), as is a value of another type.
    @_specialize(exported: true, where T == String)
    @_specialize(exported: true, where T == Int)
    @_specialize(exported: true, where T == Bool)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == DateTime)
    public mutating func required<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        asked.append(name)
        let decoded = try value(type, DynamicCodingKey(name))
        present += 1
        return decoded
    }

    /// An optional member: nil when absent or `null`.
    @_specialize(exported: true, where T == String)
    @_specialize(exported: true, where T == Int)
    @_specialize(exported: true, where T == Bool)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == DateTime)
    public mutating func optional<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        asked.append(name)
        let key = DynamicCodingKey(name)
        guard container.contains(key) else { return nil }
        present += 1
        if try container.decodeNil(forKey: key) { return nil }
        return try value(type, key)
    }

    /// An optional member whose schema allows `null`: nil either way, and its name noted in
    /// ``nulls`` when it was present as `null`, so that it is written back as read.
    @_specialize(exported: true, where T == String)
    @_specialize(exported: true, where T == Int)
    @_specialize(exported: true, where T == Bool)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == DateTime)
    public mutating func nullable<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        asked.append(name)
        let key = DynamicCodingKey(name)
        guard container.contains(key) else { return nil }
        present += 1
        if try container.decodeNil(forKey: key) {
            nulls.insert(name)
            return nil
        }
        return try value(type, key)
    }

    /// An optional member whose schema allows any value: nil when absent, `.null` when present
    /// as `null` (`decodeIfPresent` would read both as nil).
    public mutating func keepingNull(_ name: String) throws -> JSONValue? {
        asked.append(name)
        let key = DynamicCodingKey(name)
        // Spelled out: `JSONValue` is `ExpressibleByNilLiteral` (as `.null`), so a bare `nil`
        // here would read an absent key as an explicit null.
        guard container.contains(key) else { return Optional<JSONValue>.none }
        present += 1
        return try container.decode(JSONValue.self, forKey: key)
    }

    /// The members whose names were not asked for before this call. Never fails because of an
    /// unknown name: a value that does not decode as `Value` is the only error (for `JSONValue`, none).
    public func additionalMembers<Value: Decodable>() throws -> [String: Value] {
        let keys = container.allKeys
        if keys.count == present { return [:] }
        let named = Set(asked)
        var members: [String: Value] = [:]
        for key in keys where !named.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return members
    }
}
