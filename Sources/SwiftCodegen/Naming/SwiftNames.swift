/// Turns names from the spec (snake_case, kebab-case, dotted, with symbols or leading digits, in
/// any script) into Swift identifiers that read as a Swift developer would write them.
public enum SwiftNames {
    /// Words a declaration may not use bare; they are escaped with backticks.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "as", "false", "is", "nil", "super", "self", "Self", "throws",
        "true", "try", "Any", "Type", "Protocol", "await", "async", "some", "any", "package",
    ]

    /// Type names that cannot be declared even with backticks, or that would break the
    /// generated code's own references; such schemas get a suffix.
    static let unusableTypeNames: Set<String> = ["Self", "Type", "Protocol", "Any", "AnyObject", "Sendable", "Codable",
                                                 "Hashable", "Equatable", "Decodable", "Encodable", "Never", "Optional"]

    /// Splits text into words at separators and case changes: `seed_domains` → [seed, domains],
    /// `HTTPValidationError` → [HTTP, Validation, Error], `me$sage` → [me, sage].
    /// Text outside ASCII keeps its letters: `ЗаказКлиента` → [Заказ, Клиента] (UnicodeNames).
    static func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard let ranges = wordRanges(bytes) else {
            let scalars = normalizedScalars(text)
            let roles = scalars.map(IdentifierScalars.role)
            return unicodeWords(roles).map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    // ASCII names are built from bytes: Unicode character properties and normalisation are
    // slow, and a large spec's names are made hundreds of thousands of times. Text with any
    // other byte takes the scalar path in UnicodeNames, which gives the same for ASCII.
    private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }
    private static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b - 32 : b }

    /// Where each word of `words(_:)` lies in ASCII text's bytes; nil for text with any other
    /// byte, found in the same pass (the scalar path takes it).
    private static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        var start = -1
        for i in bytes.indices {
            let c = bytes[i]
            guard isUpper(c) || isLower(c) || isDigit(c) else {
                if c >= 0x80 { return nil }
                if start >= 0 { result.append(start..<i) }
                start = -1
                continue
            }
            if start >= 0 {
                let last = bytes[i - 1]
                let nextIsLower = i + 1 < bytes.count && isLower(bytes[i + 1])
                // A capital after a lowercase letter or digit starts a word; so does the last
                // capital of an acronym: "HTTPStatus" → HTTP, Status.
                if isUpper(c) && (isLower(last) || isDigit(last) || (isUpper(last) && nextIsLower)) {
                    result.append(start..<i)
                    start = i
                }
            } else {
                start = i
            }
        }
        if start >= 0 { result.append(start..<bytes.count) }
        return result
    }

    /// Initialisms Swift's API guidelines write in one case: `job_id` → `jobID`, `linkedin_url` → `linkedinURL`.
    static let initialisms: Set<String> = ["id", "url", "uri", "uuid", "http", "https", "api", "json", "html", "xml", "sql", "ip", "dns", "tls", "ssl", "ssh"]

    /// Appends a word with its first letter capitalized; an initialism whose other letters are
    /// lowercase (`id`, `Id`) is written in capitals (`ID`).
    private static func appendCapitalized(_ word: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard let first = word.first else { return }
        if word.count <= 5, initialisms.contains(String(decoding: word.lazy.map(lower), as: UTF8.self)),
           word.dropFirst().allSatisfy({ !isUpper($0) }) {
            out.append(contentsOf: word.lazy.map(upper))
            return
        }
        out.append(upper(first))
        out.append(contentsOf: word.dropFirst())
    }

    /// `appendCapitalized` for the ASCII words of UnicodeNames; the byte path calls the private
    /// one, which the compiler inlines there.
    static func appendCapitalizedASCII(_ word: ArraySlice<UInt8>, to out: inout [UInt8]) {
        appendCapitalized(word, to: &out)
    }

    /// `bulk_lookalike-manifest` → `BulkLookalikeManifest`; acronyms keep their capitals;
    /// `заказ_клиента` → `ЗаказКлиента`.
    public static func typeName(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        guard let ranges = wordRanges(bytes) else { return unicodeTypeName(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        for range in ranges { appendCapitalized(bytes[range], to: &out) }
        if out.isEmpty { return "Unnamed" }
        if isDigit(out[0]) { out.insert(95, at: 0) }
        let name = String(decoding: out, as: UTF8.self)
        return unusableTypeNames.contains(name) ? name + "Model" : name
    }

    /// `seed_domains` → `seedDomains`, `X-API-Key` → `xAPIKey`, `URL` → `url`, `naïve_value` → `naïveValue`.
    public static func memberName(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        guard let ranges = wordRanges(bytes) else { return unicodeMemberName(raw) }
        guard let firstRange = ranges.first else { return "_unnamed" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        let first = bytes[firstRange]
        if first.allSatisfy({ isUpper($0) || isDigit($0) }) {
            out.append(contentsOf: first.lazy.map(lower))
        } else {
            out.append(lower(first.first!))
            out.append(contentsOf: first.dropFirst())
        }
        for range in ranges.dropFirst() { appendCapitalized(bytes[range], to: &out) }
        if isDigit(out[0]) { out.insert(95, at: 0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes a member name that is a keyword, for use in declarations and references.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// The name a parameter goes by inside a function body. `self` can be a label but not a
    /// local name (it would hide the instance), so it becomes `self_`; other keywords are escaped.
    public static func localName(_ name: String) -> String {
        name == "self" ? "self_" : escaped(name)
    }

    /// An enum case for a string value: `Series A` → `seriesA`, `Pre-Seed` → `preSeed`,
    /// `""` → `empty`, `-1` → `minus1`.
    public static func caseName(forString value: String) -> String {
        if value.isEmpty { return "empty" }
        if value.hasPrefix("-"), value.dropFirst().allSatisfy(\.isNumber), value.count > 1 {
            let number = value.dropFirst()
            if number.utf8.allSatisfy({ $0 < 0x80 }) { return "minus" + number }
            // A number outside ASCII (`-٣`) is kept when every scalar may be in a name; a
            // variation selector or keycap mark sends it the general way.
            let scalars = normalizedScalars(String(number))
            if scalars.allSatisfy({ IdentifierScalars.role($0) != .separator }) {
                return "minus" + String(String.UnicodeScalarView(scalars))
            }
        }
        let name = memberName(value)
        if name == "_unnamed" {
            // All symbols ("+", "*"): spell the scalars so distinct values stay distinct.
            return "symbol" + value.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
        }
        return name
    }

    /// A Swift string literal for arbitrary text.
    public static func stringLiteral(_ text: String) -> String {
        // Most text needs no escape: one pass over the bytes decides.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Hands out names that are unique within one scope, in the order asked, so that collisions
/// (`foo_bar` and `fooBar`) resolve the same way on every run: the first keeps the name, later
/// ones get 2, 3, ….
struct NameScope {
    /// Shared and never mutated, so the thousands of scopes a large spec creates don't each copy
    /// the model names.
    private let reserved: Set<String>
    private var used: Set<String> = []

    init(reserved: Set<String> = []) { self.reserved = reserved }

    mutating func claim(_ name: String) -> String {
        if !reserved.contains(name), used.insert(name).inserted { return name }
        var n = 2
        while reserved.contains("\(name)\(n)") || !used.insert("\(name)\(n)").inserted { n += 1 }
        return "\(name)\(n)"
    }

    func contains(_ name: String) -> Bool { reserved.contains(name) || used.contains(name) }
}
