#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks raw bytes before libyaml sees them, and rewrites the one JSON construct libyaml rejects.
///
/// libyaml's own messages for binary or mis-encoded input ("control characters are not allowed",
/// "invalid leading UTF-8 octet") are correct but cryptic; saying what the file is helps more.
struct PreparedInput {
    var bytes: [UInt8]
    /// Column corrections for lines where a rewrite shortened the text, keyed by 0-based line:
    /// characters at or after `column` (in the rewritten text) stood `delta` columns further right.
    var columnShifts: [UInt32: [(column: UInt32, delta: UInt32)]] = [:]

    func correctedColumn(line: UInt32, column: UInt32) -> UInt32 {
        guard let shifts = columnShifts[line] else { return column }
        var result = column
        for shift in shifts where column >= shift.column { result += shift.delta }
        return result
    }
}

enum InputPreparation {
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))
    }

    /// Refuses binary and mis-encoded input with a message that says so.
    static func check(_ bytes: [UInt8], file: SourceFileID) throws(Diagnostic) {
        if !isUTF16(bytes) {
            if let nul = firstNUL(bytes) {
                throw .error(
                    "binary data (a NUL byte) where YAML or JSON text was expected; is this an OpenAPI document?",
                    at: location(ofByte: nul, in: bytes, file: file))
            }
            if let bad = firstInvalidUTF8(bytes) {
                let hex = String(bytes[bad], radix: 16, uppercase: true)
                throw .error(
                    "the file is not UTF-8 text (byte 0x\(hex) cannot start or continue a UTF-8 character); save it as UTF-8",
                    at: location(ofByte: bad, in: bytes, file: file))
            }
        }
    }

    /// The text libyaml is to read: checked input, with JSON's surrogate escapes rewritten.
    static func prepare(_ bytes: [UInt8]) -> PreparedInput {
        var input = PreparedInput(bytes: bytes)
        if !isUTF16(bytes), looksLikeJSON(bytes), containsSurrogateEscape(bytes) {
            rewriteSurrogateEscapes(&input)
        }
        return input
    }

    /// The 1-based location of a byte offset, counting columns in characters as libyaml does.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: SourceFileID) -> SourceLocation {
        var line: UInt32 = 1
        var column: UInt32 = 1
        var i = 0
        while i < offset && i < bytes.count {
            let b = bytes[i]
            let breakLength = lineBreakLength(bytes, at: i)
            if breakLength > 0 {
                line += 1
                column = 1
                i += breakLength
                continue
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// `memchr` scans many bytes per instruction; these checks run over every byte of every file.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < n {
            // Eight ASCII bytes at a time: documents are almost entirely ASCII.
            if let raw, i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let width: Int
            if b & 0xE0 == 0xC0 && b >= 0xC2 { width = 2 }
            else if b & 0xF0 == 0xE0 { width = 3 }
            else if b & 0xF8 == 0xF0 && b <= 0xF4 { width = 4 }
            else { return i }
            if i + width > n { return i }
            for k in 1..<width where bytes[i + k] & 0xC0 != 0x80 { return i + k }
            i += width
        }
        return nil
    }

    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 97 && b <= 102) || (b >= 65 && b <= 70)
    }

    private static func hexValue(_ bytes: [UInt8], _ at: Int) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = bytes[at + k]
            guard isHex(b) else { return nil }
            v = v * 16 + UInt32(b <= 57 ? b - 48 : (b | 0x20) - 87)
        }
        return v
    }

    private static func containsSurrogateEscape(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            var i = 0
            let n = buffer.count
            while i + 5 < n {
                // Jump from backslash to backslash; most of a JSON file has none.
                guard let found = memchr(base + i, Int32(UInt8(ascii: "\\")), n - 5 - i) else { return false }
                i = base.distance(to: UnsafeRawPointer(found))
                if bytes[i + 1] == UInt8(ascii: "u"), let v = hexValue(bytes, i + 2), (0xD800...0xDFFF).contains(v) {
                    return true
                }
                i += 2
            }
            return false
        }
    }

    /// JSON writes characters outside the Basic Multilingual Plane as UTF-16 surrogate pairs
    /// (`\ud83d\udc4d`); YAML's `\u` takes only scalar values, so libyaml refuses them. A pair
    /// becomes YAML's 8-digit `\U0001F44D`, two characters shorter, which `columnShifts` records
    /// so that later columns on the line still point at the original text. A lone surrogate
    /// becomes U+FFFD, the replacement character, at the same width.
    private static func rewriteSurrogateEscapes(_ input: inout PreparedInput) {
        let src = input.bytes
        var out: [UInt8] = []
        out.reserveCapacity(src.count)
        var line: UInt32 = 0
        var column: UInt32 = 0
        var i = 0
        let n = src.count
        func emit(_ s: String) {
            out.append(contentsOf: s.utf8)
            column += UInt32(s.utf8.count)
        }
        while i < n {
            let b = src[i]
            if b == UInt8(ascii: "\\"), i + 1 < n {
                if src[i + 1] == UInt8(ascii: "u"), let v = hexValue(src, i + 2), (0xD800...0xDFFF).contains(v) {
                    if v < 0xDC00, i + 11 < n, src[i + 6] == UInt8(ascii: "\\"), src[i + 7] == UInt8(ascii: "u"),
                        let low = hexValue(src, i + 8), (0xDC00...0xDFFF).contains(low)
                    {
                        let scalar = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        let hex = String(scalar, radix: 16, uppercase: true)
                        emit("\\U" + String(repeating: "0", count: 8 - hex.count) + hex)
                        // Recorded after the escape: only text to its right has moved.
                        input.columnShifts[line, default: []].append((column: column, delta: 2))
                        i += 12
                    } else {
                        emit("\\uFFFD")
                        i += 6
                    }
                    continue
                }
                // Any other escape, including `\\`, passes through whole so that an escaped
                // backslash before a `u` is never mistaken for the start of an escape.
                out.append(b)
                out.append(src[i + 1])
                column += 2
                i += 2
                continue
            }
            let breakLength = lineBreakLength(src, at: i)
            if breakLength > 0 {
                out.append(contentsOf: src[i..<i + breakLength])
                line += 1
                column = 0
                i += breakLength
                continue
            }
            out.append(b)
            if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        input.bytes = out
    }

    /// The length of the line break starting at `i`, or 0: libyaml ends a line at LF, CR, CR LF,
    /// NEL (U+0085), LS (U+2028) and PS (U+2029), and lines must be counted as it counts them
    /// for locations to agree.
    static func lineBreakLength(_ bytes: [UInt8], at i: Int) -> Int {
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }
}
