import ClientTestSupport
import Foundation
import Testing
import GoldenComposition
import GoldenEnums
import GoldenNullable

@Suite("Operations of the other fixtures") struct OperationRequestTests {
    @Test func nullableQueryParameterIsLeftOutWhenNil() async throws {
        let transport = RecordingTransport(.json(200, #"{"id": "p 1", "nickname": null, "tags": ["t"], "manager": null}"#))
        let client = GoldenNullableClient(baseURL: exampleBaseURL, transport: transport)
        let profile = try await client.getProfile(id: "p 1")
        #expect(profile == Profile(id: "p 1", tags: ["t"]))
        _ = try await client.getProfile(id: "p", cursor: "c=1&d")
        let requests = await transport.requests
        try #require(requests.count == 2)
        #expect(requests[0].path == "/profiles/p%201")
        #expect(requests[0].query == [])
        #expect(requests[1].query == [QueryItem(name: "cursor", value: "c=1&d")])
        #expect(requests[1].url(relativeTo: exampleBaseURL).absoluteString == "https://api.example.com/v1/profiles/p?cursor=c%3D1%26d")
    }

    @Test func enumRequestBodyAndOpenEnumResponse() async throws {
        let transport = RecordingTransport(.json(201, #"{"id": "o1", "status": "on-hold", "channel": "web"}"#))
        let client = GoldenEnumsClient(baseURL: exampleBaseURL, transport: transport)
        let order = try await client.createOrder(body: OrderRequest(size: .xLarge, channel: .inStore, flags: [.gift]))
        #expect(order == Order(id: "o1", status: Order.Status(rawValue: "on-hold"), channel: .web))
        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/orders")
        #expect(request.headers == HTTPFields([("Accept", "application/json"), ("Content-Type", "application/json")]))
        #expect(String(decoding: try #require(request.body), as: UTF8.self)
            == #"{"channel":"in store","flags":["gift"],"priority":2,"size":"x-large","wrapping":"none"}"#)
    }

    @Test func undocumentedStatusKeepsTheRawResponse() async throws {
        let reply = HTTPResponse.json(500, #"{"oops": true}"#)
        let transport = RecordingTransport(reply)
        let client = GoldenEnumsClient(baseURL: exampleBaseURL, transport: transport)
        let output = try await client.createOrder(GoldenEnums.Operations.CreateOrder.Input(body: OrderRequest(size: .small)))
        #expect(output == .undocumented(statusCode: 500, reply))
        #expect(output.statusCode == 500)
    }

    @Test func undecodableUnionInAnArrayNamesItsIndex() async throws {
        let transport = RecordingTransport(.json(200, #"[{"kind": "cat", "name": "Tom"}, {"kind": "bird", "name": "Tweety"}]"#))
        let client = GoldenCompositionClient(baseURL: exampleBaseURL, transport: transport)
        let error = try await #require(throws: ClientError.self) { try await client.listPets() }
        guard case .undecodableResponse(let operationID, let status, _, let underlying) = error else {
            Issue.record("expected undecodableResponse, got \(error)")
            return
        }
        #expect(operationID == "listPets")
        #expect(status == 200)
        #expect(underlying == #"[1].kind: unknown kind "bird""#)
        let request = try #require(await transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/pets")
        #expect(request.headers["Accept"] == "application/json")
    }

    @Test func transportFailuresAreWrappedButCancellationIsNot() async throws {
        let broken = GoldenCompositionClient(baseURL: exampleBaseURL, transport: FailingTransport(error: URLError(.unsupportedURL)))
        let error = try await #require(throws: ClientError.self) { try await broken.listPets() }
        guard case .transport(let operationID, let underlying) = error else {
            Issue.record("expected transport, got \(error)")
            return
        }
        #expect(operationID == "listPets")
        #expect((underlying as? URLError)?.code == .unsupportedURL)

        let cancelled = GoldenCompositionClient(baseURL: exampleBaseURL, transport: FailingTransport(error: CancellationError()))
        await #expect(throws: CancellationError.self) { try await cancelled.listPets() }
    }
}
