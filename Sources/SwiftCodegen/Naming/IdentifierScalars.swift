/// What a Unicode scalar outside ASCII is to a generated name.
///
/// Whether it may appear in an identifier at all is the Swift grammar's decision (The Swift
/// Programming Language, Lexical Structure: identifier-head, identifier-character). Within those
/// ranges only letters, marks and numbers make up words: the grammar also admits punctuation
/// (`·`, `‿`, fullwidth `（`), symbols (`€`, emoji) and invisible characters (Unicode's
/// default-ignorable code points: zero-width joiners, bidirectional overrides, variation
/// selectors), and a name that kept those would read as something other than what it is, or
/// look the same as a different one. They separate words, as ASCII punctuation does.
///
/// Scripts/corpus-examples.py mirrors this (`_role`); a change here changes it there.
enum IdentifierScalars {
    /// The part a scalar plays in splitting text into words.
    enum Role: Equatable {
        case separator
        case upper
        case lower
        /// A decimal digit (Unicode `Nd`): a capital after it starts a word, as after `0`–`9`.
        case digit
        /// A caseless letter (CJK, Arabic, …), a mark, or a number other than a decimal digit.
        case other
    }

    static func role(_ scalar: Unicode.Scalar) -> Role {
        guard isIdentifierCharacter(scalar.value) else { return .separator }
        let properties = scalar.properties
        // Invisible: variation selectors and Hangul fillers are marks and letters by category.
        if properties.isDefaultIgnorableCodePoint { return .separator }
        switch properties.generalCategory {
        case .decimalNumber:
            return .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber, .otherNumber:
            // The derived properties, not the categories: `ª` (Lo) is lowercase, `Ⅳ` (Nl) uppercase.
            return properties.isUppercase ? .upper : properties.isLowercase ? .lower : .other
        default:
            return .separator
        }
    }

    /// Whether an identifier may begin with the scalar (grammar: identifier-head); digits and
    /// the combining marks that may only continue one get a `_` in front.
    static func canStartIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95 }
        return isIdentifierHead(v)
    }

    /// identifier-character: identifier-head, `0`–`9`, and combining marks that may not start one.
    static func isIdentifierCharacter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95 }
        return isIdentifierHead(v) || continuationOnly.contains { $0.contains(v) }
    }

    private static func isIdentifierHead(_ v: UInt32) -> Bool {
        // U+10000–U+1FFFD, U+20000–U+2FFFD, … U+E0000–U+EFFFD: every supplementary plane up to
        // 14 but its last two code points.
        if v >= 0x10000 { return v <= 0xEFFFD && v & 0xFFFF <= 0xFFFD }
        return heads.contains { $0.contains(v) }
    }

    /// identifier-head in the Basic Multilingual Plane above ASCII, as the grammar lists it.
    private static let heads: [ClosedRange<UInt32>] = [
        0xA8...0xA8, 0xAA...0xAA, 0xAD...0xAD, 0xAF...0xAF, 0xB2...0xB5, 0xB7...0xBA,
        0xBC...0xBE, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF,
        0x100...0x2FF, 0x370...0x167F, 0x1681...0x180D, 0x180F...0x1DBF,
        0x1E00...0x1FFF,
        0x200B...0x200D, 0x202A...0x202E, 0x203F...0x2040, 0x2054...0x2054, 0x2060...0x206F,
        0x2070...0x20CF, 0x2100...0x218F, 0x2460...0x24FF, 0x2776...0x2793,
        0x2C00...0x2DFF, 0x2E80...0x2FFF,
        0x3004...0x3007, 0x3021...0x302F, 0x3031...0x303F, 0x3040...0xD7FF,
        0xF900...0xFD3D, 0xFD40...0xFDCF, 0xFDF0...0xFE1F, 0xFE30...0xFE44,
        0xFE47...0xFFFD,
    ]

    /// identifier-character beyond identifier-head and the digits.
    private static let continuationOnly: [ClosedRange<UInt32>] = [
        0x300...0x36F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
    ]
}
