/// Text for header parameters, which OpenAPI always writes in `simple` style.
public enum HeaderEncoding {
    /// `value` as a header value.
    ///
    /// Carriage returns, line feeds and NUL become spaces: a header value cannot contain them,
    /// and passing them on would let a parameter value forge additional header fields.
    public static func text(_ value: some ParameterValue) -> String {
        sanitize(value.parameterText)
    }

    /// `values` joined with commas (`a,b,c`).
    public static func text(_ values: [some ParameterValue]) -> String {
        sanitize(values.map(\.parameterText).joined(separator: ","))
    }

    private static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isForbidden(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\n" || scalar == "\0"
    }
}

extension HeaderEncoding {
    /// A cookie value: everything outside RFC 3986's unreserved characters is percent-encoded,
    /// so a value can't end its cookie (`;`), start another (`a; admin=1`) or break the header.
    public static func cookie(_ value: some ParameterValue) -> String {
        PercentEncoding.encode(value.parameterText, allowing: PercentEncoding.isUnreserved)
    }
}
