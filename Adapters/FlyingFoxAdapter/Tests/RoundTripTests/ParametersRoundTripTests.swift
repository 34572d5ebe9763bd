import Foundation
import OpenAPIGenRuntime
import RoundTripParameters
import Testing

/// Echoes every input it gets back as the `id` of the body, and records it.
private struct Echo: GoldenServerParametersAPI {
    let recorder: Recorder

    func getItem(_ input: Operations.GetItem.Input) async throws -> Operations.GetItem.Output {
        await recorder.record(input)
        return .ok(.init(id: input.id))
    }

    func deleteItem(_ input: Operations.DeleteItem.Input) async throws -> Operations.DeleteItem.Output {
        await recorder.record(input)
        if input.id == "boom" { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: "/etc/secret-path"]) }
        return .noContent()
    }

    func getPoint(_ input: Operations.GetPoint.Input) async throws -> Operations.GetPoint.Output {
        await recorder.record(input)
        return .ok("\(input.coords) \(input.label) \(input.matrix)")
    }
}

@Suite struct ParametersRoundTripTests {
    @Test func everyStyleSurvivesTheTrip() async throws {
        let recorder = Recorder()
        try await serving({ try await Echo(recorder: recorder).registerHandlers(on: $0) }) { url in
            let client = GoldenServerParametersClient(baseURL: url, tenant: "acme", apiKey: "k-1")
            let sent = Operations.GetItem.Input(
                id: "café/42 & co", fields: ["a b", "c,d"], ids: [1, -2, 3], words: ["x", "y"], tags: ["p", "q"],
                filter: .init(color: "123", size: 4), limit: 50, xRequestID: UUIDText(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!),
                session: "s;1 2")
            let output = try await client.getItem(sent)
            #expect(output == .ok(.init(id: "café/42 & co")))
            #expect(await recorder.last(Operations.GetItem.Input.self) == sent)
            let context = try #require(await recorder.contexts.last)
            #expect(context.credentials == ["apiKey": .apiKey("k-1")])
            #expect(context.request.headers["X-Tenant"] == "acme")

            let point = Operations.GetPoint.Input(coords: [1.5, -2, 0.1], label: "a.b c", matrix: ["x", "y;z"])
            #expect(try await client.getPoint(point) == .ok("[1.5, -2.0, 0.1] a.b c [\"x\", \"y;z\"]"))
            #expect(await recorder.last(Operations.GetPoint.Input.self) == point)
        }
    }

    @Test func bearerIsTheOtherAlternativeAndNoneIs401() async throws {
        let recorder = Recorder()
        try await serving({ try await Echo(recorder: recorder).registerHandlers(on: $0) }) { url in
            let bearer = GoldenServerParametersClient(baseURL: url, tenant: "t", bearerToken: "tok")
            #expect(try await bearer.getItem(.init(id: "1")) == .ok(.init(id: "1")))
            #expect(await recorder.contexts.last?.credentials == ["bearer": .bearer("tok")])

            let anonymous = GoldenServerParametersClient(baseURL: url, tenant: "t")
            let before = await recorder.inputs.count
            guard case .undocumented(401, let response) = try await anonymous.getItem(.init(id: "1")) else {
                Issue.record("expected 401")
                return
            }
            #expect(response.headers.values(for: "WWW-Authenticate") == ["Bearer"])
            #expect(await recorder.inputs.count == before, "the handler must not run")
            // `security: []` on deleteItem: no credentials needed.
            #expect(try await anonymous.deleteItem(.init(id: "1")) == .noContent())
        }
    }

    @Test func malformedRequestsAre4xxWithEveryProblem() async throws {
        let recorder = Recorder()
        try await serving({ try await Echo(recorder: recorder).registerHandlers(on: $0) }) { url in
            let auth = ["X-API-Key": "k", "X-Tenant": "t"]
            let wrongTypes = try await raw("GET", url, "/items/1?ids=1,x&limit=abc&filter%5Bsize%5D=big", headers: auth.merging(["X-Request-ID": "nope"]) { a, _ in a })
            #expect(wrongTypes.status == 400)
            #expect(problems(wrongTypes.text) == ["query:ids", "query:filter", "query:limit", "header:X-Request-ID"])
            #expect(wrongTypes.headers["content-type"] == "application/json")

            let outOfRange = try await raw("GET", url, "/items/1?limit=0", headers: auth)
            #expect(outOfRange.status == 400)
            #expect(problems(outOfRange.text) == ["query:limit"])
            #expect(outOfRange.text.contains("at least 1") || outOfRange.text.contains("minimum"), "\(outOfRange.text)")

            let missingTenant = try await raw("GET", url, "/items/1", headers: ["X-API-Key": "k"])
            #expect(missingTenant.status == 400 && problems(missingTenant.text) == ["header:X-Tenant"])

            let badPoint = try await raw("GET", url, "/points/1,x/nolabel/;matrix=a", headers: auth)
            #expect(badPoint.status == 400 && problems(badPoint.text) == ["path:coords", "path:label"])

            let wrongMethod = try await raw("PUT", url, "/items/1", headers: auth)
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "GET, DELETE, HEAD, OPTIONS")
            let options = try await raw("OPTIONS", url, "/items/1")
            #expect(options.status == 204 && options.headers["allow"] == "GET, DELETE, HEAD, OPTIONS")
            #expect(try await raw("GET", url, "/nowhere").status == 404)
            let head = try await raw("HEAD", url, "/items/9", headers: auth)
            #expect(head.status == 200 && head.text.isEmpty)

            let failing = try await raw("DELETE", url, "/items/boom", headers: ["X-Tenant": "t"])
            #expect(failing.status == 500)
            #expect(!failing.text.contains("secret") && !failing.text.contains("Cocoa"))
            #expect(await recorder.inputs.count == 2, "only HEAD and the failing DELETE reached the handler")
        }
    }
}
