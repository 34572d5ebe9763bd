/// JSON text parsed into a tree that keeps each number's text as it was sent, for
/// ``JSONDiagnosticDecoder``: whether `99999999999999999999` fits the member's type can only be
/// told from its digits, and a syntax error is reported with the byte it was found at.
indirect enum JSONSyntaxTree {
    case null
    case bool(Bool)
    /// The number's text, exactly as in the document.
    case number(String)
    case string(String)
    case array([JSONSyntaxTree])
    /// Members in document order; a repeated name keeps its last value, as `JSONDecoder` does.
    case object(keys: [String], members: [String: JSONSyntaxTree])

    /// Where and why the text is not JSON.
    struct SyntaxError: Error {
        /// Offset of the offending byte from the start of the document.
        var offset: Int
        var message: String
    }

    /// Parses a whole document (one value, whitespace around it).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONSyntaxTree {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        /// `JSONDecoder`'s own nesting limit; deeper documents are refused before they can
        /// exhaust the stack.
        static let maxDepth = 512

        func error(_ message: String) -> SyntaxError { SyntaxError(offset: index, message: message) }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONSyntaxTree {
            guard depth < Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
            guard index < bytes.count else { throw error("unexpected end of the text") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character \(Self.describe(bytes[index]))")
            }
        }

        private mutating func literal(_ word: String) throws(SyntaxError) {
            for byte in word.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw error("expected \(word)") }
                index += 1
            }
        }

        private mutating func object(depth: Int) throws(SyntaxError) -> JSONSyntaxTree {
            index += 1
            var keys: [String] = []
            var members: [String: JSONSyntaxTree] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(keys: keys, members: members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
                index += 1
                skipWhitespace()
                let member = try value(depth: depth + 1)
                if members.updateValue(member, forKey: key) == nil { keys.append(key) }
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of the text inside an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(keys: keys, members: members) }
                throw error("expected ',' or '}' after an object member")
            }
        }

        private mutating func array(depth: Int) throws(SyntaxError) -> JSONSyntaxTree {
            index += 1
            var items: [JSONSyntaxTree] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of the text inside an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw error("expected ',' or ']' after an array item")
            }
        }

        /// RFC 8259's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        private mutating func number() throws(SyntaxError) -> String {
            let start = index
            func digits(_ parser: inout Parser) -> Int {
                let from = parser.index
                while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) { parser.index += 1 }
                return parser.index - from
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if digits(&self) == 0 {
                throw error("expected a digit")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&self) > 0 else { throw error("expected a digit after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits(&self) > 0 else { throw error("expected a digit in the exponent") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private mutating func string() throws(SyntaxError) -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(_ parser: Parser, _ scalars: inout String.UnicodeScalarView) {
                scalars.append(contentsOf: String(decoding: parser.bytes[run..<parser.index], as: UTF8.self).unicodeScalars)
            }
            while true {
                guard index < bytes.count else { throw error("unexpected end of the text inside a string") }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush(self, &scalars)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw error("unescaped control character \(Self.describe(byte)) in a string") }
                guard byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                flush(self, &scalars)
                index += 1
                guard index < bytes.count else { throw error("unexpected end of the text after '\\'") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try hex4()
                    if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                            throw error("a high surrogate escape not followed by a low one")
                        }
                        scalars.append(scalar)
                    } else if let scalar = Unicode.Scalar(unit) {
                        scalars.append(scalar)
                    } else {
                        throw error("an unpaired surrogate escape")
                    }
                default:
                    index -= 1
                    throw error("invalid escape '\\\(Self.describe(escape))'")
                }
                run = index
            }
        }

        private mutating func hex4() throws(SyntaxError) -> UInt32 {
            // `UInt32(_:radix:)` alone would take a sign as well.
            guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                  let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw error("expected four hexadecimal digits after '\\u'")
            }
            index += 4
            return value
        }

        /// A byte as a reader can see it: the character, or its code for control and non-ASCII bytes.
        static func describe(_ byte: UInt8) -> String {
            (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16, uppercase: true)
        }
    }
}
