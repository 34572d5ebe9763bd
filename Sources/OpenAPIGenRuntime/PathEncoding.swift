/// Text for path parameters.
public enum PathEncoding {
    /// `value` escaped for use as one path segment.
    ///
    /// Everything outside RFC 3986 unreserved characters and sub-delimiters is escaped, and
    /// `/` as well because it would start a new segment; `%`, `?`, `#`, space and non-ASCII
    /// text therefore always arrive as data.
    public static func segment(_ value: some ParameterValue) -> String {
        PercentEncoding.encode(value.parameterText) {
            PercentEncoding.isUnreserved($0) || PercentEncoding.isSubDelimiter($0)
        }
    }

    /// A scalar path parameter in `style`: `simple` gives `a`, `label` gives `.a`, `matrix`
    /// gives `;name=a` (`;name` for an empty value, as RFC 6570 specifies).
    ///
    /// Unlike ``segment(_:)`` this escapes everything but unreserved characters, as RFC 6570
    /// expansion does, because `,`, `;` and `=` are delimiters in these styles. Query-only
    /// styles are treated as `simple`. `explode` does not change a scalar.
    public static func render(
        name: String, value: some ParameterValue, style: ParameterStyle, explode: Bool
    ) -> String {
        let text = escape(value.parameterText)
        switch style {
        case .label:
            return "." + text
        case .matrix:
            return ";" + escape(name) + (text.isEmpty ? "" : "=" + text)
        case .simple, .form, .spaceDelimited, .pipeDelimited, .deepObject:
            return text
        }
    }

    /// An array path parameter in `style`.
    ///
    /// For `[a, b]`: `simple` gives `a,b`; `label` gives `.a,b` or, exploded, `.a.b`; `matrix`
    /// gives `;name=a,b` or, exploded, `;name=a;name=b`. An empty array renders as nothing,
    /// as RFC 6570 treats an empty list as undefined. Query-only styles are treated as
    /// `simple`.
    public static func render(
        name: String, values: [some ParameterValue], style: ParameterStyle, explode: Bool
    ) -> String {
        guard !values.isEmpty else { return "" }
        let texts = values.map { escape($0.parameterText) }
        switch style {
        case .label:
            return "." + texts.joined(separator: explode ? "." : ",")
        case .matrix:
            let prefix = ";" + escape(name)
            guard explode else { return prefix + "=" + texts.joined(separator: ",") }
            return texts.map { prefix + ($0.isEmpty ? "" : "=" + $0) }.joined()
        case .simple, .form, .spaceDelimited, .pipeDelimited, .deepObject:
            return texts.joined(separator: ",")
        }
    }

    private static func escape(_ text: String) -> String {
        PercentEncoding.encode(text, allowing: PercentEncoding.isUnreserved)
    }
}
