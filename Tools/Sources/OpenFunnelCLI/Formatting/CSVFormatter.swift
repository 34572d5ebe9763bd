/// CSV as RFC 4180 writes it: records end in CRLF; a field containing a comma, a double quote,
/// CR or LF is enclosed in double quotes, with its double quotes doubled. A missing value is an
/// empty field.
public enum CSVFormatter {
    /// One field, quoted when it has to be.
    public static func field(_ value: String?) -> String {
        guard let value else { return "" }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, CRLF included.
    public static func record(_ values: [String?]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }
}
