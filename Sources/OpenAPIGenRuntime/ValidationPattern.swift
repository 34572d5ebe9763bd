import Foundation

/// A compiled OpenAPI `pattern` (an ECMA-262 regular expression).
///
/// Compile each pattern once, for example in a `static let`, and reuse it: compiling is far
/// more expensive than matching.
public struct ValidationPattern: Sendable {
    /// The pattern as written in the document.
    public let source: String

    private let compiled: CompiledExpression

    /// Compiles `source` as ICU reads it, with one correction.
    ///
    /// Generated code uses ``init(_:icu:)`` instead, whose ICU text the generator translated
    /// from ECMA-262 exactly (`\d`, `\w`, `\s`, `\b`, `.` and `$` mean different things in
    /// ICU). Here the expression is run by `NSRegularExpression` as written, which agrees with
    /// ECMA-262 for ASCII input and the common patterns. An unanchored `$` is translated to `\z` because in
    /// ICU it also matches before a final line break, which would let `"ABC\n"` pass `^[A-Z]+$`.
    /// A pattern ICU cannot compile matches everything: the server still enforces it, and
    /// refusing every request over a dialect difference would be worse.
    public init(_ source: String) {
        self.source = source
        compiled = CompiledExpression(
            try? NSRegularExpression(pattern: Self.translatingEndAnchors(source)))
    }

    /// A pattern already translated for ICU, as generated code writes it: `source` is the
    /// spec's ECMA-262 text (for messages), `icu` the equivalent that runs
    /// (`^\d$` → `^[0-9]\z`). The generator has compiled `icu` once, so it compiles here.
    public init(_ source: String, icu: String) {
        self.source = source
        compiled = CompiledExpression(try? NSRegularExpression(pattern: icu))
    }

    /// Whether `text` contains a match anywhere; like ECMA-262 `pattern`, matching is not
    /// implicitly anchored.
    public func matches(_ text: String) -> Bool {
        guard let expression = compiled.expression else { return true }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    /// Replaces `$` outside character classes and escapes with `\z`.
    private static func translatingEndAnchors(_ source: String) -> String {
        var result = ""
        var inClass = false
        var escaped = false
        for character in source {
            if escaped {
                escaped = false
                result.append(character)
                continue
            }
            switch character {
            case "\\":
                escaped = true
                result.append(character)
            case "[" where !inClass:
                inClass = true
                result.append(character)
            case "]" where inClass:
                inClass = false
                result.append(character)
            case "$" where !inClass:
                result += "\\z"
            default:
                result.append(character)
            }
        }
        return result
    }
}

/// Holds the compiled expression so `ValidationPattern` can be `Sendable`.
///
/// `@unchecked` is sound: the reference is immutable after `init`, and `NSRegularExpression`
/// is documented as immutable and safe to use from several threads at once.
private final class CompiledExpression: @unchecked Sendable {
    let expression: NSRegularExpression?

    init(_ expression: NSRegularExpression?) {
        self.expression = expression
    }
}
