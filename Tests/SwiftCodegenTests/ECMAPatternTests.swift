import Foundation
import SwiftCodegen
import Testing

/// Runs a pattern as generated code does: translated from ECMA-262, then on ICU.
private func matches(_ pattern: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool? {
    let translation = ECMAPattern.translate(pattern)
    guard let icu = translation.icu else {
        Issue.record("\(pattern) was refused: \(translation.error?.message ?? "")", sourceLocation: sourceLocation)
        return nil
    }
    guard let expression = try? NSRegularExpression(pattern: icu) else {
        Issue.record("\(pattern) → \(icu) does not compile in ICU", sourceLocation: sourceLocation)
        return nil
    }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
}

@Suite struct ECMAPatternTests {
    // MARK: What ECMA-262 means where ICU differs

    @Test func classEscapesAreASCII() {
        #expect(matches(#"^\d$"#, "7") == true)
        #expect(matches(#"^\d$"#, "٣") == false)  // ARABIC-INDIC DIGIT THREE: \d in ICU
        #expect(matches(#"^\D$"#, "٣") == true)
        #expect(matches(#"^\w$"#, "é") == false)
        #expect(matches(#"^\w$"#, "_") == true)
        #expect(matches(#"^\W$"#, "é") == true)
        #expect(matches(#"^[\w-]+$"#, "a-b_c") == true)
        #expect(matches(#"^[^\d]$"#, "٣") == true)
        #expect(matches(#"^[^\D]$"#, "5") == true)
        #expect(matches(#"^[^\D]$"#, "x") == false)
        #expect(matches(#"^[a\D]$"#, "x") == true)
        #expect(matches(#"^[\s\S]$"#, "\n") == true)
        #expect(matches(#"^[\s\S]$"#, "é") == true)
        #expect(matches(#"^[^\s\S]$"#, "x") == false)
        #expect(matches(#"^[^\W\d]+$"#, "abc_") == true)
        #expect(matches(#"^[^\W\d]+$"#, "ab1") == false)
    }

    @Test func whitespaceIsECMAsSet() {
        for space in ["\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}"] {
            #expect(matches(#"^\s$"#, space) == true, "\(space.unicodeScalars.first!.value)")
            #expect(matches(#"^\S$"#, space) == false, "\(space.unicodeScalars.first!.value)")
            #expect(matches(#"^[\s]$"#, space) == true)
        }
        // NEXT LINE is Unicode White_Space (so ICU's \s) but not ECMA-262's.
        #expect(matches(#"^\s$"#, "\u{85}") == false)
        #expect(matches(#"^\S$"#, "\u{85}") == true)
        #expect(matches(#"^\s$"#, "\u{200B}") == false)
    }

    @Test func wordBoundaryIsASCII() {
        #expect(matches(#"\bcat\b"#, "a cat sat") == true)
        #expect(matches(#"\bcat\b"#, "concat") == false)
        // é is not an ECMA-262 word character: there is a boundary between it and "cat".
        #expect(matches(#"\bcat"#, "écat") == true)
        #expect(matches(#"\Bcat"#, "écat") == false)
        #expect(matches(#"\Bcat"#, "xcat") == true)
    }

    @Test func dollarIsTheEndOfInput() {
        #expect(matches("^abc$", "abc") == true)
        #expect(matches("^abc$", "abc\n") == false)
        #expect(matches("^[$]$", "$") == true)
        #expect(matches(#"^a\$$"#, "a$") == true)
        #expect(matches("^abc", "x\nabc") == false)
    }

    @Test func dotExcludesOnlyECMAsLineTerminators() {
        #expect(matches("^.$", "\u{85}") == true)  // ICU's . excludes NEXT LINE
        #expect(matches("^.$", "\n") == false)
        #expect(matches("^.$", "\r") == false)
        #expect(matches("^.$", "\u{2028}") == false)
        #expect(matches("^.$", "😀") == true)  // one code point with the u flag
    }

    @Test func characterEscapes() {
        #expect(matches(#"^\cC$"#, "\u{03}") == true)
        #expect(matches(#"^\cc$"#, "\u{03}") == true)
        #expect(matches(#"^\x41\u0042\u{43}$"#, "ABC") == true)
        #expect(matches(#"^\uD83D\uDE00$"#, "😀") == true)
        #expect(matches(#"^\u{1F600}$"#, "😀") == true)
        #expect(matches(#"^[\u{1F600}-\u{1F64F}]$"#, "🙂") == true)
        #expect(matches(#"^\0$"#, "\u{0}") == true)
        #expect(matches(#"^[\b]$"#, "\u{08}") == true)
        #expect(matches(#"^\t\n\v\f\r$"#, "\t\n\u{0B}\u{0C}\r") == true)
        #expect(matches(#"^\/\.\*$"#, "/.*") == true)
        #expect(matches(#"^[\]\[\-^]+$"#, "]-[^") == true)
        #expect(matches(#"^[ ]$"#, " ") == true)
        #expect(matches(#"^[#&~]+$"#, "#&~") == true)
        #expect(matches(#"^[a&&b]$"#, "&") == true)  // no ICU set intersection
        #expect(matches(#"^[[a]$"#, "[") == true)  // a literal [ in a class
    }

    /// Every printable ASCII character, written as ECMA-262 needs it, matches itself alone,
    /// in a class and as a range's end: whatever ICU treats as syntax is escaped.
    @Test func everyASCIICharacterIsItself() {
        for value in UInt8(0x20)...UInt8(0x7E) {
            let c = String(UnicodeScalar(value))
            let outside = "^$\\.*+?()[]{}|/".contains(c) ? "\\" + c : c
            let inside = "]\\^-".contains(c) ? "\\" + c : c
            #expect(matches("^" + outside + "$", c) == true, "\(c)")
            #expect(matches("^[" + inside + "]$", c) == true, "[\(c)]")
            #expect(matches("^[^" + inside + "]$", c) == false, "[^\(c)]")
            #expect(matches("^[ -" + inside + "]$", c) == true, "[ -\(c)]")
            #expect(matches("^[" + inside + "]$", "x") == (c == "x"), "[\(c)] on x")
        }
    }

    @Test func emptyClasses() {
        #expect(matches("^[]$", "") == false)
        #expect(matches("^a[]?$", "a") == true)
        #expect(matches("^[^]$", "\n") == true)
    }

    @Test func unicodeProperties() {
        #expect(matches(#"^\p{Letter}+$"#, "école") == true)
        #expect(matches(#"^\p{L}+$"#, "1") == false)
        #expect(matches(#"^\P{Lu}$"#, "a") == true)
        #expect(matches(#"^\p{digit}+$"#, "٣٣") == true)
        #expect(matches(#"^\p{Script=Greek}$"#, "α") == true)
        #expect(matches(#"^\p{sc=Latn}$"#, "α") == false)
        #expect(matches(#"^\p{scx=Grek}$"#, "α") == true)
        #expect(matches(#"^[\p{Lu}\d]+$"#, "A1") == true)
        #expect(matches(#"^\p{White_Space}$"#, "\u{85}") == true)
        #expect(matches(#"^\p{ASCII}$"#, "é") == false)
        #expect(matches(#"^\p{Any}$"#, "é") == true)
        #expect(matches(#"^\p{Emoji_Presentation}$"#, "😀") == true)
    }

    @Test func groupsQuantifiersAndBackreferences() {
        #expect(matches(#"^(?:ab){2,3}$"#, "ababab") == true)
        #expect(matches(#"^a{2}$"#, "aaa") == false)
        #expect(matches(#"^a{2,}?$"#, "aaa") == true)
        #expect(matches(#"^(['"]).*\1$"#, "'x'") == true)
        #expect(matches(#"^(['"]).*\1$"#, "'x\"") == false)
        #expect(matches(#"^(?<quote>['"]).*\k<quote>$"#, "\"x\"") == true)
        #expect(matches(#"^(?<first_name>a)\k<first_name>$"#, "aa") == true)  // ICU names have no `_`
        #expect(matches(#"^\1(a)$"#, "a") == true)  // a forward reference matches empty
        #expect(matches(#"^(a\1)$"#, "a") == true)
        #expect(matches(#"(?<=\$)\d+"#, "$12") == true)
        #expect(matches(#"(?<!\$)\b\d+"#, "$12") == false)
        #expect(matches(#"^(?=.*\d)(?!.*\s).{8,}$"#, "abcdefg1") == true)
        #expect(matches("^(a|b|)$", "") == true)
    }

    // MARK: Other dialects

    @Test func pythonNamedGroupsAreReadWithAWarning() throws {
        let translation = ECMAPattern.translate(#"^(?P<year>\d{4})-(?P<month>\d{2})-(?P=month)$"#)
        #expect(translation.error == nil)
        #expect(translation.warnings.map(\.position) == [2, 18, 35])
        #expect(translation.warnings[0].message.contains("`(?P<year>…)` is Python's named group"))
        #expect(translation.warnings[2].message.contains("`\\k<month>`"))
        #expect(matches(#"^(?P<year>\d{4})-(?P<month>\d{2})-(?P=month)$"#, "2024-05-05") == true)
        #expect(matches(#"^(?P<year>\d{4})-(?P<month>\d{2})-(?P=month)$"#, "2024-05-06") == false)
    }

    @Test func needlessEscapesAreReadAsLiteralsWithAWarning() {
        let translation = ECMAPattern.translate(#"^[a-z]\-\_\@$"#)
        #expect(translation.error == nil)
        #expect(translation.warnings.count == 3)
        #expect(matches(#"^[a-z]\-\_\@$"#, "a-_@") == true)
        #expect(ECMAPattern.translate(#"^[\w\-.]+$"#).warnings.isEmpty)  // `\-` is valid in a class
        #expect(ECMAPattern.translate("^a{$").warnings.count == 1)
        #expect(matches("^{a}$", "{a}") == true)
    }

    // MARK: Refused, each at its place

    @Test(arguments: [
        (#"(?<=a+)b"#, 1 + 5, "repeats without bound"),
        (#"(?<=a*)b"#, 6, "repeats without bound"),
        ("a**", 3, "nothing to repeat"),
        ("a*+", 3, "nothing to repeat"),
        ("+a", 1, "nothing to repeat"),
        ("^*", 2, "assertion cannot take a quantifier"),
        ("(?=a)*", 6, "assertion cannot take a quantifier"),
        ("[unclosed", 1, "not closed"),
        ("(abc", 1, "missing `)`"),
        ("abc)", 4, "unmatched `)`"),
        ("a{3,1}", 2, "out of order"),
        ("[z-a]", 2, "out of order"),
        (#"[\d-z]"#, 2, "cannot be the end of a range"),
        (#"\Z"#, 1, "write `$`"),
        (#"\A"#, 1, "write `^`"),
        (#"\e"#, 1, "Perl/PCRE"),
        (#"\01"#, 1, "octal"),
        (#"(a)\2"#, 4, "the pattern has 1 capture group"),
        (#"\k<nope>"#, 1, "no group is named"),
        ("(?i)abc", 1, "inline modifiers"),
        ("(?>a)", 1, "atomic"),
        ("(?#note)", 1, "comments"),
        (#"\p{Latin}"#, 1, "not a Unicode property"),
        (#"\p{letter}"#, 1, "not a Unicode property"),
        (#"\cZ\c1"#, 4, "ASCII letter"),
        (#"\x4"#, 1, "two hexadecimal"),
        (#"\u{110000}"#, 1, "beyond U+10FFFF"),
        ("[[:alpha:]]", 2, "POSIX class"),
        ("abc\\", 4, "lone `\\`"),
        (String(repeating: "(", count: 300) + String(repeating: ")", count: 300), 201, "nest deeper than 200"),
        (#"(?<1a>x)"#, 4, "cannot be part of a group name"),
        (#"(a)[\1]"#, 5, "backreferences cannot be in a class"),
        (#"(a)\10"#, 4, "the pattern has 1 capture group"),
    ] as [(String, Int, String)])
    func refusedAtItsPlace(_ pattern: String, _ position: Int, _ fragment: String) throws {
        let translation = ECMAPattern.translate(pattern)
        let error = try #require(translation.error, "\(pattern) → \(translation.icu ?? "")")
        #expect(translation.icu == nil)
        #expect(error.position == position, "\(error.message)")
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func translationIsStable() {
        #expect(ECMAPattern.translate(#"^\d{3}-\w+$"#).icu == #"^[0-9]{3}-[A-Za-z0-9_]+\z"#)
        #expect(ECMAPattern.translate("^[a-z][a-z0-9_]*$").icu == #"^[a-z][a-z0-9_]*\z"#)
        #expect(ECMAPattern.translate(#"^/v1/[\w-]+\.json$"#).icu == #"^/v1/[A-Za-z0-9_\-]+\.json\z"#)
        #expect(ECMAPattern.translate("^[&:#$a-]$").icu == ##"^[\&\:\#\$a\-]\z"##)
        #expect(ECMAPattern.translate("a.b").icu == #"a[^\n\r\x{2028}\x{2029}]b"#)
    }
}

/// The JSON Schema Test Suite's pattern cases (2020-12), each run through the translator and
/// ICU: valid exactly when the pattern matches somewhere in the string.
@Suite struct ECMAPatternSuiteTests {
    /// `JSON_SCHEMA_TEST_SUITE` names another copy of the suite's draft2020-12 folder (the
    /// shared one lacks `optional/`).
    static let suite = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"]
        ?? packageRoot + "/../shared/json-schema-test-suite/draft2020-12"

    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var group: String
        var patterns: [String]
        var text: [String]
        var valid: Bool
        var description: String { "\(file): \(group): \(text)" }
    }

    /// `pattern` on strings, and `patternProperties` with `additionalProperties: false` on
    /// object keys (every key must match one). Cases on other types say nothing about patterns.
    static func cases(in file: String) -> [Case] {
        guard let data = FileManager.default.contents(atPath: suite + "/" + file),
              let groups = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        var result: [Case] = []
        for group in groups {
            guard let schema = group["schema"] as? [String: Any], let tests = group["tests"] as? [[String: Any]] else { continue }
            let description = group["description"] as? String ?? ""
            for test in tests {
                guard let valid = test["valid"] as? Bool else { continue }
                if let pattern = schema["pattern"] as? String, let text = test["data"] as? String {
                    result.append(Case(file: file, group: description, patterns: [pattern], text: [text], valid: valid))
                } else if let properties = schema["patternProperties"] as? [String: Any],
                          schema["additionalProperties"] as? Bool == false, let object = test["data"] as? [String: Any] {
                    result.append(Case(file: file, group: description, patterns: properties.keys.sorted(),
                                       text: object.keys.sorted(), valid: valid))
                }
            }
        }
        return result
    }

    static let all = cases(in: "pattern.json") + cases(in: "optional/ecmascript-regex.json")

    @Test func thePatternFileIsThere() {
        #expect(Self.cases(in: "pattern.json").count >= 4, "expected \(Self.suite)/pattern.json")
    }

    @Test(arguments: all)
    func agreesWithTheSuite(_ testCase: Case) {
        var allMatch = true
        for text in testCase.text {
            var any = false
            for pattern in testCase.patterns where matches(pattern, text) == true { any = true }
            if !any { allMatch = false }
        }
        #expect(allMatch == testCase.valid, "\(testCase)")
    }
}
