/// Turns names from the spec (snake_case, kebab-case, dotted, with symbols or leading digits) into
/// Swift identifiers that read as a Swift developer would write them.
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
    static func words(_ text: String) -> [String] {
        // Identifiers keep ASCII letters and digits only, so the split works on bytes: Unicode
        // character properties are slow, and names are split hundreds of thousands of times.
        func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        var result: [String] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        func flush() {
            if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for (i, c) in bytes.enumerated() {
            guard isUpper(c) || isLower(c) || isDigit(c) else {
                flush()
                continue
            }
            if let last = current.last {
                let nextIsLower = i + 1 < bytes.count && isLower(bytes[i + 1])
                if isUpper(c) && (isLower(last) || isDigit(last)) {
                    flush()
                } else if isUpper(c) && isUpper(last) && nextIsLower {
                    // The last capital of an acronym starts the next word: "HTTPStatus" → HTTP, Status.
                    flush()
                }
            }
            current.append(c)
        }
        flush()
        return result
    }

    /// Initialisms Swift's API guidelines write in one case: `job_id` → `jobID`, `linkedin_url` → `linkedinURL`.
    static let initialisms: Set<String> = ["id", "url", "uri", "uuid", "http", "https", "api", "json", "html", "xml", "sql", "ip", "dns", "tls", "ssl", "ssh"]

    private static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        if initialisms.contains(word.lowercased()), word == word.lowercased() || word.dropFirst() == word.dropFirst().lowercased() {
            return word.uppercased()
        }
        return first.uppercased() + word.dropFirst()
    }

    /// `bulk_lookalike-manifest` → `BulkLookalikeManifest`; acronyms keep their capitals.
    public static func typeName(_ raw: String) -> String {
        var name = words(raw).map(capitalized).joined()
        if name.isEmpty { name = "Unnamed" }
        if name.first!.isNumber { name = "_" + name }
        if unusableTypeNames.contains(name) { name += "Model" }
        return name
    }

    /// `seed_domains` → `seedDomains`, `X-API-Key` → `xAPIKey`, `URL` → `url`.
    public static func memberName(_ raw: String) -> String {
        let parts = words(raw)
        guard let first = parts.first else { return "_unnamed" }
        var head: String
        if first.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            head = first.lowercased()
        } else {
            head = first.prefix(1).lowercased() + first.dropFirst()
        }
        var name = head + parts.dropFirst().map(capitalized).joined()
        if name.first!.isNumber { name = "_" + name }
        return name
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
            return "minus" + value.dropFirst()
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
