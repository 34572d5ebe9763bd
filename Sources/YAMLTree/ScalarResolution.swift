/// Resolves plain scalars by YAML 1.2's core schema.
///
/// libyaml only tokenizes; deciding what `on`, `0x1F` or `200` mean is ours. YAML 1.1 made
/// `yes`/`no`/`on`/`off` booleans, which breaks OpenAPI documents (`on` as a property name, `no`
/// as an enum value); the 1.2 core schema keeps them strings.
///
/// Works on the event's bytes: resolving every plain scalar of a large document must not make
/// a `String` of each.
enum ScalarResolution {
    static func kind(ofPlain text: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Kind {
        guard let first = text.first else { return .null }
        // Most scalars are words; bail out before any scanning for them.
        switch first {
        case UInt8(ascii: "~"):
            return text.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isOneOf(text, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOneOf(text, "true", "True", "TRUE") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOneOf(text, "false", "False", "FALSE") ? .bool : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return numberKind(text)
        default:
            return .string
        }
    }

    private static func isOneOf(_ text: UnsafeBufferPointer<UInt8>, _ a: StaticString, _ b: StaticString, _ c: StaticString) -> Bool {
        equals(text, a) || equals(text, b) || equals(text, c)
    }

    private static func equals(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<text.count where text[i] != w[i] { return false }
        return true
    }

    private static func numberKind(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Kind {
        let n = bytes.count
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 97 && b <= 102) || (b >= 65 && b <= 70) }
        if n > 2, bytes[0] == 48 {
            if bytes[1] == UInt8(ascii: "x") { return bytes[2...].allSatisfy(isHex) ? .integer : .string }
            if bytes[1] == UInt8(ascii: "o") {
                return bytes[2...].allSatisfy { $0 >= 48 && $0 <= 55 } ? .integer : .string
            }
        }
        var i = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        let rest = UnsafeBufferPointer(rebasing: bytes[i...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return .float }
        if i == 0, equals(rest, ".nan") || equals(rest, ".NaN") || equals(rest, ".NAN") { return .float }
        // [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var intDigits = 0
        while i < n, isDigit(bytes[i]) { i += 1; intDigits += 1 }
        var isFloat = false
        if i < n, bytes[i] == UInt8(ascii: ".") {
            isFloat = true
            i += 1
            var fracDigits = 0
            while i < n, isDigit(bytes[i]) { i += 1; fracDigits += 1 }
            if intDigits == 0 && fracDigits == 0 { return .string }
        } else if intDigits == 0 {
            return .string
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isFloat = true
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < n, isDigit(bytes[i]) { i += 1; expDigits += 1 }
            if expDigits == 0 { return .string }
        }
        guard i == n else { return .string }
        return isFloat ? .float : .integer
    }
}
