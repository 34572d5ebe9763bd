/// A recursive-descent reader of ECMA-262's `Pattern` grammar (with the `u` flag) that writes
/// the ICU pattern as it goes. See ``ECMAPattern`` for what it changes and why.
struct ECMAPatternParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var warnings: [ECMAPatternTranslation.Note] = []

    /// Capture groups in the order they open (ECMA-262 numbers them so), with their names.
    private let groupNames: [String?]
    /// Groups opened so far and groups closed so far, for backreferences.
    private var openedGroups = 0
    private var closedGroups: Set<Int> = []
    /// Inside a lookbehind, which ICU runs only over a bounded length.
    private var lookbehindDepth = 0

    private struct Failure: Error {
        var message: String
        var position: Int
    }

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        groupNames = Self.captureGroups(scalars)
    }

    mutating func translate() -> ECMAPatternTranslation {
        do {
            let icu = try disjunction()
            if position < scalars.count {
                // Only an unmatched `)` stops a disjunction before the end.
                throw Failure(message: "unmatched `)`", position: position)
            }
            return ECMAPatternTranslation(icu: icu, warnings: warnings, error: nil)
        } catch let failure as Failure {
            return ECMAPatternTranslation(icu: nil, warnings: warnings,
                                          error: .init(message: failure.message, position: failure.position + 1))
        } catch {
            return ECMAPatternTranslation(icu: nil, warnings: warnings, error: .init(message: "\(error)", position: position + 1))
        }
    }

    // MARK: - Reading

    private var atEnd: Bool { position >= scalars.count }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    private func peekIs(_ text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private mutating func take() -> Unicode.Scalar {
        defer { position += 1 }
        return scalars[position]
    }

    private func fail(_ message: String, at place: Int? = nil) -> Failure {
        Failure(message: message, position: place ?? position)
    }

    private mutating func warn(_ message: String, at place: Int) {
        warnings.append(.init(message: message, position: place + 1))
    }

    // MARK: - Disjunction, alternative, term

    private mutating func disjunction() throws -> String {
        var out = try alternative()
        while peek() == "|" {
            position += 1
            out += "|" + (try alternative())
        }
        return out
    }

    private mutating func alternative() throws -> String {
        var out = ""
        while let next = peek(), next != "|", next != ")" {
            out += try term()
        }
        return out
    }

    private mutating func term() throws -> String {
        if let assertion = try assertion() {
            if quantifierFollows() {
                throw fail("nothing to repeat: an assertion cannot take a quantifier", at: position)
            }
            return assertion
        }
        let atom = try self.atom()
        guard let quantifier = try quantifier() else { return atom }
        if lookbehindDepth > 0, quantifier.unbounded {
            throw fail("a lookbehind here repeats without bound (`\(quantifier.written)`), which ICU cannot run; give it a maximum (`{0,N}`)",
                       at: quantifier.position)
        }
        return atom + quantifier.icu
    }

    /// `^`, `$`, `\b`, `\B` and the lookarounds; nil when the next term is an atom.
    private mutating func assertion() throws -> String? {
        guard let next = peek() else { return nil }
        switch next {
        case "^":
            position += 1
            return "^"
        case "$":
            position += 1
            // Without the m flag ECMA-262's `$` is the end of the input; ICU's also matches
            // before a final line break.
            return #"\z"#
        case "\\" where peek(1) == "b":
            position += 2
            return ECMASets.wordBoundary
        case "\\" where peek(1) == "B":
            position += 2
            return ECMASets.notWordBoundary
        case "(" where peekIs("(?=") || peekIs("(?!"):
            let opener = peekIs("(?=") ? "(?=" : "(?!"
            position += 3
            return opener + (try groupBody(from: position - 3)) + ")"
        case "(" where peekIs("(?<=") || peekIs("(?<!"):
            let opener = peekIs("(?<=") ? "(?<=" : "(?<!"
            position += 4
            lookbehindDepth += 1
            defer { lookbehindDepth -= 1 }
            return opener + (try groupBody(from: position - 4)) + ")"
        default:
            return nil
        }
    }

    /// Groups open around the current position; bounded so that the recursive descent stays
    /// far inside the stack whatever a document holds.
    private var depth = 0
    private static let maxDepth = 200

    /// The disjunction inside a group and its closing `)`.
    private mutating func groupBody(from open: Int) throws -> String {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw fail("groups nest deeper than \(Self.maxDepth) levels", at: open) }
        let body = try disjunction()
        guard peek() == ")" else { throw fail("missing `)` for the group opened here", at: open) }
        position += 1
        return body
    }

    // MARK: - Atoms

    private mutating func atom() throws -> String {
        let start = position
        let scalar = take()
        switch scalar {
        case ".":
            return ECMASets.dot
        case "(":
            return try group(from: start)
        case "[":
            return try characterClass(from: start)
        case "\\":
            return try atomEscape(from: start)
        case "*", "+", "?":
            throw fail("nothing to repeat before `\(scalar)`", at: start)
        case "{":
            position = start
            if quantifierFollows() { throw fail("nothing to repeat before the quantifier `{`", at: start) }
            position = start + 1
            warn("a `{` that does not start a quantifier is not valid ECMA-262 with the u flag; read as a literal `{` (write `\\{`)", at: start)
            return ECMASets.literal(scalar, inClass: false)
        case "}", "]":
            warn("a lone `\(scalar)` is not valid ECMA-262 with the u flag; read as a literal `\(scalar)` (write `\\\(scalar)`)", at: start)
            return ECMASets.literal(scalar, inClass: false)
        default:
            return ECMASets.literal(scalar, inClass: false)
        }
    }

    /// After `(`: a capture, a named capture, `(?:…)`, or Python's named forms.
    private mutating func group(from open: Int) throws -> String {
        guard peek() == "?" else { return try capture(name: nil, from: open) }
        position += 1
        guard let next = peek() else { throw fail("the group opened here is not closed", at: open) }
        switch next {
        case ":":
            position += 1
            return "(?:" + (try groupBody(from: open)) + ")"
        case "<":
            position += 1
            let name = try groupName(closing: ">", from: open)
            return try capture(name: name, from: open)
        case "P" where peek(1) == "<":
            position += 2
            let name = try groupName(closing: ">", from: open)
            warn("`(?P<\(name)>…)` is Python's named group; ECMA-262 writes `(?<\(name)>…)`, which is how it is read", at: open)
            return try capture(name: name, from: open)
        case "P" where peek(1) == "=":
            position += 2
            let name = try groupName(closing: ")", from: open)
            warn("`(?P=\(name))` is Python's named backreference; ECMA-262 writes `\\k<\(name)>`, which is how it is read", at: open)
            return try backreference(named: name, at: open)
        default:
            let rest = String(String.UnicodeScalarView(scalars[position..<min(scalars.count, position + 2)]))
            let what: String
            switch next {
            case "#": what = "`(?#…)` comments are not ECMA-262"
            case ">": what = "atomic groups `(?>…)` are not ECMA-262"
            case "|": what = "branch-reset groups `(?|…)` are not ECMA-262"
            case "P": what = "`(?P\(peek(1).map { String($0) } ?? "")…` is a Python form ECMA-262 has no equivalent for"
            case "i", "m", "s", "x", "u", "-", "n", "U":
                what = "inline modifiers such as `(?\(rest)…` are not supported (ECMA-262 sets flags on the whole expression, and JSON Schema patterns have none)"
            default: what = "`(?\(rest)…` is not an ECMA-262 group"
            }
            throw fail(what, at: open)
        }
    }

    private mutating func capture(name: String?, from open: Int) throws -> String {
        openedGroups += 1
        let number = openedGroups
        let body = try groupBody(from: open)
        closedGroups.insert(number)
        // ICU names are ASCII letters and digits; other names (`first_name`) would not
        // compile, and the number serves every backreference.
        if let name, Self.isICUGroupName(name) { return "(?<\(name)>" + body + ")" }
        return "(" + body + ")"
    }

    /// A group name up to `closing`; ECMA-262's `RegExpIdentifierName`.
    private mutating func groupName(closing: Unicode.Scalar, from open: Int) throws -> String {
        var name = String.UnicodeScalarView()
        while let scalar = peek(), scalar != closing {
            let valid = name.isEmpty
                ? scalar == "$" || scalar == "_" || scalar.properties.isIDStart
                : scalar == "$" || scalar == "\u{200C}" || scalar == "\u{200D}" || scalar.properties.isIDContinue
            guard valid else { throw fail("`\(scalar)` cannot be part of a group name", at: position) }
            name.append(scalar)
            position += 1
        }
        guard peek() == closing, !name.isEmpty else {
            throw fail(name.isEmpty ? "a group name is empty" : "the group name is not closed with `\(closing)`", at: open)
        }
        position += 1
        return String(name)
    }

    private static func isICUGroupName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    // MARK: - Escapes outside classes

    private mutating func atomEscape(from start: Int) throws -> String {
        guard let scalar = peek() else { throw fail("the pattern ends with a lone `\\`", at: start) }
        switch scalar {
        case "d", "D", "w", "W", "s", "S":
            position += 1
            return ECMASets.classEscape(scalar, inClass: false)
        case "p", "P":
            position += 1
            return try propertyEscape(negated: scalar == "P", from: start, inClass: false)
        case "1"..."9":
            var number = 0
            while let digit = peek(), ("0"..."9").contains(digit) {
                number = min(number * 10 + Int(digit.value - 48), 1_000_000)
                position += 1
            }
            guard number <= groupNames.count else {
                throw fail("`\\\(number)` refers to group \(number), but the pattern has \(groupNames.count) capture group\(groupNames.count == 1 ? "" : "s")", at: start)
            }
            return try backreference(number, at: start)
        case "k":
            position += 1
            guard peek() == "<" else { throw fail("`\\k` must be followed by a group name in `<…>`", at: start) }
            position += 1
            let name = try groupName(closing: ">", from: start)
            return try backreference(named: name, at: start)
        default:
            return ECMASets.literal(try characterEscape(from: start, inClass: false), inClass: false)
        }
    }

    private mutating func backreference(named name: String, at start: Int) throws -> String {
        guard let index = groupNames.firstIndex(where: { $0 == name }) else {
            throw fail("no group is named `\(name)`", at: start)
        }
        return try backreference(index + 1, at: start)
    }

    private mutating func backreference(_ number: Int, at start: Int) throws -> String {
        if lookbehindDepth > 0 {
            throw fail("a backreference inside a lookbehind has no bounded length, which ICU cannot run", at: start)
        }
        // A group that has not closed yet (it comes later, or encloses the reference) has
        // captured nothing: ECMA-262 matches the empty string there; ICU would fail.
        guard closedGroups.contains(number) else { return "(?:)" }
        return "(?:\\\(number))"
    }

    /// An escape that stands for one code point (`\n`, `\x41`, `\u{1F600}`, `\.`, …), after
    /// the backslash at `start`.
    private mutating func characterEscape(from start: Int, inClass: Bool) throws -> Unicode.Scalar {
        guard let scalar = peek() else { throw fail("the pattern ends with a lone `\\`", at: start) }
        position += 1
        switch scalar {
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "v": return "\u{0B}"
        case "c":
            guard let letter = peek(), letter.isASCII, letter.properties.isAlphabetic else {
                throw fail("`\\c` must be followed by an ASCII letter", at: start)
            }
            position += 1
            return Unicode.Scalar(letter.value % 32)!
        case "0":
            if let digit = peek(), ("0"..."9").contains(digit) {
                throw fail("octal escapes such as `\\0\(digit)` are not ECMA-262 with the u flag (write `\\x..` or `\\u....`)", at: start)
            }
            return "\u{0}"
        case "x":
            guard let value = hexDigits(count: 2) else { throw fail("`\\x` must be followed by two hexadecimal digits", at: start) }
            return Unicode.Scalar(value)!
        case "u":
            return try unicodeEscape(from: start)
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return scalar
        case "-" where inClass:
            return scalar
        default:
            let written = "`\\\(scalar)`"
            if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) {
                warn("\(written) is not a valid escape in ECMA-262 with the u flag\(scalar == "-" ? " outside a character class" : ""); read as a literal `\(scalar)`",
                     at: start)
                return scalar
            }
            throw fail(Self.unknownEscape(scalar, written), at: start)
        }
    }

    private static func unknownEscape(_ scalar: Unicode.Scalar, _ written: String) -> String {
        switch scalar {
        case "A": return "\(written) (start of input in Python and PCRE) is not ECMA-262; write `^`"
        case "Z", "z": return "\(written) (end of input in Python and PCRE) is not ECMA-262; write `$`"
        case "h", "H", "R", "X", "G", "K", "N", "Q", "E", "a", "e", "l", "L", "U":
            return "\(written) is a Perl/PCRE escape that ECMA-262 does not have"
        case "8", "9": return "\(written) refers to no group and is not an ECMA-262 escape"
        default: return "\(written) is not an ECMA-262 escape (with the u flag, only syntax characters may be escaped)"
        }
    }

    /// `\uXXXX` (a surrogate pair of them joined into one code point) or `\u{X…}`.
    private mutating func unicodeEscape(from start: Int) throws -> Unicode.Scalar {
        if peek() == "{" {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = peek(), let digit = Self.hexValue(scalar) {
                value = value &* 16 &+ digit
                digits += 1
                position += 1
                if value > 0x10FFFF { throw fail("`\\u{…}` is beyond U+10FFFF", at: start) }
            }
            guard digits > 0, peek() == "}" else { throw fail("`\\u{` must be followed by hexadecimal digits and `}`", at: start) }
            position += 1
            return try scalarValue(value, at: start)
        }
        guard let high = hexDigits(count: 4) else {
            throw fail("`\\u` must be followed by four hexadecimal digits or `{…}`", at: start)
        }
        if (0xD800...0xDBFF).contains(high), peekIs("\\u") {
            let save = position
            position += 2
            if let low = hexDigits(count: 4), (0xDC00...0xDFFF).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            position = save
        }
        return try scalarValue(high, at: start)
    }

    private func scalarValue(_ value: UInt32, at start: Int) throws -> Unicode.Scalar {
        // A lone surrogate is no character of any Swift string, so it can never match.
        guard let scalar = Unicode.Scalar(value) else {
            throw fail("`U+\(String(value, radix: 16, uppercase: true))` is a lone surrogate, which no string checked in Swift can contain", at: start)
        }
        return scalar
    }

    private mutating func hexDigits(count: Int) -> UInt32? {
        guard position + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let digit = Self.hexValue(scalars[position + offset]) else { return nil }
            value = value * 16 + digit
        }
        position += count
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }

    /// `\p{…}` or `\P{…}` after the letter.
    private mutating func propertyEscape(negated: Bool, from start: Int, inClass: Bool) throws -> String {
        guard peek() == "{" else { throw fail("`\\\(negated ? "P" : "p")` must be followed by a property in `{…}`", at: start) }
        position += 1
        var text = ""
        while let scalar = peek(), scalar != "}" {
            text.unicodeScalars.append(scalar)
            position += 1
        }
        guard peek() == "}" else { throw fail("the property `\\\(negated ? "P" : "p"){` is not closed with `}`", at: start) }
        position += 1
        guard let icu = UnicodePropertyNames.icuProperty(text) else {
            throw fail("`\(text)` is not a Unicode property ECMA-262 knows (a General_Category value, a binary property, or `Script=…`/`Script_Extensions=…`; names are case-sensitive)", at: start)
        }
        return "\\" + (negated ? "P" : "p") + "{" + icu + "}"
    }

    // MARK: - Quantifiers

    private struct Quantifier {
        var icu: String
        var written: String
        var unbounded: Bool
        var position: Int
    }

    private func quantifierFollows() -> Bool {
        var copy = self
        do { return try copy.quantifier() != nil } catch { return true }
    }

    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`, each optionally lazy; nil (and nothing read)
    /// when the next characters are not a quantifier.
    private mutating func quantifier() throws -> Quantifier? {
        let start = position
        var icu: String
        var unbounded = false
        guard let next = peek() else { return nil }
        switch next {
        case "*": position += 1; icu = "*"; unbounded = true
        case "+": position += 1; icu = "+"; unbounded = true
        case "?": position += 1; icu = "?"
        case "{":
            position += 1
            guard let low = number() else { position = start; return nil }
            var high: Int? = low
            let ranged = peek() == ","
            if ranged {
                position += 1
                high = number()
                unbounded = high == nil
            }
            guard peek() == "}" else { position = start; return nil }
            position += 1
            if let high, high < low {
                throw fail("the quantifier `{\(low),\(high)}` has its numbers out of order", at: start)
            }
            icu = ranged ? "{\(low),\(high.map(String.init) ?? "")}" : "{\(low)}"
        default:
            return nil
        }
        if peek() == "?" {
            position += 1
            icu += "?"
        }
        let written = String(String.UnicodeScalarView(scalars[start..<position]))
        return Quantifier(icu: icu, written: written, unbounded: unbounded, position: start)
    }

    /// Decimal digits, saturating (ICU refuses counts beyond its limit, which compiling reports).
    private mutating func number() -> Int? {
        var value: Int?
        while let digit = peek(), ("0"..."9").contains(digit) {
            value = min((value ?? 0) * 10 + Int(digit.value - 48), Int(Int32.max))
            position += 1
        }
        return value
    }

    // MARK: - Character classes

    private enum ClassAtom {
        case scalar(Unicode.Scalar)
        /// A class escape (`\d`, `\p{L}`), as an ICU set.
        case set(String)
    }

    private mutating func characterClass(from open: Int) throws -> String {
        var negated = false
        if peek() == "^" {
            negated = true
            position += 1
        }
        var items = ""
        while true {
            guard let next = peek() else { throw fail("the character class opened here is not closed with `]`", at: open) }
            if next == "]" {
                position += 1
                break
            }
            let atomStart = position
            let first = try classAtom()
            if peek() == "-", let after = peek(1), after != "]" {
                position += 1
                let secondStart = position
                let second = try classAtom()
                guard case .scalar(let low) = first, case .scalar(let high) = second else {
                    let place: Int
                    if case .set = first { place = atomStart } else { place = secondStart }
                    throw fail("a class escape such as `\\d` cannot be the end of a range (u flag)", at: place)
                }
                guard low.value <= high.value else {
                    throw fail("the range `\(low)-\(high)` is out of order", at: atomStart)
                }
                items += ECMASets.literal(low, inClass: true) + "-" + ECMASets.literal(high, inClass: true)
            } else {
                switch first {
                case .scalar(let scalar): items += ECMASets.literal(scalar, inClass: true)
                case .set(let set): items += set
                }
            }
        }
        if items.isEmpty {
            // `[]` matches nothing and `[^]` any code point; ICU has no empty class.
            return negated ? ECMASets.anyScalar : "(?:(?!))"
        }
        return "[" + (negated ? "^" : "") + items + "]"
    }

    private mutating func classAtom() throws -> ClassAtom {
        let start = position
        let scalar = take()
        switch scalar {
        case "\\":
            guard let escaped = peek() else { throw fail("the pattern ends with a lone `\\`", at: start) }
            switch escaped {
            case "b":
                position += 1
                return .scalar("\u{08}")
            case "d", "D", "w", "W", "s", "S":
                position += 1
                return .set(ECMASets.classEscape(escaped, inClass: true))
            case "p", "P":
                position += 1
                return .set(try propertyEscape(negated: escaped == "P", from: start, inClass: true))
            case "B":
                throw fail("`\\B` is not allowed inside a character class", at: start)
            case "1"..."9":
                throw fail("`\\\(escaped)` inside a character class is not ECMA-262 with the u flag (backreferences cannot be in a class)", at: start)
            default:
                return .scalar(try characterEscape(from: start, inClass: true))
            }
        case "[":
            if peek() == ":" || peek() == "=" || peek() == "." {
                let close = scalars[position...].firstIndex(of: "]")
                if let close, close > position + 1, scalars[close - 1] == peek() {
                    throw fail("`[\(peek()!)…\(peek()!)]` is a POSIX class, which ECMA-262 does not have (inside a class it would be read as its characters)", at: start)
                }
            }
            return .scalar(scalar)
        default:
            return .scalar(scalar)
        }
    }

    // MARK: - Capture groups, found before translating

    /// The capture groups of the pattern in opening order, with their names (Python's
    /// `(?P<name>` included): a backreference may name a group that comes later.
    private static func captureGroups(_ scalars: [Unicode.Scalar]) -> [String?] {
        var groups: [String?] = []
        var index = 0
        var inClass = false
        func name(from start: Int) -> String? {
            var end = start
            while end < scalars.count, scalars[end] != ">" { end += 1 }
            guard end < scalars.count else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if next != "?" {
                    groups.append(nil)
                } else if index + 2 < scalars.count {
                    let third = scalars[index + 2]
                    if third == "<", index + 3 < scalars.count, scalars[index + 3] != "=", scalars[index + 3] != "!" {
                        groups.append(name(from: index + 3))
                    } else if third == "P", index + 3 < scalars.count, scalars[index + 3] == "<" {
                        groups.append(name(from: index + 4))
                    }
                }
            }
            index += 1
        }
        return groups
    }
}
