extension KeyedDecodingContainer {
    /// An optional member whose schema allows any value: nil when the key is absent, `.null` when
    /// it is present as `null`. `decodeIfPresent` would read both as nil, so `{"a": null}` would be
    /// written back as `{}`, and a schema that tells the two apart (`required`, `not`, a
    /// `type: 'null'` branch) would see a different value than was sent.
    public func decodeKeepingNull(_ type: JSONValue.Type, forKey key: Key) throws -> JSONValue? {
        // Spelled out: `JSONValue` is `ExpressibleByNilLiteral` (as `.null`), so a bare `nil`
        // here would read an absent key as an explicit null.
        guard contains(key) else { return Optional<JSONValue>.none }
        return try decode(JSONValue.self, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// An optional member whose schema allows `null`: nil either way, and its key added to
    /// `nulls` when it was present as `null`, so that the value can be written back as read
    /// (see ``KeyedEncodingContainer/encodeIfPresent(_:forKey:nullIn:)``).
    public func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key, notingNullIn nulls: inout Set<String>) throws -> T? {
        if contains(key), try decodeNil(forKey: key) {
            nulls.insert(key.stringValue)
            return nil
        }
        return try decodeIfPresent(type, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Writes `value`; when it is nil, writes `null` if the member was read as `null` (its key is
    /// in `nulls`), else leaves the member out.
    public mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key, nullIn nulls: Set<String>) throws {
        if let value {
            try encode(value, forKey: key)
        } else if nulls.contains(key.stringValue) {
            try encodeNil(forKey: key)
        }
    }
}
