import YAMLTree

/// `minimum`/`maximum` with their exclusive forms: 3.0 writes `exclusiveMinimum: true` beside
/// `minimum`; 3.1 writes `exclusiveMinimum: 5` alone. Both become one ``Schema/Bound``.
struct BoundKeywords {
    private struct Side {
        var inclusive: (NumberLiteral, Cursor)?
        var exclusiveFlag: (Bool, Cursor)?
        var exclusiveValue: (NumberLiteral, Cursor)?
    }

    private var lower = Side()
    private var upper = Side()

    mutating func read(_ entry: EntryRef, _ cursor: Cursor, decoder: ModelDecoder) {
        switch entry.key {
        case "minimum":
            if let n = decoder.number(cursor, entry.key) { lower.inclusive = (n, cursor) }
        case "maximum":
            if let n = decoder.number(cursor, entry.key) { upper.inclusive = (n, cursor) }
        case "exclusiveMinimum":
            readExclusive(entry, cursor, into: &lower, decoder: decoder)
        case "exclusiveMaximum":
            readExclusive(entry, cursor, into: &upper, decoder: decoder)
        default:
            break
        }
    }

    private func readExclusive(_ entry: EntryRef, _ cursor: Cursor, into side: inout Side, decoder: ModelDecoder) {
        if let flag = entry.value.scalar?.boolValue {
            side.exclusiveFlag = (flag, cursor)
        } else if let n = ModelDecoder.numberLiteral(entry.value) {
            side.exclusiveValue = (n, cursor)
        } else {
            decoder.mismatch(cursor, entry.key, expected: "a number (OpenAPI 3.1) or true or false (OpenAPI 3.0)")
        }
    }

    func apply(to schema: inout Schema, decoder: ModelDecoder) {
        schema.minimum = bound(lower, isLower: true, decoder: decoder)
        schema.maximum = bound(upper, isLower: false, decoder: decoder)
    }

    private func bound(_ side: Side, isLower: Bool, decoder: ModelDecoder) -> Schema.Bound? {
        // Most schemas have no bound at all: spare them forming the keywords' names.
        if side.inclusive == nil && side.exclusiveFlag == nil && side.exclusiveValue == nil { return nil }
        let inclusiveKey = isLower ? "minimum" : "maximum"
        let exclusiveKey = isLower ? "exclusiveMinimum" : "exclusiveMaximum"
        if let (exclusive, exclusiveCursor) = side.exclusiveValue {
            guard let (inclusive, _) = side.inclusive else { return Schema.Bound(value: exclusive, exclusive: true) }
            // The stricter bound wins; at equal values the exclusive one is stricter.
            let exclusiveIsStricter = isLower ? exclusive.value >= inclusive.value : exclusive.value <= inclusive.value
            let kept = exclusiveIsStricter ? "`\(exclusiveKey): \(exclusive.text)`" : "`\(inclusiveKey): \(inclusive.text)`"
            decoder.warning("both `\(inclusiveKey): \(inclusive.text)` and `\(exclusiveKey): \(exclusive.text)`; keeping the stricter, \(kept)",
                            at: exclusiveCursor)
            return exclusiveIsStricter ? Schema.Bound(value: exclusive, exclusive: true) : Schema.Bound(value: inclusive, exclusive: false)
        }
        if let (inclusive, _) = side.inclusive {
            return Schema.Bound(value: inclusive, exclusive: side.exclusiveFlag?.0 ?? false)
        }
        if let (flag, flagCursor) = side.exclusiveFlag, flag {
            decoder.warning("`\(exclusiveKey): true` has no effect without `\(inclusiveKey)`", at: flagCursor)
        }
        return nil
    }
}
