import ClientTestSupport
import Foundation
import GoldenDocuments32
import OpenAPIGenRuntime
import Testing

/// What OpenAPI 3.2's document-level additions become in a generated client.
@Suite("Documents32") struct Documents32Tests {
    /// The OAuth 2 device flow authenticates with the token the caller obtained.
    @Test func deviceFlowTokenIsSentAsBearer() async throws {
        let transport = RecordingTransport(.json(200, #"[{"id": "a"}, {"id": "b"}]"#))
        let orders = try await GoldenDocuments32Client(deviceToken: "t-1", transport: transport).listOrders(status: "open")
        #expect(orders == [.init(id: "a"), .init(id: "b")])
        let request = try #require(await transport.requests.first)
        #expect(request.headers["Authorization"] == "Bearer t-1")
        #expect(request.query == [QueryItem(name: "status", value: "open")])
    }

    /// A deprecated scheme still authenticates: deprecation is documented, not enforced.
    @Test func deprecatedSchemeStillWorks() async throws {
        let transport = RecordingTransport(.raw(204))
        try await GoldenDocuments32Client(legacyKey: "k", transport: transport).auditLog()
        #expect(await transport.requests.first?.headers["X-Legacy-Key"] == "k")
    }

    @Test func discriminatedUnionDecodesMappedTags() async throws {
        let transport = RecordingTransport(.json(200, #"{"kind": "dog", "good": true}"#))
        let pet = try await GoldenDocuments32Client(transport: transport).getPet(id: "1")
        guard case .dog(let dog) = pet else {
            Issue.record("expected a dog, got \(pet)")
            return
        }
        #expect(dog.good == true)
    }

    /// `defaultMapping` decodes a payload without the tag, or with an unmapped one, into its
    /// branch (Cat) instead of failing; the unmapped tag stays in the value.
    @Test func defaultMappingTakesAbsentAndUnmappedTags() throws {
        let absent = try JSONDecoder().decode(Pet.self, from: Data(#"{"lives": 3}"#.utf8))
        #expect(absent == .cat(Cat(lives: 3)))
        let unmapped = try JSONDecoder().decode(Pet.self, from: Data(#"{"kind": "lion", "lives": 9}"#.utf8))
        #expect(unmapped == .cat(Cat(kind: "lion", lives: 9)))
        let mapped = try JSONDecoder().decode(Pet.self, from: Data(#"{"kind": "dog", "good": false}"#.utf8))
        #expect(mapped == .dog(Dog(kind: "dog", good: false)))
        // The default branch writes its own tag, so what it encodes decodes back to it.
        for pet in [absent, unmapped] {
            #expect(try JSONDecoder().decode(Pet.self, from: JSONEncoder().encode(pet)) == pet)
        }
        let written = try JSONSerialization.jsonObject(with: JSONEncoder().encode(unmapped)) as? [String: Any]
        #expect(written?["kind"] as? String == "lion")
    }

    /// The itemSchema's `data` carries JSON (`contentMediaType` + `contentSchema: Order`): each
    /// event's data decodes into an `Order` on its own, so a bad one fails at its place after
    /// the good ones were handed over.
    @Test func eventDataDecodesIntoContentSchema() async throws {
        let events = "event: created\ndata: {\"id\": \"a\"}\n\nevent: created\ndata: {\"id\": \"b\", \"note\": 1}\n\ndata: {\"name\": 2}\n\n"
        let transport = RecordingTransport(.raw(200, Data(events.utf8), contentType: "text/event-stream"))
        let stream = try await GoldenDocuments32Client(transport: transport).orderEvents()
        var received: [Order] = []
        await #expect(throws: StreamItemError.self) {
            for try await order in stream.payloads() { received.append(order) }
        }
        #expect(received == [Order(id: "a"), Order(id: "b", additionalProperties: ["note": 1])])
        var kinds: [String?] = []
        for try await event in stream { kinds.append(event.event) }
        #expect(kinds == ["created", "created", "message"])
    }

    /// An itemSchema whose `data` is a plain string: the events arrive parsed, data as text.
    @Test func textEventDataArrivesAsText() async throws {
        let events = "event: note\ndata: a\n\n"
        let transport = RecordingTransport(.raw(200, Data(events.utf8), contentType: "text/event-stream"))
        let stream = try await GoldenDocuments32Client(transport: transport).orderNotes()
        var received: [ServerSentEvent] = []
        for try await event in stream { received.append(event) }
        #expect(received == [ServerSentEvent(event: "note", data: "a")])
        var texts: [String] = []
        for try await text in stream.payloads() { texts.append(text) }
        #expect(texts == ["a"])
    }

    /// `itemSchema: Order` on JSON Lines and JSON text sequences: each line or record is an `Order`.
    @Test func jsonLinesAndSequencesAreTypedByItemSchema() async throws {
        let lines = RecordingTransport(.raw(200, Data("{\"id\": \"a\"}\n\n{\"id\": \"b\"}\n".utf8), contentType: "application/jsonl"))
        guard case .jsonl(let orders) = try await GoldenDocuments32Client(transport: lines).orderFeed() else {
            Issue.record("expected JSON Lines")
            return
        }
        var received: [Order] = []
        for try await order in orders { received.append(order) }
        #expect(received == [Order(id: "a"), Order(id: "b")])
        #expect(await lines.requests.first?.headers["Accept"] == "application/jsonl, application/json-seq;q=0.9")

        let records = RecordingTransport(.raw(200, Data("\u{1E}{\"id\": \"c\"}\n\u{1E}{\"nope\": 1}\n".utf8), contentType: "application/json-seq"))
        guard case .jsonSeq(let sequence) = try await GoldenDocuments32Client(transport: records).orderFeed() else {
            Issue.record("expected a JSON text sequence")
            return
        }
        var seen: [Order] = []
        do {
            for try await order in sequence { seen.append(order) }
            Issue.record("the second record has no id and should not decode")
        } catch let error as StreamItemError {
            #expect(error.index == 2)
        }
        #expect(seen == [Order(id: "c")])
    }

    /// With `validateResponses`, each item is also checked against its schema as it arrives
    /// (Order's `id` has `minLength: 1`); without it, the item decodes and is handed over.
    @Test func streamItemsAreValidatedOneByOneWhenAsked() async throws {
        func orders(validating: Bool) async throws -> (received: [Order], failure: StreamItemError?) {
            let body = Data("{\"id\": \"a\"}\n{\"id\": \"\"}\n".utf8)
            let client = GoldenDocuments32Client(transport: RecordingTransport(.raw(200, body, contentType: "application/jsonl")),
                                                 options: ClientOptions(validateResponses: validating))
            guard case .jsonl(let lines) = try await client.orderFeed() else { return ([], nil) }
            var received: [Order] = []
            do {
                for try await order in lines { received.append(order) }
            } catch let error as StreamItemError {
                return (received, error)
            }
            return (received, nil)
        }
        let lax = try await orders(validating: false)
        #expect(lax.received == [Order(id: "a"), Order(id: "")] && lax.failure == nil)
        let strict = try await orders(validating: true)
        #expect(strict.received == [Order(id: "a")])
        #expect(strict.failure?.index == 2)
        #expect(strict.failure?.underlying is ValidationFailure)
        #expect(strict.failure?.description.hasPrefix("item 2 of the stream breaks its schema") == true)

        let events = "data: {\"id\": \"\"}\n\n"
        let transport = RecordingTransport(.raw(200, Data(events.utf8), contentType: "text/event-stream"))
        let stream = try await GoldenDocuments32Client(transport: transport, options: ClientOptions(validateResponses: true)).orderEvents()
        await #expect(throws: StreamItemError.self) {
            for try await _ in stream.payloads() {}
        }
    }

    /// `itemSchema` of an `application/x-ndjson` request body: the caller hands typed items,
    /// each encoded as one line when it is produced.
    @Test func requestItemsAreSentAsJSONLines() async throws {
        let transport = RecordingTransport(.raw(204))
        let items = AsyncStream<Order> { continuation in
            continuation.yield(Order(id: "a"))
            continuation.yield(Order(id: "b", additionalProperties: ["n": 1]))
            continuation.finish()
        }
        try await GoldenDocuments32Client(transport: transport).importOrders(body: JSONLinesUpload(items))
        let request = try #require(await transport.requests.first)
        #expect(request.headers["Content-Type"] == "application/x-ndjson")
        let sent = try #require(request.body)
        let lines = String(decoding: sent, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "")
        let decoded = try lines.dropLast().map { try JSONDecoder().decode(Order.self, from: Data($0.utf8)) }
        #expect(decoded == [Order(id: "a"), Order(id: "b", additionalProperties: ["n": 1])])

        let records = String(decoding: try await JSONSequenceUpload([Order(id: "c")]).body.collect(upTo: 1000), as: UTF8.self)
        #expect(records == "\u{1E}{\"id\":\"c\"}\n")
    }
}

