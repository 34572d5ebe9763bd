import Foundation
import OpenAPIGenRuntime
import RoundTripComposition
import Testing

private let pets: [Pet] = [
    .dog(Dog(kind: "dog", name: "Rex", barks: true)),
    .cat(Cat(kind: "cat", name: "Tom", lives: 7, additionalProperties: ["indoor": .bool(true)])),
    .cat(Cat(kind: "cat", name: "Kit")),
]

private struct Shelter: GoldenServerCompositionAPI {
    func listPets(_ input: Operations.ListPets.Input) async throws -> Operations.ListPets.Output { .ok(pets) }
}

@Suite struct CompositionRoundTripTests {
    static let server = SharedServer { try await Shelter().registerHandlers(on: $0) }

    @Test func discriminatedBranchesComeBackAsSent() async throws {
        let url = try await Self.server.url
        let client = GoldenServerCompositionClient(baseURL: url)
        #expect(try await client.listPets(.init()) == .ok(pets))
        let text = try await raw("GET", url, "/pets").text
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(json.map { $0["kind"] as? String } == ["dog", "cat", "cat"])
        #expect(json[1]["indoor"] as? Bool == true)
    }

    @Test func otherMethodsAre405() async throws {
        let url = try await Self.server.url
        let post = try await raw("POST", url, "/pets", headers: ["Content-Type": "application/json"], body: Data("[]".utf8))
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD, OPTIONS")
        let head = try await raw("HEAD", url, "/pets")
        #expect(head.status == 200 && head.text.isEmpty)
    }
}
