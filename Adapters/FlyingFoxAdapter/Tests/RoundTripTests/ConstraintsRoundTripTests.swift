import Foundation
import OpenAPIGenRuntime
import RoundTripConstraints
import Testing

private struct Signups: GoldenServerConstraintsAPI {
    let recorder: Recorder

    func signUp(_ input: Operations.SignUp.Input) async throws -> Operations.SignUp.Output {
        await recorder.record(input)
        return .ok()
    }
}

@Suite(.serialized) struct ConstraintsRoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Signups(recorder: recorder).registerHandlers(on: $0) }

    @Test func aValidSignupArrivesWhole() async throws {
        let client = GoldenServerConstraintsClient(baseURL: try await Self.server.url)
        let full = Operations.SignUp.Input(invite: "ABCD-1234", page: 2, body: Signup(
            username: "ann_1", age: 129, score: 0.25, quantity: 10, visits: Int.max, tags: ["a", "b"],
            attributes: ["k": "v"], address: Address(postcode: "0123"), previous: [Address(postcode: "9999")],
            country: "NZ", nickname: "an"))
        #expect(try await client.signUp(full) == .ok())
        #expect(await Self.recorder.last(Operations.SignUp.Input.self) == full)
        let minimal = Operations.SignUp.Input(body: Signup(username: "bob", age: 13, tags: ["x"], address: Address(postcode: "1000")))
        #expect(try await client.signUp(minimal) == .ok())
        #expect(await Self.recorder.last(Operations.SignUp.Input.self) == minimal)
    }

    @Test func everyBrokenConstraintIsListed() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let body = #"""
            {"username": "A", "age": 130, "score": 0.333, "quantity": 7, "tags": ["a", "a", "b", "c"],
             "attributes": {}, "address": {"postcode": "12"}, "country": "AU", "nickname": "x"}
            """#
        let broken = try await raw("POST", url, "/signups?invite=abcd&page=0", headers: json, body: Data(body.utf8))
        #expect(broken.status == 400)
        #expect(problems(broken.text) == [
            "query:invite", "query:page", "body:username", "body:username", "body:age", "body:score", "body:quantity",
            "body:tags", "body:tags", "body:attributes", "body:address.postcode", "body:country", "body:nickname",
        ], "\(broken.text)")
        let wrongTypes = try await raw("POST", url, "/signups?page=two", headers: json,
                                       body: Data(#"{"username": "ann", "age": "old", "tags": ["a"], "address": {"postcode": "1234"}}"#.utf8))
        #expect(wrongTypes.status == 400 && problems(wrongTypes.text) == ["query:page", "body:age"], "\(wrongTypes.text)")
        let missing = try await raw("POST", url, "/signups", headers: json, body: Data(#"{"username": "ann"}"#.utf8))
        #expect(missing.status == 400 && !problems(missing.text).isEmpty, "\(missing.text)")
        let invalid = try await raw("POST", url, "/signups", headers: json, body: Data(#"{"username": "ann", "age": 20"#.utf8))
        #expect(invalid.status == 400 && problems(invalid.text) == ["body:"], "\(invalid.text)")
        #expect(await Self.recorder.inputs.count == before, "no refused request reached the handler")
    }
}
