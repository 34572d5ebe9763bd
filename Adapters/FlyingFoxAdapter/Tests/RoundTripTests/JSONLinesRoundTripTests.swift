import Foundation
import OpenAPIGenRuntime
import RoundTripJSONLines
import Testing

private let rows = [Row(id: 1, name: "ä\nb"), Row(id: 2), Row(id: 3, name: "", additionalProperties: ["extra": .array([.null, .bool(true)])])]

/// Streams the same rows in each of the three framings, produced one by one.
private struct Export: GoldenServerJSONLinesAPI {
    func exportRows(_ input: Operations.ExportRows.Input) async throws -> Operations.ExportRows.Output {
        .ok(JSONLines(body: JSONLinesUpload(produced()).body))
    }
    func exportRowsJSONL(_ input: Operations.ExportRowsJSONL.Input) async throws -> Operations.ExportRowsJSONL.Output {
        .ok(JSONLines(body: JSONLinesUpload(produced()).body))
    }
    func exportRowsSequence(_ input: Operations.ExportRowsSequence.Input) async throws -> Operations.ExportRowsSequence.Output {
        .ok(JSONSequence(body: JSONSequenceUpload(produced()).body))
    }

    private func produced() -> AsyncStream<Row> {
        AsyncStream { continuation in
            for row in rows { continuation.yield(row) }
            continuation.finish()
        }
    }
}

private func collected<S: AsyncSequence>(_ items: S) async throws -> [Row] where S.Element == Row {
    var read: [Row] = []
    for try await row in items { read.append(row) }
    return read
}

@Suite struct JSONLinesRoundTripTests {
    static let server = SharedServer { try await Export().registerHandlers(on: $0) }

    @Test func everyFramingCarriesEveryRow() async throws {
        let url = try await Self.server.url
        let client = GoldenServerJSONLinesClient(baseURL: url)
        var received: [[Row]] = []
        guard case .ok(let ndjsonRows, _) = try await client.exportRows(.init()),
              case .ok(let jsonlRows, _) = try await client.exportRowsJSONL(.init()),
              case .ok(let sequence, _) = try await client.exportRowsSequence(.init()) else {
            Issue.record("expected 200s")
            return
        }
        received.append(try await collected(ndjsonRows))
        received.append(try await collected(jsonlRows))
        received.append(try await collected(sequence))
        #expect(received == [rows, rows, rows])

        let ndjson = try await raw("GET", url, "/export")
        #expect(ndjson.headers["content-type"] == "application/x-ndjson")
        #expect(ndjson.text.split(separator: "\n").count == 3)
        let seq = try await raw("GET", url, "/export/seq")
        #expect(seq.headers["content-type"] == "application/json-seq" && seq.text.hasPrefix("\u{1E}"))
    }

    @Test func wrongMethodsAndPathsAre4xx() async throws {
        let url = try await Self.server.url
        let post = try await raw("POST", url, "/export", headers: ["Content-Type": "application/json"], body: Data("{".utf8))
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD, OPTIONS")
        #expect(try await raw("GET", url, "/export/csv").status == 404)
    }
}
