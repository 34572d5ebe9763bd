/// Names from text outside ASCII (`Заказ`, `注文`, `straße`, `naïve_value`): the same words and
/// capitals as the ASCII path, over Unicode scalars, keeping every letter, mark and number that
/// Swift accepts in an identifier (IdentifierScalars). For ASCII text it gives what the byte path
/// gives; SwiftNames sends text here only when it has a byte above 0x7F.
extension SwiftNames {
    /// The text in Unicode Normalization Form C, so that `é` written as one scalar or as `e` and
    /// a combining accent makes the same identifier. The standard library's own normaliser (the
    /// one behind String comparison): no Foundation, no locale, the same on every platform for a
    /// given toolchain.
    static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        Array(String(decoding: text._nfcCodeUnits, as: UTF8.self).unicodeScalars)
    }

    /// The words of `words(_:)` for text outside ASCII, split by the ASCII rules read with
    /// Unicode case: `ЗаказКлиента` → Заказ, Клиента; a caseless script is one word until a
    /// separator.
    static func unicodeWords(_ roles: [IdentifierScalars.Role]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = -1
        for i in roles.indices {
            let role = roles[i]
            if role == .separator {
                if start >= 0 { result.append(start..<i) }
                start = -1
                continue
            }
            if start >= 0 {
                let last = roles[i - 1]
                let nextIsLower = i + 1 < roles.count && roles[i + 1] == .lower
                if role == .upper && (last == .lower || last == .digit || (last == .upper && nextIsLower)) {
                    result.append(start..<i)
                    start = i
                }
            } else {
                start = i
            }
        }
        if start >= 0 { result.append(start..<roles.count) }
        return result
    }

    /// A scalar's case mapping when it is one scalar that may still be in a word; otherwise the
    /// scalar itself (`ß` stays `ß` rather than becoming `SS`, `İ` stays rather than `i̇`).
    private static func mapped(_ scalar: Unicode.Scalar, _ mapping: String) -> Unicode.Scalar {
        var mapped = mapping.unicodeScalars.makeIterator()
        guard let first = mapped.next(), mapped.next() == nil, IdentifierScalars.role(first) != .separator else { return scalar }
        return first
    }

    private static func appendCapitalized(_ word: ArraySlice<Unicode.Scalar>, to out: inout String.UnicodeScalarView) {
        guard let first = word.first else { return }
        if word.allSatisfy(\.isASCII) {
            // The initialisms are ASCII: the byte path decides.
            var bytes: [UInt8] = []
            appendCapitalizedASCII(word.map { UInt8($0.value) }[...], to: &bytes)
            out.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
            return
        }
        // Title case, not upper case, capitalises a word: `ǆ` → `ǅ`.
        out.append(mapped(first, first.properties.titlecaseMapping))
        out.append(contentsOf: word.dropFirst())
    }

    private static func withLeadingUnderscoreIfNeeded(_ out: inout String.UnicodeScalarView) {
        if let first = out.first, !IdentifierScalars.canStartIdentifier(first) { out.insert("_", at: out.startIndex) }
    }

    static func unicodeTypeName(_ raw: String) -> String {
        let scalars = normalizedScalars(raw)
        let roles = scalars.map(IdentifierScalars.role)
        var out = String.UnicodeScalarView()
        for range in unicodeWords(roles) { appendCapitalized(scalars[range], to: &out) }
        if out.isEmpty { return "Unnamed" }
        withLeadingUnderscoreIfNeeded(&out)
        let name = String(out)
        return unusableTypeNames.contains(name) ? name + "Model" : name
    }

    static func unicodeMemberName(_ raw: String) -> String {
        let scalars = normalizedScalars(raw)
        let roles = scalars.map(IdentifierScalars.role)
        let ranges = unicodeWords(roles)
        guard let firstRange = ranges.first else { return "_unnamed" }
        var out = String.UnicodeScalarView()
        let first = scalars[firstRange]
        if roles[firstRange].allSatisfy({ $0 == .upper || $0 == .digit }) {
            out.append(contentsOf: first.map { mapped($0, $0.properties.lowercaseMapping) })
        } else {
            out.append(mapped(first.first!, first.first!.properties.lowercaseMapping))
            out.append(contentsOf: first.dropFirst())
        }
        for range in ranges.dropFirst() { appendCapitalized(scalars[range], to: &out) }
        withLeadingUnderscoreIfNeeded(&out)
        return String(out)
    }
}
