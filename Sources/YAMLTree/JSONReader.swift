#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads JSON straight into the tree, without libyaml.
///
/// JSON is YAML's flow style, and libyaml reads it as it reads any YAML, a character at a time
/// through several layers; large OpenAPI documents are often JSON. This reader takes exactly
/// the JSON that libyaml reads without complaint and builds, through the same ``TreeBuilder``,
/// the tree libyaml's events build: the same nodes, texts, styles and places. Everything else
/// it declines, before or after starting, and the document then goes to libyaml: anything
/// unusual (a tab outside the document, a byte order mark, a trailing comma, a YAML-only
/// escape) and every problem libyaml or the builder would report, so that diagnostics keep
/// coming from one place.
enum JSONReader {
    /// The root, or nil when libyaml is to read the document (the arena is then as before).
    static func read(_ bytes: [UInt8], file: SourceFileID, options: YAMLParser.Options, into arena: YAMLArena) -> NodeRef? {
        let mark = arena.storage.pointee.mark
        var builder = TreeBuilder(file: file, input: PreparedInput(bytes: bytes), options: options, arena: arena)
        defer { builder.releaseScratch() }
        let root = bytes.withUnsafeBufferPointer { buffer -> UInt32? in
            guard let base = buffer.baseAddress else { return nil }
            var reader = Reader(p: base, n: buffer.count)
            defer { reader.scratch.release() }
            return try? reader.run(&builder)
        }
        guard let root else {
            arena.storage.pointee.truncate(to: mark)
            return nil
        }
        return arena.node(root)
    }
}

/// Declines the document: libyaml reads it instead.
private struct Decline: Error {}

private struct Reader {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0
    /// 1-based, as the builder takes them.
    var line: UInt32 = 1
    var lineStart = 0
    /// UTF-8 continuation bytes on the current line before `i`: libyaml counts columns in
    /// characters.
    var lineContinuations = 0
    /// Unescaped text of a string with escapes.
    var scratch = RawBuffer<UInt8>()

    init(p: UnsafePointer<UInt8>, n: Int) {
        self.p = p
        self.n = n
    }

    var column: UInt32 { UInt32(truncatingIfNeeded: i - lineStart - lineContinuations + 1) }

    /// Keys longer than this (in characters, to the `:`) stop being keys for libyaml, which
    /// then reports the mapping as broken; so do keys whose `:` is on a later line.
    static let maxKeyLength = 1024

    mutating func run(_ builder: inout TreeBuilder) throws -> UInt32 {
        try builder.checkCapacity()
        // A byte order mark, which libyaml skips, is left to libyaml.
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { throw Decline() }
        try skipSpace(outside: true)
        guard i < n, p[i] == UInt8(ascii: "{") || p[i] == UInt8(ascii: "[") else { throw Decline() }
        var containers: [Bool] = []  // true for a mapping
        containers.reserveCapacity(64)
        try open(&containers, &builder)
        var justOpened = true
        while let isMapping = containers.last {
            try skipSpace(outside: false)
            guard i < n else { throw Decline() }
            let closing = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if p[i] == closing {
                // `[1,]` is YAML but not JSON; libyaml takes it, this reader leaves it to libyaml.
                guard justOpened || !afterComma else { throw Decline() }
                i += 1
                containers.removeLast()
                try builder.close()
                justOpened = false
                afterComma = false
                continue
            }
            if !justOpened {
                guard p[i] == UInt8(ascii: ",") else { throw Decline() }
                i += 1
                afterComma = true
                try skipSpace(outside: false)
                guard i < n else { throw Decline() }
                if p[i] == closing { continue }
            }
            afterComma = false
            if isMapping {
                guard p[i] == UInt8(ascii: "\"") else { throw Decline() }
                let keyLine = line, keyStart = i, keyContinuations = lineContinuations
                try string(&builder)
                try skipSpace(outside: false)
                guard i < n, p[i] == UInt8(ascii: ":"), line == keyLine,
                      (i - keyStart) - (lineContinuations - keyContinuations) <= Self.maxKeyLength
                else { throw Decline() }
                i += 1
                try skipSpace(outside: false)
                guard i < n else { throw Decline() }
            }
            switch p[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try open(&containers, &builder)
                justOpened = true
                continue
            case UInt8(ascii: "\""):
                try string(&builder)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number(&builder)
            case UInt8(ascii: "t"):
                try word("true", &builder)
            case UInt8(ascii: "f"):
                try word("false", &builder)
            case UInt8(ascii: "n"):
                try word("null", &builder)
            default:
                throw Decline()
            }
            justOpened = false
        }
        try skipSpace(outside: true)
        guard i == n, let root = builder.root else { throw Decline() }
        return root
    }

    /// Whether the last token was a `,` (a `,` directly before a closing bracket is declined).
    var afterComma = false

    mutating func open(_ containers: inout [Bool], _ builder: inout TreeBuilder) throws {
        let isMapping = p[i] == UInt8(ascii: "{")
        try builder.open(isMapping: isMapping, line: line, column: column, anchor: nil)
        containers.append(isMapping)
        i += 1
    }

    /// Spaces and line breaks. Tabs are whitespace for libyaml only inside brackets; outside,
    /// where `outside` is set, they are left to libyaml (and its error).
    mutating func skipSpace(outside: Bool) throws {
        while i < n {
            switch p[i] {
            case UInt8(ascii: " "):
                i += 1
            case UInt8(ascii: "\t"):
                if outside { throw Decline() }
                i += 1
            case UInt8(ascii: "\n"):
                i += 1
                newLine()
            case UInt8(ascii: "\r"):
                // A CR alone is a line break for libyaml but not for the column corrections of
                // ``InputPreparation``, which count LF; libyaml's reading is kept for it.
                guard i + 1 < n, p[i + 1] == UInt8(ascii: "\n") else { throw Decline() }
                i += 2
                newLine()
            default:
                return
            }
        }
    }

    mutating func newLine() {
        line += 1
        lineStart = i
        lineContinuations = 0
    }

    /// `true`, `false` or `null`, a plain scalar as libyaml reads it.
    mutating func word(_ word: StaticString, _ builder: inout TreeBuilder) throws {
        let count = word.utf8CodeUnitCount
        guard i + count <= n, memcmp(p + i, word.utf8Start, count) == 0 else { throw Decline() }
        let start = i
        i += count
        try endOfPlain()
        try builder.scalar(UnsafeBufferPointer(start: p + start, count: count), style: .plain,
                           line: line, column: UInt32(truncatingIfNeeded: start - lineStart - lineContinuations + 1),
                           anchor: nil, tag: nil)
    }

    /// A number in JSON's grammar, a plain scalar as libyaml reads it.
    mutating func number(_ builder: inout TreeBuilder) throws {
        let start = i
        func digit(_ at: Int) -> Bool { at < n && p[at] >= UInt8(ascii: "0") && p[at] <= UInt8(ascii: "9") }
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { throw Decline() }
        if p[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while digit(i) { i += 1 }
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { throw Decline() }
            while digit(i) { i += 1 }
        }
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { throw Decline() }
            while digit(i) { i += 1 }
        }
        try endOfPlain()
        try builder.scalar(UnsafeBufferPointer(start: p + start, count: i - start), style: .plain,
                           line: line, column: UInt32(truncatingIfNeeded: start - lineStart - lineContinuations + 1),
                           anchor: nil, tag: nil)
    }

    /// A plain scalar must end where libyaml ends it: at a blank, a line break or a bracket or
    /// comma. Anything else would continue the scalar for libyaml.
    func endOfPlain() throws {
        guard i < n else { throw Decline() }
        switch p[i] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return
        default:
            throw Decline()
        }
    }

    /// A string, a double-quoted scalar: JSON's escapes, with a UTF-16 surrogate pair read as
    /// one character and a lone surrogate as U+FFFD, as ``InputPreparation`` rewrites them for
    /// libyaml. Raw control characters, line breaks and YAML's own escapes are declined.
    mutating func string(_ builder: inout TreeBuilder) throws {
        let quote = i
        let startColumn = column
        i += 1
        var escaped = false
        scratch.removeAll()
        var runStart = i
        while true {
            guard i < n else { throw Decline() }
            let b = p[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                escaped = true
                scratch.append(p + runStart, count: i - runStart)
                try escape()
                runStart = i
                continue
            }
            if b < 0x80 {
                // Control characters (tabs included: JSON has them escaped) and DEL.
                guard b >= 0x20, b != 0x7F else { throw Decline() }
                i += 1
                continue
            }
            try character()
        }
        let text: UnsafeBufferPointer<UInt8>
        if escaped {
            scratch.append(p + runStart, count: i - runStart)
            text = UnsafeBufferPointer(start: scratch.base ?? UnsafeMutablePointer(mutating: p + quote), count: scratch.count)
        } else {
            text = UnsafeBufferPointer(start: p + quote + 1, count: i - quote - 1)
        }
        i += 1
        try builder.scalar(text, style: .doubleQuoted, line: line, column: startColumn, anchor: nil, tag: nil)
    }

    /// A character of two to four bytes (the input is valid UTF-8). libyaml refuses some
    /// characters and takes others as line breaks; both are declined.
    mutating func character() throws {
        let b = p[i]
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard i + width <= n else { throw Decline() }
        var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width { value = (value << 6) | (UInt32(p[i + k]) & 0x3F) }
        // Below U+00A0 (C1 controls, NEL), the line and paragraph separators, and the
        // non-characters U+FFFE and U+FFFF.
        guard value >= 0xA0, value != 0x2028, value != 0x2029, value != 0xFFFE, value != 0xFFFF else { throw Decline() }
        i += width
        lineContinuations += width - 1
    }

    /// An escape at `i`, unescaped into `scratch`.
    mutating func escape() throws {
        guard i + 1 < n else { throw Decline() }
        let e = p[i + 1]
        var byte: UInt8
        switch e {
        case UInt8(ascii: "\""): byte = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): byte = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): byte = UInt8(ascii: "/")
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
            guard let v = hex(i + 2) else { throw Decline() }
            var scalar = v
            var length = 6
            if (0xD800...0xDFFF).contains(v) {
                if v < 0xDC00, i + 11 < n, p[i + 6] == UInt8(ascii: "\\"), p[i + 7] == UInt8(ascii: "u"),
                   let low = hex(i + 8), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    length = 12
                } else {
                    scalar = 0xFFFD
                }
            }
            appendUTF8(scalar)
            i += length
            return
        default:
            throw Decline()
        }
        scratch.append(byte)
        i += 2
    }

    func hex(_ at: Int) -> UInt32? {
        guard at + 4 <= n else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = p[at + k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v * 16 + UInt32(digit)
        }
        return v
    }

    mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (v >> 6)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (v >> 12)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (v >> 18)))
            scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
