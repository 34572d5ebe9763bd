import Foundation

/// Why a `multipart/*` body could not be read.
public enum MultipartError: Error, Hashable, CustomStringConvertible {
    /// The `Content-Type` names no `boundary` parameter, so the parts cannot be told apart.
    case missingBoundary(contentType: String?)
    /// A part's header section is not `name: value` lines.
    case malformedHeader(part: Int, line: String)
    /// The body ended before its closing delimiter (`--boundary--`): it was cut short.
    case truncated(partsRead: Int)

    public var description: String {
        switch self {
        case .missingBoundary(let type):
            return "the multipart body's Content-Type (\(type.map { "`\($0)`" } ?? "absent")) has no boundary parameter"
        case .malformedHeader(let part, let line):
            return "header line `\(line)` of multipart part \(part) is not `name: value`"
        case .truncated(let read):
            return "the multipart body ended before its closing delimiter, after \(read) complete part(s)"
        }
    }

    /// The boundary of a `multipart/*` `Content-Type`.
    static func boundary(of contentType: String?) throws -> String {
        guard let contentType, let boundary = MediaTypeParameters.value(of: "boundary", in: contentType), !boundary.isEmpty else {
            throw MultipartError.missingBoundary(contentType: contentType)
        }
        return boundary
    }
}

/// Splits the bytes of a `multipart/*` body into parts as RFC 2046 section 5.1.1 frames them,
/// chunk by chunk: a chunk may end anywhere, even inside a delimiter. Only the part being read
/// is held, never the whole body.
///
/// The preamble before the first delimiter and the epilogue after the closing one are ignored;
/// so is the transport padding (spaces, tabs) after a delimiter. A bare LF is accepted where
/// CRLF belongs, as many servers write it. A line that starts like a delimiter but goes on
/// with other characters (`--boundaryX`) is data: senders pick boundaries no line starts with,
/// so such a line can only belong to a part.
public struct MultipartParser: Sendable {
    private enum State: Sendable { case preamble, delimiterLine, headers, body, epilogue }

    /// `CRLF--boundary`: every delimiter is preceded by a line break, the first one by the
    /// virtual one at the start of the body.
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = [0x0D, 0x0A]
    private var start = 0
    /// Where the next search for a delimiter in the current part's body begins.
    private var searched = 0
    private var state = State.preamble
    private var headers = HTTPFields()
    private var count = 0

    /// A parser for parts separated by `boundary`.
    public init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// The parts `bytes` completes.
    public mutating func feed(_ bytes: Data) throws -> [MultipartPart] {
        guard state != .epilogue else { return [] }
        buffer.append(contentsOf: bytes)
        var parts: [MultipartPart] = []
        while let part = try step() {
            if let part { parts.append(part) }
        }
        if start > 64 * 1024, start > buffer.count / 2 {
            buffer.removeFirst(start)
            searched -= start
            start = 0
        }
        return parts
    }

    /// Checks that the body ended where it may: after its closing delimiter.
    public func finish() throws {
        guard state == .epilogue else { throw MultipartError.truncated(partsRead: count) }
    }

    /// Advances one step: `.some(part)` when a part completed, `.some(nil)` when it moved on
    /// without one, nil when it needs more bytes.
    private mutating func step() throws -> MultipartPart?? {
        switch state {
        case .preamble, .body:
            // A delimiter may also follow a bare LF.
            guard let (at, length) = findDelimiter() else { return nil }
            var part: MultipartPart?
            if state == .body {
                count += 1
                part = MultipartPart(headers: headers, body: Data(buffer[start..<at]))
            }
            start = at + length
            state = .delimiterLine
            return .some(part)
        case .delimiterLine:
            // `--` closes the body; otherwise padding, then the line break that starts the headers.
            guard buffer.count - start >= 2 else { return nil }
            if buffer[start] == 0x2D, buffer[start + 1] == 0x2D {
                state = .epilogue
                start = buffer.count
                return nil
            }
            guard let lf = buffer[start...].firstIndex(of: 0x0A) else { return nil }
            start = lf + 1
            state = .headers
            headers = HTTPFields()
            return .some(nil)
        case .headers:
            guard let (lines, end) = headerBlock() else { return nil }
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else {
                    throw MultipartError.malformedHeader(part: count + 1, line: line)
                }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                headers.append(name, value)
            }
            // The line break before the body belongs to the header section; the one before the
            // next delimiter belongs to the delimiter, so the body starts here.
            start = end
            searched = end
            state = .body
            return .some(nil)
        case .epilogue:
            return nil
        }
    }

    /// The next delimiter from `searched`: its index and length (CRLF or LF form).
    private mutating func findDelimiter() -> (Int, Int)? {
        let tail = Array(delimiter.dropFirst(2))  // `--boundary`
        var i = max(searched, start)
        while i < buffer.count {
            guard let lf = buffer[i...].firstIndex(of: 0x0A) else { break }
            let after = lf + 1
            if after + tail.count + 1 > buffer.count {
                // Not enough bytes yet to tell whether a delimiter follows this line break.
                searched = lf > start && buffer[lf - 1] == 0x0D ? lf - 1 : lf
                return nil
            }
            // `--boundary` then `--`, padding or the line break: a longer boundary-like line is data.
            let next = buffer[after + tail.count]
            if buffer[after..<(after + tail.count)].elementsEqual(tail), [0x2D, 0x20, 0x09, 0x0D, 0x0A].contains(next) {
                let from = lf > start && buffer[lf - 1] == 0x0D ? lf - 1 : lf
                return (from, after + tail.count - from)
            }
            i = after
        }
        // No line break left, so no delimiter can start before the end.
        searched = buffer.count
        return nil
    }

    /// The unfolded header lines up to the empty line ending them, and the index after it.
    private func headerBlock() -> ([String], Int)? {
        var lines: [String] = []
        var i = start
        while true {
            guard let lf = buffer[i...].firstIndex(of: 0x0A) else { return nil }
            var end = lf
            if end > i, buffer[end - 1] == 0x0D { end -= 1 }
            if end == i { return (lines, lf + 1) }
            let text = String(decoding: buffer[i..<end], as: UTF8.self)
            if let first = text.unicodeScalars.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += " " + text.trimmingCharacters(in: .whitespaces)
            } else {
                lines.append(text)
            }
            i = lf + 1
        }
    }
}
