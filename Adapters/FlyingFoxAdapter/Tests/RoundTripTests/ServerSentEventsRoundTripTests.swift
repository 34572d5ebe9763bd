import Foundation
import OpenAPIGenRuntime
import RoundTripServerSentEvents
import Testing

/// Answers JSON, or streams chunks as events when asked to.
private struct Completions: GoldenServerServerSentEventsAPI {
    func createCompletion(_ input: Operations.CreateCompletion.Input) async throws -> Operations.CreateCompletion.Output {
        guard input.body.stream == true else { return .ok(.json(Completion(text: input.body.prompt.uppercased()))) }
        let words = input.body.prompt.split(separator: " ").map(String.init)
        // Each event written as it is produced, the body streamed.
        let events = AsyncStream<Data> { continuation in
            for (i, word) in words.enumerated() {
                continuation.yield(Data("data: {\"delta\":\"\(word)\",\"index\":\(i)}\n\n".utf8))
            }
            continuation.finish()
        }
        return .ok(.eventStream(ServerSentEvents(body: HTTPBody(events))))
    }

    func followEvents(_ input: Operations.FollowEvents.Input) async throws -> Operations.FollowEvents.Output {
        .ok(ServerSentEvents(body: HTTPBody("event: ping\ndata: one\n\nid: 7\ndata: two\n\n")))
    }
}

@Suite struct ServerSentEventsRoundTripTests {
    @Test func jsonOrAStreamOfEvents() async throws {
        try await serving({ try await Completions().registerHandlers(on: $0) }) { url in
            let client = GoldenServerServerSentEventsClient(baseURL: url)
            #expect(try await client.createCompletion(.init(body: .init(prompt: "hi there"))) == .ok(.json(Completion(text: "HI THERE"))))
            guard case .ok(.eventStream(let events), let headers) = try await client.createCompletion(.init(body: .init(prompt: "a b c", stream: true))) else {
                Issue.record("expected an event stream")
                return
            }
            #expect(headers.raw.headers["Content-Type"] == "text/event-stream")
            var chunks: [CompletionChunk] = []
            for try await chunk in events.payloads() { chunks.append(chunk) }
            #expect(chunks == [CompletionChunk(delta: "a", index: 0), CompletionChunk(delta: "b", index: 1), CompletionChunk(delta: "c", index: 2)])

            guard case .ok(let raw, _) = try await client.followEvents(.init()) else {
                Issue.record("expected events")
                return
            }
            var received: [ServerSentEvent] = []
            for try await event in raw { received.append(event) }
            #expect(received.map(\.data) == ["one", "two"])
            #expect(received.map(\.event) == ["ping", "message"])
            #expect(received.last?.id == "7")
        }
    }
}
