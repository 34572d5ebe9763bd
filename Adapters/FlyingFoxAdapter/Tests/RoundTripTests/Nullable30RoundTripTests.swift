import Foundation
import OpenAPIGenRuntime
import RoundTripNullable30
import Testing

private struct Accounts: GoldenServerNullable30API {
    let recorder: Recorder

    func putAccount(_ input: Operations.PutAccount.Input) async throws -> Operations.PutAccount.Output {
        await recorder.record(input)
        return .noContent()
    }
}

@Suite(.serialized) struct Nullable30RoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Accounts(recorder: recorder).registerHandlers(on: $0) }

    @Test func nullableMembersAndUnionsArrive() async throws {
        let client = GoldenServerNullable30Client(baseURL: try await Self.server.url)
        let sent: [Operations.PutAccount.Input] = [
            .init(id: "a/1", body: Account(id: Int64.max, email: "a@b.c", plan: Plan(name: "pro"), expandable: .plan(Plan(name: "x")), discount: 99.5)),
            .init(id: "a2", body: Account(id: -1, expandable: .string("plan_1"), discount: 0.01)),
            .init(id: "a3", body: Account(id: 0)),
        ]
        for input in sent {
            #expect(try await client.putAccount(input) == .noContent())
            #expect(await Self.recorder.last(Operations.PutAccount.Input.self) == input)
        }
    }

    @Test func exclusiveBoundsAndMissingMembersAre400() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let bound = try await raw("PUT", url, "/accounts/a", headers: json, body: Data(#"{"id": 1, "email": null, "plan": null, "discount": 100}"#.utf8))
        #expect(bound.status == 400 && problems(bound.text) == ["body:discount"], "\(bound.text)")
        let zero = try await raw("PUT", url, "/accounts/a", headers: json, body: Data(#"{"id": 1, "email": null, "plan": null, "discount": 0}"#.utf8))
        #expect(zero.status == 400 && problems(zero.text) == ["body:discount"], "\(zero.text)")
        let missing = try await raw("PUT", url, "/accounts/a", headers: json, body: Data(#"{"email": "e", "plan": null}"#.utf8))
        #expect(missing.status == 400 && problems(missing.text) == ["body:id"], "\(missing.text)")
        let tooBig = try await raw("PUT", url, "/accounts/a", headers: json, body: Data(#"{"id": 9223372036854775808, "email": null, "plan": null}"#.utf8))
        #expect(tooBig.status == 400 && problems(tooBig.text).first?.hasPrefix("body:") == true, "\(tooBig.text)")
        #expect(await Self.recorder.inputs.count == before)
    }
}
