import Foundation
import OpenAPIGenRuntime
import Testing

@Suite("ServerSentEventParser") struct ServerSentEventParserTests {
    /// Line breaks of all three kinds, a BOM, comments, multi-line data, an `id` that persists
    /// and one that resets, `retry`, an id with NUL (ignored), an event with no data (not
    /// dispatched) and a final event cut off by the end of the stream (not dispatched either).
    private let stream = Data(("\u{FEFF}: a comment\r\ndata: first\r\n\r\n"
        + "event: update\nid: 7\nretry: 1500\ndata: line one\ndata:line two\ndata\n\n"
        + "data:  two spaces\rdata: cr\r\r"
        + "event: ping\n\n" + "id: a\u{0}b\ndata: nul id ignored\n\n" + "retry: 12x\nid\ndata: id reset\n\n"
        + "data: cut off").utf8)

    private let expected = [
        ServerSentEvent(data: "first"),
        ServerSentEvent(event: "update", data: "line one\nline two\n", id: "7", retry: 1500),
        ServerSentEvent(data: " two spaces\ncr", id: "7", retry: 1500),
        ServerSentEvent(data: "nul id ignored", id: "7", retry: 1500),
        ServerSentEvent(data: "id reset", id: nil, retry: 1500),
    ]

    @Test func aWholeStreamParsesAsTheStandardSays() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(stream) == expected)
    }

    @Test func everySplitPointGivesTheSameEvents() {
        // Chunks may end anywhere: inside a field name, between CR and LF, inside the BOM.
        for cut in 0...stream.count {
            var parser = ServerSentEventParser()
            let events = parser.feed(stream.subdata(in: 0..<cut)) + parser.feed(Data()) + parser.feed(stream.subdata(in: cut..<stream.count))
            #expect(events == expected, "split at byte \(cut)")
        }
    }

    @Test func byteByByteGivesTheSameEvents() {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for byte in stream { events += parser.feed(Data([byte])) }
        #expect(events == expected)
    }
}
