/// An OpenAPI / JSON Schema `pattern`, which is an ECMA-262 regular expression with the `u`
/// flag, rewritten for ICU (`NSRegularExpression`), which generated code runs.
///
/// The two dialects share a syntax but not its meaning: in ICU `\d`, `\w`, `\s` and `\b` are
/// Unicode-aware, `$` also matches before a final line break, `.` excludes U+0085, and names
/// such as `\p{Latin}` are read loosely. The translation spells out ECMA-262's meaning with
/// constructs both agree on (`\d` → `[0-9]`, `$` → `\z`, …), so that a value passes in Swift
/// exactly when it passes in JavaScript. Patterns written for another dialect whose intent is
/// clear (Python's `(?P<name>…)`, `\-` outside a class) are read that way with a warning; what
/// has no ECMA-262 meaning, or no ICU equivalent, is an error rather than a guess.
///
/// Known differences that remain: a backreference to a group that did not take part in the
/// match matches the empty string in ECMA-262 and fails in ICU; `Script=` values are checked
/// by ICU, which accepts spellings ECMA-262 refuses.
public enum ECMAPattern {
    /// Translates `source`; pure and deterministic, so lint and generation agree.
    public static func translate(_ source: String) -> ECMAPatternTranslation {
        var parser = ECMAPatternParser(source)
        return parser.translate()
    }
}

/// What ``ECMAPattern/translate(_:)`` made of a pattern.
public struct ECMAPatternTranslation: Sendable, Equatable {
    /// A problem at a place in the pattern.
    public struct Note: Sendable, Equatable {
        public var message: String
        /// 1-based, in Unicode scalars from the start of the pattern.
        public var position: Int
        public init(message: String, position: Int) {
            self.message = message
            self.position = position
        }
    }

    /// The ICU pattern; nil when ``error`` is set.
    public var icu: String?
    /// Readings of constructs ECMA-262 does not allow but whose intent is clear.
    public var warnings: [Note]
    /// Why the pattern cannot be translated.
    public var error: Note?
}
