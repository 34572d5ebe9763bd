import OpenAPIModel

/// Doc comments from the spec's titles and descriptions: the spec's prose is the generated API's
/// documentation.
enum DocComments {
    /// The description, else a title that says more than the name it labels (FastAPI titles
    /// repeat the property name: `seed_domains` titled "Seed Domains" adds nothing).
    static func lines(for schema: Schema?, name: String? = nil, fallback: String? = nil) -> [String] {
        var text = schema?.description
        if text == nil || text!.isEmpty, let title = schema?.title, !isEcho(title, of: name) { text = title }
        if text == nil || text!.isEmpty { text = fallback }
        var lines = split(text)
        if schema?.deprecated == true {
            if !lines.isEmpty { lines.append("") }
            lines.append("- Warning: Deprecated in the spec.")
        }
        return lines
    }

    static func split(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // Bytes, not Characters: a large spec has megabytes of descriptions. \r\n and \r become \n.
        var bytes = Array(text.utf8)
        if bytes.contains(13) {
            var normalized: [UInt8] = []
            normalized.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 13 {
                    normalized.append(10)
                    if i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
                } else {
                    normalized.append(bytes[i])
                }
                i += 1
            }
            bytes = normalized
        }
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingTrailingWhitespace
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        // A doc comment line must not end the comment early or start a nested one.
        return lines.map { $0.utf8.contains(42) ? $0.replacingAll("*/", with: "* /") : $0 }
    }

    private static func isEcho(_ title: String, of name: String?) -> Bool {
        guard let name else { return false }
        let a = SwiftNames.words(title).map { $0.lowercased() }
        let b = SwiftNames.words(name).map { $0.lowercased() }
        return a == b
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
