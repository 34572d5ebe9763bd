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

    /// Foundation's JSONDecoder says only "not valid JSON" for these; the answer names the member.
    @Test func numbersTooLargeForTheirTypeAreLocated() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let body = #"{"username": "ann", "age": 20, "visits": 99999999999999999999, "tags": ["a"], "address": {"postcode": "1234"}}"#
        let answer = try await raw("POST", url, "/signups?page=99999999999999999999", headers: json, body: Data(body.utf8))
        #expect(answer.status == 400 && problems(answer.text) == ["query:page", "body:visits"], "\(answer.text)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any])["problems"] as? [[String: Any]]
        #expect(list?.compactMap { $0["message"] as? String }.allSatisfy { $0.hasPrefix("integer out of range: 99999999999999999999") } == true, "\(answer.text)")
        #expect(list?.last?["type"] as? String == "value_error")
        let fraction = try await raw("POST", url, "/signups", headers: json,
                                     body: Data(#"{"username": "ann", "age": 20.5, "tags": ["a"], "address": {"postcode": "1234"}}"#.utf8))
        #expect(fraction.status == 400 && problems(fraction.text) == ["body:age"] && fraction.text.contains("20.5 is not an integer"), "\(fraction.text)")
        let syntax = try await raw("POST", url, "/signups", headers: json, body: Data(#"{"username": "ann",, }"#.utf8))
        #expect(syntax.status == 400 && syntax.text.contains("not valid JSON: expected a member name in quotes at byte 19"), "\(syntax.text)")
        #expect(await Self.recorder.inputs.count == before, "no refused request reached the handler")
    }
}
