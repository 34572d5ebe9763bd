import Foundation
import OpenAPIGenRuntime
import Testing

private struct Item: Decodable, Sendable, Equatable {
    var id: Int
}

/// A body of `data` cut into two chunks at `cut`.
private func body(_ data: Data, cut: Int) -> HTTPBody {
    HTTPBody(AsyncStream<Data> { continuation in
        continuation.yield(data.subdata(in: 0..<cut))
        continuation.yield(data.subdata(in: cut..<data.count))
        continuation.finish()
    })
}

@Suite("JSON Lines and JSON text sequences split anywhere") struct JSONLinesSplitTests {
    @Test func jsonLinesGiveTheSameItemsWhereverAChunkEnds() async throws {
        let data = Data("{\"id\": 1}\n\n{\"id\": 2}\r\n  \n{\"id\": 3}".utf8)
        for cut in 0...data.count {
            var items: [Item] = []
            for try await item in JSONLines<Item>(body: body(data, cut: cut)) { items.append(item) }
            #expect(items == [Item(id: 1), Item(id: 2), Item(id: 3)], "split at byte \(cut)")
        }
    }

    @Test func jsonSequencesGiveTheSameItemsWhereverAChunkEnds() async throws {
        let data = Data("\u{1E}{\"id\": 1}\n\u{1E}{\"id\": 2}\n\u{1E}{\"id\": 3".utf8)
        for cut in 0...data.count {
            var items: [Item] = []
            for try await item in JSONSequence<Item>(body: body(data, cut: cut)) { items.append(item) }
            // The last record is truncated (no closing brace, no LF): RFC 7464 says skip it.
            #expect(items == [Item(id: 1), Item(id: 2)], "split at byte \(cut)")
        }
    }
}
