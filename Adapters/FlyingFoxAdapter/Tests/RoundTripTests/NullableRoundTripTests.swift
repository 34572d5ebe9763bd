import Foundation
import OpenAPIGenRuntime
import RoundTripNullable
import Testing

/// Stores profiles by id and answers them back, the cursor as the nickname.
private actor Profiles: GoldenServerNullableAPI {
    private var stored: [String: Profile] = [:]
    let recorder: Recorder

    init(recorder: Recorder) { self.recorder = recorder }

    func getProfile(_ input: Operations.GetProfile.Input) async throws -> Operations.GetProfile.Output {
        await recorder.record(input)
        var profile = stored[input.id] ?? Profile(id: input.id)
        if let cursor = input.cursor { profile.nickname = cursor }
        return .ok(profile)
    }

    func putProfile(_ input: Operations.PutProfile.Input) async throws -> Operations.PutProfile.Output {
        await recorder.record(input)
        stored[input.id] = input.body
        return .noContent()
    }
}

@Suite(.serialized) struct NullableRoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Profiles(recorder: recorder).registerHandlers(on: $0) }

    @Test func nullsAndAbsencesSurviveBothWays() async throws {
        let client = GoldenServerNullableClient(baseURL: try await Self.server.url)
        var full = Profile(id: "p1", nickname: "nick", bio: nil, tags: ["a", ""], manager: Person(name: "M"), scores: [1, nil, -3],
                           lastSeen: DateTime(rfc3339: "2026-03-04T05:06:07.890+13:00"))
        full.nullMembers = ["bio"]
        #expect(try await client.putProfile(.init(id: "p1", body: full)) == .noContent())
        let stored = try #require(await Self.recorder.last(Operations.PutProfile.Input.self))
        #expect(stored.body == full)
        #expect(stored.body.nullMembers == ["bio"], "an explicit null reaches the server as one")
        #expect(try await client.getProfile(.init(id: "p1")) == .ok(full))

        // Required members that are null (nickname, tags, manager) are written as null and read as nil.
        let empty = Profile(id: "p2")
        #expect(try await client.putProfile(.init(id: "p2", body: empty)) == .noContent())
        #expect(await Self.recorder.last(Operations.PutProfile.Input.self)?.body == empty)
        guard case .ok(let read, _) = try await client.getProfile(.init(id: "p2", cursor: "c 1&2")) else {
            Issue.record("expected 200")
            return
        }
        #expect(read.nickname == "c 1&2" && read.tags == nil && read.manager == nil)
        #expect(await Self.recorder.last(Operations.GetProfile.Input.self) == .init(id: "p2", cursor: "c 1&2"))
    }

    @Test func wrongTypesAre400() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let tags = try await raw("PUT", url, "/profiles/p", headers: json,
                                 body: Data(#"{"id": "p", "nickname": null, "tags": "a", "manager": null}"#.utf8))
        #expect(tags.status == 400 && problems(tags.text) == ["body:tags"], "\(tags.text)")
        let manager = try await raw("PUT", url, "/profiles/p", headers: json,
                                    body: Data(#"{"id": "p", "nickname": null, "tags": null, "manager": {"name": 1}}"#.utf8))
        #expect(manager.status == 400 && problems(manager.text).first?.hasPrefix("body:manager") == true, "\(manager.text)")
        let scores = try await raw("PUT", url, "/profiles/p", headers: json,
                                   body: Data(#"{"id": "p", "nickname": null, "tags": null, "manager": null, "scores": [1, "x"]}"#.utf8))
        #expect(scores.status == 400 && problems(scores.text).first?.hasPrefix("body:scores") == true, "\(scores.text)")
        #expect(await Self.recorder.inputs.count == before)
    }
}
