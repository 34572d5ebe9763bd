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
    private var line: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    private var data = ""
    private var hasData = false
    private var eventType = ""
    private var lastEventID = ""
    private var retry: Int?

    public init() {}

    /// The events completed by `bytes`.
    public mutating func feed(_ bytes: Data) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            let count = raw.count
            var i = 0
            while i < count {
                let b = raw[i]
                if b == 0x0A || b == 0x0D {
                    if b == 0x0A && afterCR && i == start && line.isEmpty {
                        // The LF of a CRLF whose CR ended the previous line.
                        afterCR = false
                        i += 1
                        start = i
                        continue
                    }
                    line.append(contentsOf: raw[start..<i])
                    if let event = process() { events.append(event) }
                    line.removeAll(keepingCapacity: true)
                    afterCR = b == 0x0D
                    i += 1
                    start = i
                    continue
                }
                afterCR = false
                i += 1
            }
            if start < count { line.append(contentsOf: raw[start..<count]) }
        }
        return events
    }

    /// One complete line; returns the event an empty line dispatches.
    private mutating func process() -> ServerSentEvent? {
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        let field: String
        var value: String
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: line[..<colon], as: UTF8.self)
            var valueStart = colon + 1
            if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            value = String(decoding: line[valueStart...], as: UTF8.self)
        } else {
            field = String(decoding: line, as: UTF8.self)
            value = ""
        }
        switch field {
        case "event":
            eventType = value
        case "data":
            if hasData { data += "\n" }
            data += value
            hasData = true
        case "id":
            if !value.unicodeScalars.contains("\u{0}") { lastEventID = value }
        case "retry":
            if !value.isEmpty, value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                retry = Int(value) ?? Int.max
            }
        default:
            value = ""
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data = ""
            hasData = false
            eventType = ""
        }
        // The standard dispatches nothing when the data buffer is empty, even after `event:`.
        guard hasData else { return nil }
        return ServerSentEvent(event: eventType.isEmpty ? "message" : eventType, data: data,
                               id: lastEventID.isEmpty ? nil : lastEventID, retry: retry)
    }
}
