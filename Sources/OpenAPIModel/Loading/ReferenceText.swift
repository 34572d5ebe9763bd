import Foundation

/// A `$ref` string split into the file it names and the JSON pointer inside that file.
struct ReferenceText: Sendable {
    /// The file part, percent-decoded; empty for a reference within the same file.
    var filePath: String
    /// The pointer after `#`, percent-decoded; the whole file when absent or empty.
    var pointer: JSONPointer

    /// Splits and checks a `$ref`. The error is a message for the reader, to be reported at the
    /// reference.
    static func parse(_ text: String) -> Result<ReferenceText, ReferenceTextError> {
        if text.isEmpty { return .failure(.init(message: "`$ref` is empty")) }
        let filePart: Substring
        let fragment: Substring?
        if let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) {
            filePart = text[..<hash]
            fragment = text[text.utf8.index(after: hash)...]
        } else {
            filePart = text[...]
            fragment = nil
        }
        if let scheme = uriScheme(filePart) {
            if scheme == "http" || scheme == "https" {
                return .failure(.init(message:
                    "remote references are not supported; download the file and refer to it by a relative path (`\(text)`)"))
            }
            return .failure(.init(message:
                "unsupported reference `\(text)`: only relative file paths and `#/...` JSON pointers are supported"))
        }
        var pointer = JSONPointer.root
        if let fragment, !fragment.isEmpty {
            let decoded = percentDecoded(fragment)
            guard decoded.hasPrefix("/") else {
                return .failure(.init(message:
                    "`\(text)` is not a JSON pointer: after `#` a reference needs a path such as `#/components/schemas/Name` (or, in a schema, the name of an `$anchor`)"))
            }
            pointer = PointerText.parse(decoded)
        }
        return .success(ReferenceText(filePath: percentDecoded(filePart), pointer: pointer))
    }

    /// `http` for `http://…`; nil for a path. One-letter schemes are treated as paths so that a
    /// Windows drive letter is not mistaken for a URI.
    private static func uriScheme(_ text: Substring) -> String? {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = text[..<colon]
        guard scheme.count >= 2, let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }

    private static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
    }
}

struct ReferenceTextError: Error, Sendable {
    var message: String
}
