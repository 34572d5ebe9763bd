import Foundation

extension MultipartFormData {
    /// Parses a `multipart/form-data` body (RFC 7578) sent with `contentType`, keeping its
    /// boundary, so that what ``encoded()`` wrote reads back as the same value; nil when the
    /// content type has no boundary or the body is not framed by it.
    public static func parse(_ data: Data, contentType: String) -> MultipartFormData? {
        guard let boundary = parameter("boundary", of: contentType), !boundary.isEmpty else { return nil }
        let bytes = [UInt8](data)
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        guard var position = find(delimiter, in: bytes, from: 0) else { return nil }
        while true {
            position += delimiter.count
            // `--` after the delimiter closes the body.
            if bytes[position...].starts(with: Array("--".utf8)) { return MultipartFormData(parts: parts, boundary: boundary) }
            guard bytes[position...].starts(with: Array("\r\n".utf8)) else { return nil }
            position += 2
            guard let headEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: position),
                  let next = find(Array("\r\n".utf8) + delimiter, in: bytes, from: headEnd + 4) else { return nil }
            let head = String(decoding: bytes[position..<headEnd], as: UTF8.self)
            var name: String?
            var filename: String?
            var type: String?
            for line in head.components(separatedBy: "\r\n") {
                let pieces = line.split(separator: ":", maxSplits: 1)
                guard pieces.count == 2 else { continue }
                let value = pieces[1].trimmingCharacters(in: .whitespaces)
                switch pieces[0].lowercased() {
                case "content-disposition":
                    name = parameter("name", of: value)
                    filename = parameter("filename", of: value)
                case "content-type":
                    type = value
                default:
                    break
                }
            }
            guard let name else { return nil }
            parts.append(Part(name: name, filename: filename, contentType: type, data: Data(bytes[(headEnd + 4)..<next])))
            position = next + 2
        }
    }

    /// The value of `name=` in a header value's `;`-separated parameters, unquoted.
    static func parameter(_ name: String, of value: String) -> String? {
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard rest.lowercased().hasPrefix(name.lowercased() + "=") else { continue }
            let text = rest.dropFirst(name.count + 1)
            guard text.first == "\"" else { return String(text.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces) }
            var out = ""
            var escaped = false
            for c in text.dropFirst() {
                if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { return out } else { out.append(c) }
            }
            return nil
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var i = start
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
