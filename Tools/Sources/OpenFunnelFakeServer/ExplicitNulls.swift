import OpenFunnel

/// A value encoded as its own `Encodable` does, plus `null` for the listed keys.
///
/// The real service (FastAPI) writes `null` for absent optional fields, and the spec's warning
/// about `next_cursor: null` is about exactly that; the generated encoders leave such fields
/// out. Writing them keeps clients tested against the wire format they will meet. The keys are
/// the caller's to list (with whether each is nil) because the generated coding keys are not
/// public.
struct ExplicitNulls<Value: Encodable>: Encodable {
    let value: Value
    let nullKeys: [String]

    init(_ value: Value, nullKeys: [(key: String, isNil: Bool)]) {
        self.value = value
        self.nullKeys = nullKeys.filter(\.isNil).map(\.key)
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        // Asking again for the keyed container at this level adds to the one `value` filled.
        var container = encoder.container(keyedBy: DynamicCodingKey.self)
        for key in nullKeys {
            try container.encodeNil(forKey: DynamicCodingKey(key))
        }
    }
}
