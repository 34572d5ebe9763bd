/// The names ECMA-262 accepts in `\p{…}` with the u flag, mapped to names ICU reads the same
/// way. ECMA-262 matches them exactly (case-sensitive, no loose matching), where ICU would
/// also take `\p{letter}` or `\p{Latin}`, so the check is made here.
enum UnicodePropertyNames {
    /// The ICU text inside `\p{…}` for an ECMA-262 property expression, nil when ECMA-262
    /// does not accept it.
    static func icuProperty(_ text: String) -> String? {
        if let equals = text.firstIndex(of: "=") {
            let name = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            switch name {
            case "General_Category", "gc":
                return generalCategories[value]
            case "Script", "sc", "Script_Extensions", "scx":
                // Script values are many and grow with Unicode; ICU checks them when the
                // translated pattern is compiled.
                guard !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") })
                else { return nil }
                return (name.hasPrefix("Script_") || name == "scx" ? "Script_Extensions=" : "Script=") + value
            default:
                return nil
            }
        }
        return generalCategories[text] ?? binaryProperties[text]
    }

    /// General_Category values and their aliases (PropertyValueAliases.txt), each mapped to
    /// its short name.
    static let generalCategories: [String: String] = {
        let groups: [[String]] = [
            ["C", "Other"], ["Cc", "Control", "cntrl"], ["Cf", "Format"], ["Cn", "Unassigned"], ["Co", "Private_Use"],
            ["Cs", "Surrogate"], ["L", "Letter"], ["LC", "Cased_Letter"], ["Ll", "Lowercase_Letter"], ["Lm", "Modifier_Letter"],
            ["Lo", "Other_Letter"], ["Lt", "Titlecase_Letter"], ["Lu", "Uppercase_Letter"], ["M", "Mark", "Combining_Mark"],
            ["Mc", "Spacing_Mark"], ["Me", "Enclosing_Mark"], ["Mn", "Nonspacing_Mark"], ["N", "Number"],
            ["Nd", "Decimal_Number", "digit"], ["Nl", "Letter_Number"], ["No", "Other_Number"], ["P", "Punctuation", "punct"],
            ["Pc", "Connector_Punctuation"], ["Pd", "Dash_Punctuation"], ["Pe", "Close_Punctuation"], ["Pf", "Final_Punctuation"],
            ["Pi", "Initial_Punctuation"], ["Po", "Other_Punctuation"], ["Ps", "Open_Punctuation"], ["S", "Symbol"],
            ["Sc", "Currency_Symbol"], ["Sk", "Modifier_Symbol"], ["Sm", "Math_Symbol"], ["So", "Other_Symbol"],
            ["Z", "Separator"], ["Zl", "Line_Separator"], ["Zp", "Paragraph_Separator"], ["Zs", "Space_Separator"],
        ]
        var table: [String: String] = [:]
        for group in groups { for name in group { table[name] = group[0] } }
        return table
    }()

    /// ECMA-262's binary properties (table-binary-unicode-properties) with their aliases,
    /// each mapped to its long name.
    static let binaryProperties: [String: String] = {
        let groups: [[String]] = [
            ["ASCII"], ["ASCII_Hex_Digit", "AHex"], ["Alphabetic", "Alpha"], ["Any"], ["Assigned"],
            ["Bidi_Control", "Bidi_C"], ["Bidi_Mirrored", "Bidi_M"], ["Case_Ignorable", "CI"], ["Cased"],
            ["Changes_When_Casefolded", "CWCF"], ["Changes_When_Casemapped", "CWCM"], ["Changes_When_Lowercased", "CWL"],
            ["Changes_When_NFKC_Casefolded", "CWKCF"], ["Changes_When_Titlecased", "CWT"], ["Changes_When_Uppercased", "CWU"],
            ["Dash"], ["Default_Ignorable_Code_Point", "DI"], ["Deprecated", "Dep"], ["Diacritic", "Dia"], ["Emoji"],
            ["Emoji_Component", "EComp"], ["Emoji_Modifier", "EMod"], ["Emoji_Modifier_Base", "EBase"],
            ["Emoji_Presentation", "EPres"], ["Extended_Pictographic", "ExtPict"], ["Extender", "Ext"],
            ["Grapheme_Base", "Gr_Base"], ["Grapheme_Extend", "Gr_Ext"], ["Hex_Digit", "Hex"],
            ["IDS_Binary_Operator", "IDSB"], ["IDS_Trinary_Operator", "IDST"], ["ID_Continue", "IDC"], ["ID_Start", "IDS"],
            ["Ideographic", "Ideo"], ["Join_Control", "Join_C"], ["Logical_Order_Exception", "LOE"], ["Lowercase", "Lower"],
            ["Math"], ["Noncharacter_Code_Point", "NChar"], ["Pattern_Syntax", "Pat_Syn"], ["Pattern_White_Space", "Pat_WS"],
            ["Quotation_Mark", "QMark"], ["Radical"], ["Regional_Indicator", "RI"], ["Sentence_Terminal", "STerm"],
            ["Soft_Dotted", "SD"], ["Terminal_Punctuation", "Term"], ["Unified_Ideograph", "UIdeo"], ["Uppercase", "Upper"],
            ["Variation_Selector", "VS"], ["White_Space", "space"], ["XID_Continue", "XIDC"], ["XID_Start", "XIDS"],
        ]
        var table: [String: String] = [:]
        for group in groups { for name in group { table[name] = group[0] } }
        return table
    }()
}
