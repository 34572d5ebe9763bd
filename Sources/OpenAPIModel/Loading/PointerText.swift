/// JSON pointer text (RFC 6901) without Foundation: references are parsed and target keys
/// formed thousands of times in a large document, and most tokens need no escaping at all.
enum PointerText {
    /// `/a/b~1c` (already percent-decoded) → a pointer with tokens `a`, `b/c`.
    static func parse(_ text: String) -> JSONPointer {
        var pointer = JSONPointer.root
        for token in tokens(text) { pointer = pointer.appending(token) }
        return pointer
    }

    /// `/a/b~1c` → `a`, `b/c`: ``parse(_:)``'s tokens without building the pointer.
    static func tokens(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst().map { unescape(Substring($0)) }
    }

    /// The pointer's text, `/components/schemas/a~1b`.
    static func text(of pointer: JSONPointer) -> String {
        var result = ""
        pointer.forEachToken { token in
            result += "/"
            result += escape(token)
        }
        return result
    }

    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var result = ""
        for character in token.unicodeScalars {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    private static func unescape(_ token: Substring) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        var result = ""
        var pendingTilde = false
        for character in token.unicodeScalars {
            if pendingTilde {
                pendingTilde = false
                switch character {
                case "0": result += "~"
                case "1": result += "/"
                default: result += "~"; result.unicodeScalars.append(character)
                }
            } else if character == "~" {
                pendingTilde = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        if pendingTilde { result += "~" }
        return result
    }
}
