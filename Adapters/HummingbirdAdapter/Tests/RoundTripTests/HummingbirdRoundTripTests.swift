import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import OpenAPIGenHummingbird
import OpenAPIGenRuntime
import RoundTripParameters
import Testing

/// Records each input and answers it back.
private actor Seen {
    var inputs: [Operations.GetItem.Input] = []
    func add(_ input: Operations.GetItem.Input) { inputs.append(input) }
}

private struct Echo: GoldenServerParametersAPI {
    let seen: Seen

    func getItem(_ input: Operations.GetItem.Input) async throws -> Operations.GetItem.Output {
        await seen.add(input)
        return .ok(.init(id: input.id))
    }

    func deleteItem(_ input: Operations.DeleteItem.Input) async throws -> Operations.DeleteItem.Output { .noContent() }

    func getPoint(_ input: Operations.GetPoint.Input) async throws -> Operations.GetPoint.Output {
        .ok("\(input.coords) \(input.label) \(input.matrix)")
    }
}

@Suite struct HummingbirdRoundTripTests {
    @Test func parametersSurviveAndBadRequestsAre4xx() async throws {
        let seen = Seen()
        let transport = HummingbirdServerTransport()
        try await Echo(seen: seen).registerHandlers(on: transport)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await transport.application(configuration: .init(address: .hostname("127.0.0.1", port: 0))) { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let url = try #require(URL(string: "http://127.0.0.1:\(port)"))

            let client = GoldenServerParametersClient(baseURL: url, tenant: "acme", bearerToken: "tok")
            let sent = Operations.GetItem.Input(id: "café/42", fields: ["a b"], ids: [1, 2], words: ["x", "y"], tags: ["p"],
                                                filter: .init(color: "red", size: 4), limit: 7, session: "s 1")
            #expect(try await client.getItem(sent) == .ok(.init(id: "café/42")))
            #expect(await seen.inputs == [sent])
            let point = Operations.GetPoint.Input(coords: [1.5, -2], label: "a b", matrix: ["x", "y"])
            #expect(try await client.getPoint(point) == .ok("[1.5, -2.0] a b [\"x\", \"y\"]"))

            var request = URLRequest(url: URL(string: "\(url)/items/1?limit=abc")!)
            request.setValue("acme", forHTTPHeaderField: "X-Tenant")
            request.setValue("Bearer tok", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 400)
            #expect(String(decoding: data, as: UTF8.self).contains("\"path\":\"limit\""))
            let anonymous = GoldenServerParametersClient(baseURL: url, tenant: "acme")
            guard case .undocumented(401, _) = try await anonymous.getItem(.init(id: "1")) else {
                Issue.record("expected 401")
                return
            }
            group.cancelAll()
        }
    }
}
