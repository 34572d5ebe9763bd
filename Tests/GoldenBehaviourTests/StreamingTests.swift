import ClientTestSupport
import Foundation
import GoldenBinaryStream
import GoldenHeaders
import GoldenJSONLines
import GoldenServerSentEvents
import OpenAPIGenRuntime
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A stream of `chunks`, each written as the server produces it.
private func chunked(_ contentType: String, _ chunks: [String], pause: Duration = .milliseconds(5)) -> LocalReply {
    .chunks(status: 200, headers: [("Content-Type", contentType)], body: AsyncStream { continuation in
        let writer = Task {
            for chunk in chunks {
                continuation.yield(Data(chunk.utf8))
                try? await Task.sleep(for: pause)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in writer.cancel() }
    })
}

private func transport() -> URLSessionTransport { URLSessionTransport(configuration: .ephemeral) }

/// Polls `condition` for at most `timeout`.
private func eventually(_ timeout: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Set once by the server when a stream it writes is torn down before its end.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

// One at a time: they share FoundationNetworking's work queue, and a cancellation waiting behind another
// test's transfer on a loaded machine is what the cancellation test would then measure.
@Suite("Streams over real HTTP", .serialized) struct StreamingTests {
    @Test func serverSentEventsAreFramedAsTheStandardSays() async throws {
        // Line breaks of all three kinds, a CRLF split across chunks, a BOM, comments,
        // multi-line data, `id` that persists, `retry`, an event with no data (not dispatched)
        // and a final event cut off by the end of the stream (not dispatched either).
        let chunks = [
            "\u{FEFF}: a comment\r", "\ndata: first\r", "\n\r\n",
            "event: update\nid: 7\nretry: 1500\ndata: line one\ndata:line two\ndata\n\n",
            "data:  two spaces\rdata: cr\r\r",
            "event: ping\n\n", "id\ndata: id reset\n\n",
            "data: cut off",
        ]
        try await withLocalServer(["GET /events": { _ in chunked("text/event-stream", chunks) }]) { url in
            let client = GoldenServerSentEventsClient(baseURL: url, transport: transport())
            var events: [ServerSentEvent] = []
            for try await event in try await client.followEvents() { events.append(event) }
            #expect(events == [
                ServerSentEvent(data: "first"),
                ServerSentEvent(event: "update", data: "line one\nline two\n", id: "7", retry: 1500),
                ServerSentEvent(data: " two spaces\ncr", id: "7", retry: 1500),
                ServerSentEvent(data: "id reset", id: nil, retry: 1500),
            ])
        }
    }

    @Test func aStreamedCompletionDecodesEachChunkAndLeavesTheSentinelToTheCaller() async throws {
        let chunks = [#"data: {"delta": "Hel"#, #"lo", "index": 0}"# + "\n\n", #"data: {"delta": " world"}"# + "\n\n", "data: [DONE]\n\n"]
        try await withLocalServer(["POST /completions": { _ in chunked("text/event-stream; charset=utf-8", chunks) }]) { url in
            let client = GoldenServerSentEventsClient(baseURL: url, transport: transport())
            guard case .eventStream(let events) = try await client.createCompletion(body: .init(prompt: "hi", stream: true)) else {
                Issue.record("expected the event stream")
                return
            }
            var deltas: [String] = []
            for try await chunk in events.payloads(until: "[DONE]") { deltas.append(chunk.delta) }
            #expect(deltas == ["Hel" + "lo", " world"])
        }
    }

    @Test func jsonLinesAndJSONSequencesDecodeItemByItem() async throws {
        try await withLocalServer([
            "GET /export": { _ in chunked("application/x-ndjson", [#"{"id": 1}"# + "\n" + #"{"id""#, #": 2, "name": "b"}"# + "\r\n\n", #"{"id": 3}"#]) },
            "GET /export/seq": { _ in chunked("application/json-seq", ["\u{1E}" + #"{"id": 1}"# + "\n\u{1E}", #"{"id": 2}"# + "\n", "\u{1E}" + #"{"id": 3"#]) },
        ]) { url in
            let client = GoldenJSONLinesClient(baseURL: url, transport: transport())
            var rows: [Row] = []
            for try await row in try await client.exportRows() { rows.append(row) }
            #expect(rows == [Row(id: 1), Row(id: 2, name: "b"), Row(id: 3)])
            var records: [Row] = []
            // The last record is truncated (no closing brace, no LF): RFC 7464 says skip it.
            for try await row in try await client.exportRowsSequence() { records.append(row) }
            #expect(records == [Row(id: 1), Row(id: 2)])
        }
    }

    @Test func aLargeDownloadIsReadAsItArrives() async throws {
        let chunk = Data(repeating: 0x5A, count: 256 * 1024)
        let count = 8
        try await withLocalServer(["GET /files/:name": { _ in
            .chunks(status: 200, headers: [("Content-Type", "application/octet-stream")], body: AsyncStream { continuation in
                for _ in 0..<count { continuation.yield(chunk) }
                continuation.finish()
            })
        }]) { url in
            let client = GoldenBinaryStreamClient(baseURL: url, transport: transport())
            let body = try await client.download(name: "big.bin")
            #expect(body.bufferedData == nil)
            var total = 0
            var chunks = 0
            for try await part in body {
                total += part.count
                chunks += 1
            }
            #expect(total == chunk.count * count)
            #expect(chunks > 1)
            // Read once: a second read is an error, not silently empty.
            await #expect(throws: HTTPBodyError.alreadyConsumed) {
                for try await _ in body {}
            }
        }
    }

    @Test func anUploadIsSentAsItIsProduced() async throws {
        try await withLocalServer(["PUT /files/:name": { request in
            var total = 0
            for try await part in try await request.body() { total += part.count }
            return .data(status: 201, headers: [("Content-Type", "application/json")], body: Data(#"{"bytes": \#(total)}"#.utf8))
        }]) { url in
            let client = GoldenBinaryStreamClient(baseURL: url, transport: transport())
            let produced = AsyncStream<Data> { continuation in
                for i in 0..<8 { continuation.yield(Data(repeating: UInt8(i), count: 64 * 1024)) }
                continuation.finish()
            }
            let stored = try await client.upload(name: "up.bin", body: HTTPBody(produced))
            #expect(stored.bytes == 8 * 64 * 1024)

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-gen-upload-\(UUID().uuidString)")
            try Data(repeating: 7, count: 100_000).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let fromFile = try await client.upload(name: "file.bin", body: HTTPBody(contentsOf: file))
            #expect(fromFile.bytes == 100_000)
        }
    }

    @Test func cancellingTheReaderClosesTheConnection() async throws {
        let torn = Flag()
        try await withLocalServer(["GET /events": { _ in
            .chunks(status: 200, headers: [("Content-Type", "text/event-stream")], body: AsyncStream { continuation in
                let writer = Task {
                    var n = 0
                    while !Task.isCancelled {
                        n += 1
                        continuation.yield(Data("data: \(n)\n\n".utf8))
                        try? await Task.sleep(for: .milliseconds(5))
                    }
                }
                continuation.onTermination = { _ in
                    writer.cancel()
                    torn.set()
                }
            })
        }]) { url in
            let client = GoldenServerSentEventsClient(baseURL: url, transport: transport())
            let reader = Task {
                var seen = 0
                for try await _ in try await client.followEvents() {
                    seen += 1
                    if seen == 3 { break }
                }
                // Wait for cancellation: the test cancels this task while the stream is open.
                for try await _ in try await client.followEvents() {}
            }
            try await Task.sleep(for: .milliseconds(200))
            reader.cancel()
            let result = await reader.result
            #expect(throws: (any Error).self) { try result.get() }
            // The server sees the client's connection go (a loaded machine may take seconds to
            // run the cancellation through FoundationNetworking's queue).
            #expect(await eventually(.seconds(30)) { torn.isSet })
        }
    }

    @Test func linkPaginationFollowsNextToTheLastPage() async throws {
        try await withLocalServer(["GET /repos": { request in
            let page = Int(request.query["page"] ?? "1") ?? 1
            var headers = [("Content-Type", "application/json"), ("X-RateLimit-Remaining", String(100 - page))]
            if page < 3 {
                headers.append(("Link", #"<http://127.0.0.1/repos?page=\#(page + 1)>; rel="next", <http://127.0.0.1/repos?page=3>; rel="last""#))
            }
            return .data(status: 200, headers: headers, body: Data(#"[{"id": \#(page), "name": "r\#(page)"}]"#.utf8))
        }]) { url in
            let client = GoldenHeadersClient(baseURL: url, transport: transport())
            var page: Int? = 1
            var names: [String] = []
            var remaining: [Int] = []
            while let current = page {
                guard case .ok(let repos, let headers) = try await client.listRepos(.init(page: current)) else { break }
                names += repos.map(\.name)
                remaining.append(headers.xRateLimitRemaining)
                let next = headers.link.flatMap { LinkHeader.url($0, rel: "next") }
                page = next.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "page" }?.value }
                    .flatMap { Int($0) }
            }
            #expect(names == ["r1", "r2", "r3"])
            #expect(remaining == [99, 98, 97])
        }
    }
}
