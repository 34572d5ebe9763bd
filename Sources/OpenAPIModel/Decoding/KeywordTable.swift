import YAMLTree

/// The keyword of each mapping key, for one vocabulary (a schema's keywords).
///
/// A `switch` over strings compares the key with each case in turn, and a schema mapping's
/// keys are switched on hundreds of thousands of times in a large document. Keys are interned
/// by the YAML layer, so the comparison is made once per distinct key; each later occurrence is
/// an array lookup, and the `switch` over the enum is a jump.
final class KeywordTable<Keyword: RawRepresentable & CaseIterable> where Keyword.RawValue == String {
    private let cases = Array(Keyword.allCases)

    /// By key class: 0 not looked up yet, 1 not a keyword, otherwise 2 + the keyword's position.
    private struct Codes {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
    }

    /// Behind a pointer, as the YAML arena's buffers are: reading a class's stored `var` costs
    /// a runtime exclusivity check, and this is read for every key of every schema.
    private let codes: UnsafeMutablePointer<Codes>

    init() {
        precondition(cases.count < 250, "a keyword table holds at most 250 keywords")
        codes = .allocate(capacity: 1)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        base.initialize(repeating: 0, count: 256)
        codes.initialize(to: Codes(base: base, count: 256))
    }

    deinit {
        codes.pointee.base.deallocate()
        codes.deallocate()
    }

    /// The keyword a key spells, compared as strings compare (by canonical equivalence).
    func keyword(_ entry: EntryRef) -> Keyword? {
        let index = Int(entry.keyID.raw)
        if index >= codes.pointee.count { grow(to: index + 1) }
        var code = codes.pointee.base[index]
        if code == 0 {
            if let keyword = Keyword(rawValue: entry.key), let position = cases.firstIndex(where: { $0.rawValue == keyword.rawValue }) {
                code = UInt8(position + 2)
            } else {
                code = 1
            }
            codes.pointee.base[index] = code
        }
        return code == 1 ? nil : cases[Int(code) - 2]
    }

    private func grow(to minimum: Int) {
        let old = codes.pointee
        let count = max(minimum, old.count * 2)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        base.update(from: old.base, count: old.count)
        (base + old.count).initialize(repeating: 0, count: count - old.count)
        old.base.deallocate()
        codes.pointee = Codes(base: base, count: count)
    }
}

/// The keywords ``ModelDecoder/decodeSchemaKeywords`` reads.
enum SchemaKeyword: String, CaseIterable {
    case ref = "$ref"
    case type, nullable, format, title, description, deprecated, readOnly, writeOnly
    case `enum`, const, `default`, example, examples
    case properties, required, items, prefixItems, additionalProperties, patternProperties, propertyNames
    case allOf, oneOf, anyOf, not, discriminator
    case minLength, maxLength, pattern, minItems, maxItems, uniqueItems, minProperties, maxProperties
    case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
    case contentEncoding, contentMediaType, contentSchema
    case defs = "$defs"
    case definitions
    case unevaluatedProperties
    case dynamicRef = "$dynamicRef"
    case `if`, then, `else`, dependentRequired, dependentSchemas, contains, minContains, maxContains, unevaluatedItems
}
