import ClientTestSupport
import Foundation
import Testing
import GoldenConstraints

private let valid = Signup(
    username: "ada_99", age: 30, score: 0.5, quantity: 10, tags: ["a", "b"], attributes: ["k": "v"],
    address: Address(postcode: "6011"), previous: [Address(postcode: "1234")], country: "NZ",
    nickname: "Al")

/// `valid` with one change.
private func signup(_ change: (inout Signup) -> Void) -> Signup {
    var value = valid
    change(&value)
    return value
}

private func issue(_ path: String, _ message: String) -> ValidationIssue {
    ValidationIssue(path: path, message: message)
}

@Suite("Constraint validation") struct ConstraintValidationTests {
    @Test func validValueHasNoIssues() throws {
        #expect(valid.validationIssues == [])
        try valid.validate()
        let minimal = Signup(username: "abc", age: 13, tags: ["t"], address: Address(postcode: "0000"))
        #expect(minimal.validationIssues == [])
    }

    @Test func stringLengthAndPattern() {
        #expect(signup { $0.username = "9A" }.validationIssues == [
            issue("username", "2 characters, at least 3 required"),
            issue("username", #""9A" does not match the pattern ^[a-z][a-z0-9_]*$"#),
        ])
        #expect(signup { $0.username = "abcdefghijklmnopq" }.validationIssues == [
            issue("username", "17 characters, at most 16 allowed"),
        ])
        // `$` must not match before a trailing line break.
        #expect(signup { $0.username = "abc\n" }.validationIssues == [
            issue("username", #""abc\n" does not match the pattern ^[a-z][a-z0-9_]*$"#),
        ])
    }

    @Test func integerBoundsInclusiveAndExclusive() {
        #expect(signup { $0.age = 13 }.validationIssues == [])
        #expect(signup { $0.age = 129 }.validationIssues == [])
        #expect(signup { $0.age = 12 }.validationIssues == [issue("age", "12 is less than the minimum 13")])
        #expect(signup { $0.age = 130 }.validationIssues == [issue("age", "130 must be less than 130")])
    }

    @Test func boundsBeyondInt64AreComparedAsNumbers() {
        #expect(signup { $0.visits = Int.max }.validationIssues == [])
        #expect(signup { $0.visits = 0 }.validationIssues == [])
        #expect(signup { $0.visits = -1 }.validationIssues == [issue("visits", "-1 is less than the minimum 0")])
    }

    @Test func numberBoundsAndMultipleOf() {
        #expect(signup { $0.score = 1 }.validationIssues == [])
        #expect(signup { $0.score = 0.07 }.validationIssues == [])
        #expect(signup { $0.score = 0 }.validationIssues == [issue("score", "0 must be greater than 0")])
        #expect(signup { $0.score = 1.005 }.validationIssues == [
            issue("score", "1.005 is greater than the maximum 1"),
            issue("score", "1.005 is not a multiple of 0.01"),
        ])
        #expect(signup { $0.quantity = 7 }.validationIssues == [issue("quantity", "7 is not a multiple of 5")])
        #expect(signup { $0.quantity = 0 }.validationIssues == [])
    }

    @Test func arrayCountUniquenessAndItems() {
        #expect(signup { $0.tags = [] }.validationIssues == [issue("tags", "0 items, at least 1 required")])
        #expect(signup { $0.tags = ["alpha", "beta", "alpha", "abcdefghijk"] }.validationIssues == [
            issue("tags", "4 items, at most 3 allowed"),
            issue("tags", "items must be unique; item 2 repeats item 0"),
            issue("tags[3]", "11 characters, at most 10 allowed"),
        ])
    }

    @Test func mapPropertyCountsAndValues() {
        #expect(signup { $0.attributes = [:] }.validationIssues == [issue("attributes", "0 properties, at least 1 required")])
        #expect(signup { $0.attributes = ["a": "x", "b": "", "c": "y"] }.validationIssues == [
            issue("attributes", "3 properties, at most 2 allowed"),
            issue("attributes.b", "0 characters, at least 1 required"),
        ])
        #expect(signup { $0.attributes = ["has space": ""] }.validationIssues == [
            issue(#"attributes["has space"]"#, "0 characters, at least 1 required"),
        ])
    }

    @Test func nestedObjectsReportTheirPath() {
        #expect(signup { $0.address.postcode = "60A1" }.validationIssues == [
            issue("address.postcode", #""60A1" does not match the pattern ^[0-9]{4}$"#),
        ])
        #expect(signup { $0.previous = [Address(postcode: "1111"), Address(postcode: "12345")] }.validationIssues == [
            issue("previous[1].postcode", #""12345" does not match the pattern ^[0-9]{4}$"#),
        ])
    }

    @Test func constAndNullableWithConstraint() {
        #expect(signup { $0.country = "AU" }.validationIssues == [issue("country", #""AU" is not one of: NZ"#)])
        #expect(signup { $0.country = nil }.validationIssues == [])
        #expect(signup { $0.nickname = "A" }.validationIssues == [issue("nickname", "1 character, at least 2 required")])
        #expect(signup { $0.nickname = nil }.validationIssues == [])
    }

    @Test func reportsEveryIssueInCheckOrder() throws {
        let invalid = Signup(
            username: "X", age: 200, score: -1, quantity: 3, tags: ["a", "a"], attributes: [:],
            address: Address(postcode: "x"), previous: [Address(postcode: "y")], country: "US", nickname: "")
        let expected = [
            issue("username", "1 character, at least 3 required"),
            issue("username", #""X" does not match the pattern ^[a-z][a-z0-9_]*$"#),
            issue("age", "200 must be less than 130"),
            issue("score", "-1 must be greater than 0"),
            issue("quantity", "3 is not a multiple of 5"),
            issue("tags", "items must be unique; item 1 repeats item 0"),
            issue("attributes", "0 properties, at least 1 required"),
            issue("address.postcode", #""x" does not match the pattern ^[0-9]{4}$"#),
            issue("previous[0].postcode", #""y" does not match the pattern ^[0-9]{4}$"#),
            issue("country", #""US" is not one of: NZ"#),
            issue("nickname", "0 characters, at least 2 required"),
        ]
        #expect(invalid.validationIssues == expected)
        let failure = try #require(throws: ValidationFailure.self) { try invalid.validate() }
        #expect(failure.issues == expected)
    }

    @Test func operationInputValidatesParametersAndBody() {
        #expect(Operations.SignUp.Input(invite: "ABCD-1234", page: 1, body: valid).validationIssues == [])
        #expect(Operations.SignUp.Input(invite: "abcd-1234", page: 0, body: signup { $0.age = 1 }).validationIssues == [
            issue("invite", #""abcd-1234" does not match the pattern ^[A-Z]{4}-[0-9]{4}$"#),
            issue("page", "0 is less than the minimum 1"),
            issue("age", "1 is less than the minimum 13"),
        ])
    }
}

@Suite("Constraint validation in the client") struct ConstraintClientTests {
    @Test func invalidInputIsNotSent() async throws {
        let transport = RecordingTransport()
        let client = GoldenConstraintsClient(baseURL: exampleBaseURL, transport: transport)
        let error = try await #require(throws: ClientError.self) {
            try await client.signUp(invite: "ABCD-12345", page: 1, body: valid)
        }
        guard case .invalidInput(let operationID, let failure) = error else {
            Issue.record("expected invalidInput, got \(error)")
            return
        }
        #expect(operationID == "signUp")
        #expect(failure.issues == [issue("invite", #""ABCD-12345" does not match the pattern ^[A-Z]{4}-[0-9]{4}$"#)])
        #expect(await transport.requests.isEmpty)
    }

    @Test func invalidInputDescriptionQuotesTheRejectedValue() async throws {
        // Saying which value broke the pattern is the point of the message; credentials are never
        // validated, so they can't appear here (see the runtime's redaction tests).
        let client = GoldenConstraintsClient(baseURL: exampleBaseURL, transport: RecordingTransport())
        let error = try await #require(throws: ClientError.self) {
            try await client.signUp(invite: "SECRET-CODE", body: valid)
        }
        #expect(error.description.hasPrefix("`signUp` was not sent, its input is invalid:\n  invite: "))
        #expect(error.description.contains(#""SECRET-CODE" does not match the pattern"#))
    }

    @Test func validInputIsSentWithParametersAndBody() async throws {
        let transport = RecordingTransport(.raw(200))
        let client = GoldenConstraintsClient(baseURL: exampleBaseURL, transport: transport)
        try await client.signUp(invite: "ABCD-1234", page: 2, body: Signup(username: "abc", age: 13, tags: ["t"], address: Address(postcode: "0000")))
        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/signups")
        #expect(request.query == [QueryItem(name: "invite", value: "ABCD-1234"), QueryItem(name: "page", value: "2")])
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(try json(request.body) == json(#"{"username": "abc", "age": 13, "tags": ["t"], "address": {"postcode": "0000"}}"#))
    }

    @Test func undocumentedStatusIsReturnedOrThrown() async throws {
        let reply = HTTPResponse.json(400, #"{"error": "taken"}"#)
        let transport = RecordingTransport(reply)
        let client = GoldenConstraintsClient(baseURL: exampleBaseURL, transport: transport)
        let output = try await client.signUp(Operations.SignUp.Input(body: valid))
        #expect(output == .undocumented(statusCode: 400, reply))
        let error = try await #require(throws: OperationError<Operations.SignUp.Output>.self) {
            try await client.signUp(body: valid)
        }
        #expect(error.statusCode == 400)
        #expect(error.description == "`signUp` returned HTTP 400")
    }
}
