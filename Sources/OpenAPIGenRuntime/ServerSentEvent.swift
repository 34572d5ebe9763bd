import Foundation

/// One event of a `text/event-stream` body, as the WHATWG HTML standard's event stream
/// interpretation dispatches it (section 9.2.6).
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event` field; `message` when the event named none.
    public var event: String
    /// The `data` fields joined with `\n` (no trailing newline).
    public var data: String
    /// The last event ID at dispatch: the most recent `id` field of this or an earlier event
    /// (an `id` with no value resets it); nil while it is empty.
    public var id: String?
    /// The reconnection time the stream last set with a `retry` field, in milliseconds.
    public var retry: Int?

    /// Creates an event (for tests and fakes).
    public init(event: String = "message", data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

/// Turns the bytes of an event stream into events, chunk by chunk: lines may end in CRLF, LF
/// or CR, and a chunk may end anywhere, even between the CR and LF of one line break.
///
/// Follows the standard's parsing rules: a leading BOM is dropped; a line starting with `:` is
/// a comment; `field: value` loses one space after the colon; `data` lines are joined with LF;
/// an `id` containing NUL is ignored; `retry` is honoured only when all ASCII digits; unknown
/// fields are ignored; an empty line dispatches the event unless its data is empty; an event
/// cut off by the end of the stream is never dispatched.
public struct ServerSentEventParser: Sendable {
    /// The start of a line a chunk ended in the middle of (empty otherwise).
    private var partial: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    /// The data buffer, as bytes: decoded into a `String` once, at dispatch.
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType = ""
    private var lastEventID: [UInt8] = []
    /// `lastEventID` as a string, made at the first dispatch that needs it.
    private var lastEventIDText: String?
    private var retry: Int?

    public init() {}

    /// The events completed by `bytes`.
    public mutating func feed(_ bytes: Data) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else { return }
            let count = raw.count
            var start = 0
            if afterCR, base[0] == 0x0A, partial.isEmpty {
                // The LF of a CRLF whose CR ended the previous chunk's last line.
                start = 1
            }
            afterCR = false
            while start < count {
                // Lines are found with memchr, not byte by byte: LF ends most lines, and a CR
                // before it (CRLF, or a lone CR) is looked for in that line only.
                let rest = count - start
                let lf = memchr(base + start, 0x0A, rest).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
                let searchEnd = lf ?? count
                let cr = memchr(base + start, 0x0D, searchEnd - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
                guard let end = cr ?? lf else {
                    partial.append(contentsOf: UnsafeBufferPointer(start: base + start, count: rest))
                    return
                }
                if partial.isEmpty {
                    if let event = process(UnsafeBufferPointer(start: base + start, count: end - start)) { events.append(event) }
                } else {
                    partial.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                    let line = partial
                    partial.removeAll(keepingCapacity: true)
                    if let event = line.withUnsafeBufferPointer({ process($0) }) { events.append(event) }
                }
                start = end + 1
                if base[end] == 0x0D {
                    if start < count {
                        if base[start] == 0x0A { start += 1 }
                    } else {
                        afterCR = true
                    }
                }
            }
        }
        return events
    }

    /// One complete line; returns the event an empty line dispatches.
    private mutating func process(_ whole: UnsafeBufferPointer<UInt8>) -> ServerSentEvent? {
        var line = whole[...]
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        }
        guard let first = line.first else { return dispatch() }
        if first == UInt8(ascii: ":") { return nil }
        let field: Slice<UnsafeBufferPointer<UInt8>>
        var value: Slice<UnsafeBufferPointer<UInt8>>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line
            value = line[line.endIndex...]
        }
        // Field names compared as bytes: no string is made for them.
        if Self.equal(field, "data") {
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        } else if Self.equal(field, "event") {
            eventType = String(decoding: value, as: UTF8.self)
        } else if Self.equal(field, "id") {
            if !value.contains(0), !lastEventID.withUnsafeBufferPointer({ Self.equal(value, $0) }) {
                // Refilled in place: an ID that changes with every event allocates nothing here.
                lastEventID.removeAll(keepingCapacity: true)
                lastEventID.append(contentsOf: value)
                lastEventIDText = nil
            }
        } else if Self.equal(field, "retry") {
            if !value.isEmpty, value.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                retry = Int(String(decoding: value, as: UTF8.self)) ?? Int.max
            }
        }
        return nil
    }

    /// Whether `bytes` are `name`'s bytes (memcmp: the generic `elementsEqual` costs more than
    /// the rest of a line's parsing).
    private static func equal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ name: StaticString) -> Bool {
        bytes.count == name.utf8CodeUnitCount
            && (bytes.isEmpty || memcmp(bytes.base.baseAddress! + bytes.startIndex, name.utf8Start, bytes.count) == 0)
    }

    private static func equal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == other.count
            && (bytes.isEmpty || memcmp(bytes.base.baseAddress! + bytes.startIndex, other.baseAddress!, bytes.count) == 0)
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = ""
        }
        // The standard dispatches nothing when the data buffer is empty, even after `event:`.
        guard hasData else { return nil }
        let id: String?
        if lastEventID.isEmpty {
            id = nil
        } else if let text = lastEventIDText {
            id = text
        } else {
            let text = String(decoding: lastEventID, as: UTF8.self)
            lastEventIDText = text
            id = text
        }
        return ServerSentEvent(event: eventType.isEmpty ? "message" : eventType, data: String(decoding: data, as: UTF8.self),
                               id: id, retry: retry)
    }
}
