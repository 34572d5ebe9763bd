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
