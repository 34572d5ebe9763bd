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

    /// `itemSchema` is not typed item by item yet (a warning says so): the events arrive
    /// parsed, with their data as text.
    @Test func eventStreamArrivesAsUntypedEvents() async throws {
        let events = "event: created\ndata: a\n\n"
        let transport = RecordingTransport(.raw(200, Data(events.utf8), contentType: "text/event-stream"))
        let stream = try await GoldenDocuments32Client(transport: transport).orderEvents()
        var received: [ServerSentEvent] = []
        for try await event in stream { received.append(event) }
        #expect(received == [ServerSentEvent(event: "created", data: "a")])
    }
}
