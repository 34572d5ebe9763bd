/// ECMA-262's character sets and assertions written out in ICU syntax that means the same.
enum ECMASets {
    /// `.` without the s flag: any code point but the line terminators LF, CR, U+2028 and
    /// U+2029 (ICU's `.` also excludes U+0085, which ECMA-262 matches).
    static let dot = #"[^\n\r\x{2028}\x{2029}]"#

    /// `[^]`: any code point at all.
    static let anyScalar = #"[\x{0}-\x{10FFFF}]"#

    /// `\w` without the i flag: ASCII letters, digits and `_` (ICU's is Unicode-aware).
    static let wordItems = "A-Za-z0-9_"

    /// `\s`: ECMA-262's WhiteSpace (TAB, VT, FF, ZWNBSP and every `Zs` code point) and
    /// LineTerminator (LF, CR, U+2028, U+2029). ICU's `\s` adds U+0085 and leaves out U+FEFF.
    static let spaceItems = #"\t\n\x{B}\f\r\p{Zs}\x{2028}\x{2029}\x{FEFF}"#

    /// `\b` on ECMA-262's ASCII word characters (ICU's skips combining marks and is Unicode-aware).
    static let wordBoundary = "(?:(?<=[\(wordItems)])(?![\(wordItems)])|(?<![\(wordItems)])(?=[\(wordItems)]))"
    static let notWordBoundary = "(?:(?<=[\(wordItems)])(?=[\(wordItems)])|(?<![\(wordItems)])(?![\(wordItems)]))"

    /// `\d`, `\D`, `\w`, `\W`, `\s` or `\S`: a set of its own, or inside a class the items
    /// to add to it (ICU reads a set nested in a class as a union).
    static func classEscape(_ letter: Unicode.Scalar, inClass: Bool) -> String {
        let items: String
        switch letter {
        case "d", "D": items = "0-9"
        case "w", "W": items = wordItems
        default: items = spaceItems
        }
        let negated = letter.properties.isUppercase
        if inClass, !negated { return items }
        return "[" + (negated ? "^" : "") + items + "]"
    }

    /// Characters ICU gives a meaning of its own outside a class, and inside one (`&` and `-`
    /// are set operators there, `{` starts a string, `$` and `#` are reserved in its set syntax).
    private static let specialOutside: Set<Unicode.Scalar> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]
    private static let specialInside: Set<Unicode.Scalar> = ["\\", "^", "-", "[", "]", "&", "$", "{", "}", "#", ":"]

    /// One code point as an ICU literal: printable ASCII as it is unless ICU would read it
    /// as syntax, then escaped with `\` (which ICU reads as the character itself); other
    /// letters as they are; anything else as `\x{…}`.
    static func literal(_ scalar: Unicode.Scalar, inClass: Bool) -> String {
        let value = scalar.value
        if scalar.isASCII {
            if value > 0x20, value < 0x7F {
                return (inClass ? specialInside : specialOutside).contains(scalar) ? "\\" + String(scalar) : String(scalar)
            }
            if scalar == " ", !inClass { return " " }
        } else if scalar.properties.isAlphabetic, !scalar.properties.generalCategory.isMark {
            return String(scalar)
        }
        return "\\x{" + String(value, radix: 16, uppercase: true) + "}"
    }
}

private extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
