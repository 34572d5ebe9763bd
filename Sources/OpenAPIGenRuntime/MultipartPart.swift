import Foundation

/// One part of a `multipart/*` body (RFC 2046): its header fields and its bytes.
public struct MultipartPart: Sendable, Hashable {
    /// The part's header fields, as sent (`Content-Type`, `Content-Disposition`, …).
    public var headers: HTTPFields
    /// The part's content, without the line break that precedes the next delimiter.
    public var body: Data

    /// A part with `headers` and `body`.
    public init(headers: HTTPFields = HTTPFields(), body: Data) {
        self.headers = headers
        self.body = body
    }

    /// A part with only a `Content-Type` (when given) and `body`.
    public init(contentType: String?, body: Data) {
        var headers = HTTPFields()
        if let contentType { headers.append("Content-Type", contentType) }
        self.init(headers: headers, body: body)
    }

    /// The part's `Content-Type`, when it has one (RFC 2046 reads a part without one as `text/plain`).
    public var contentType: String? { headers["Content-Type"] }

    /// The `name` parameter of its `Content-Disposition` (a `multipart/form-data` field's name).
    public var name: String? { dispositionParameter("name") }

    /// The `filename` parameter of its `Content-Disposition`.
    public var filename: String? { dispositionParameter("filename") }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// A parameter of `Content-Disposition`, unquoted (`form-data; name="a\"b"` gives `a"b`).
    private func dispositionParameter(_ wanted: String) -> String? {
        guard let disposition = headers["Content-Disposition"] else { return nil }
        return MediaTypeParameters.value(of: wanted, in: disposition)
    }
}

/// Reads the `; name=value` parameters of a header value such as a media type or a
/// `Content-Disposition` (RFC 9110 section 5.6.6: tokens or quoted strings).
enum MediaTypeParameters {
    /// The value of parameter `name` (case-insensitive), unquoted; nil when absent.
    static func value(of name: String, in header: String) -> String? {
        let scalars = Array(header.unicodeScalars)
        var i = 0
        // Skip the leading value (`multipart/mixed`, `form-data`).
        while i < scalars.count, scalars[i] != ";" {
            if scalars[i] == "\"" { i = skipQuoted(scalars, from: i).end } else { i += 1 }
        }
        while i < scalars.count {
            i += 1  // the `;`
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var key = ""
            while i < scalars.count, scalars[i] != "=", scalars[i] != ";" {
                key.unicodeScalars.append(scalars[i])
                i += 1
            }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                if i < scalars.count, scalars[i] == "\"" {
                    let quoted = skipQuoted(scalars, from: i)
                    value = quoted.text
                    i = quoted.end
                    while i < scalars.count, scalars[i] != ";" { i += 1 }
                } else {
                    while i < scalars.count, scalars[i] != ";" {
                        value.unicodeScalars.append(scalars[i])
                        i += 1
                    }
                    value = value.trimmingCharacters(in: .whitespaces)
                }
            }
            if key.trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() { return value }
        }
        return nil
    }

    /// The text of the quoted string starting at `start` (backslash escapes undone) and the index after it.
    private static func skipQuoted(_ scalars: [Unicode.Scalar], from start: Int) -> (text: String, end: Int) {
        var text = ""
        var i = start + 1
        while i < scalars.count, scalars[i] != "\"" {
            if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
            text.unicodeScalars.append(scalars[i])
            i += 1
        }
        return (text, min(i + 1, scalars.count))
    }
}
