import OpenAPIModel

/// Answers about schemas the analyses ask again and again, by a key built from the schema's
/// storage identity. The schema is kept beside its answer so that its identity cannot be reused
/// by another schema while the answer stands. Bounded: the questions come again within one
/// declaration tree (a struct's validator, then the validators above it), so a small memo keeps
/// nearly every hit, where an unbounded one held Stripe's whole model graph's answers at its peak.
struct SchemaMemo<Key: Hashable, Value> {
    private var entries: [Key: (schema: Schema, value: Value)] = [:]
    private let limit: Int

    /// `limit` nil: unbounded (a memo whose entries the caller drops itself).
    init(limit: Int? = 1024) {
        self.limit = limit ?? .max
    }

    subscript(key: Key) -> Value? { entries[key]?.value }

    /// Keeps `value` for `key`, starting over once the memo holds `limit` answers.
    mutating func store(_ value: Value, for key: Key, of schema: Schema) {
        if entries.count >= limit { entries.removeAll() }
        entries[key] = (schema, value)
    }

    mutating func removeAll() { entries.removeAll() }
}
