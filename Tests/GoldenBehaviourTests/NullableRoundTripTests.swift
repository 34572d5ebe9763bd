import ClientTestSupport
import Foundation
import Testing
import GoldenNullable
import GoldenNullable30

/// 2026-05-28T17:05:00Z.
private let may28 = DateTime(Date(timeIntervalSince1970: 1_779_987_900))

@Suite("Nullable forms (OpenAPI 3.1)") struct NullableRoundTripTests {
    @Test func decodesEveryFormWithAValue() throws {
        let profile = try decode(Profile.self, """
            {"id": "p1", "nickname": "Ace", "bio": "Hi", "tags": ["a", "b"],
             "manager": {"name": "Grace"}, "scores": [1, null, 3], "lastSeen": "2026-05-28T17:05:00Z"}
            """)
        #expect(profile.id == "p1")
        #expect(profile.nickname == "Ace")
        #expect(profile.bio == "Hi")
        #expect(profile.tags == ["a", "b"])
        #expect(profile.manager == Person(name: "Grace"))
        #expect(profile.scores == [1, nil, 3])
        #expect(profile.lastSeen == may28)
    }

    @Test func decodesNullAsNil() throws {
        let profile = try decode(Profile.self, """
            {"id": "p1", "nickname": null, "bio": null, "tags": null, "manager": null,
             "scores": null, "lastSeen": null}
            """)
        // Optional members read as null are noted, so that they are written back as null;
        // `scores` does not allow null (its schema is `type: array`), so none is written for it.
        var expected = Profile(id: "p1")
        expected.nullMembers = ["bio", "lastSeen"]
        #expect(profile == expected)
        #expect(try encodedJSON(profile) == json("""
            {"id": "p1", "nickname": null, "bio": null, "tags": null, "manager": null, "lastSeen": null}
            """))
    }

    @Test func decodesAbsentOptionalsAsNil() throws {
        let profile = try decode(Profile.self, #"{"id": "p1", "nickname": null, "tags": null, "manager": null}"#)
        #expect(profile.bio == nil)
        #expect(profile.scores == nil)
        #expect(profile.lastSeen == nil)
    }

    @Test func rejectsNullWhereTheSchemaHasNoNullBranch() throws {
        #expect(throws: DecodingError.self) {
            try decode(Profile.self, #"{"id": null, "nickname": null, "tags": null, "manager": null}"#)
        }
        #expect(throws: DecodingError.self) {
            try decode(Profile.self, #"{"id": "p1", "nickname": null, "tags": [null], "manager": null}"#)
        }
    }

    @Test func readsDatesWithFractionalSecondsAndOffsets() throws {
        let fractional = try decode(Profile.self, #"{"id": "p", "lastSeen": "2026-05-28T17:05:00.123Z"}"#)
        let seconds = try #require(fractional.lastSeen).date.timeIntervalSince1970
        #expect(abs(seconds - 1_779_987_900.123) < 0.000_001)
        #expect(try encodedJSON(fractional)["lastSeen"] == "2026-05-28T17:05:00.123Z")

        let offset = try decode(Profile.self, #"{"id": "p", "lastSeen": "2026-05-28T19:05:00+02:00"}"#)
        #expect(offset.lastSeen == may28)
        // The offset is written back as read: the value is the instant and the text.
        #expect(try encodedJSON(offset)["lastSeen"] == "2026-05-28T19:05:00+02:00")

        #expect(throws: DecodingError.self) {
            try decode(Profile.self, #"{"id": "p", "lastSeen": "28/05/2026"}"#)
        }
    }

    @Test func roundTripsValues() throws {
        let text = """
            {"id": "p1", "nickname": "Ace", "bio": "Hi", "tags": [], "manager": {"name": "Grace"},
             "scores": [null, 2], "lastSeen": "2026-05-28T17:05:00Z"}
            """
        #expect(try encodedJSON(decode(Profile.self, text)) == json(text))
    }

    @Test func omitsAbsentOptionalPropertiesWhenEncoding() throws {
        let profile = Profile(id: "p1", nickname: "Ace", tags: ["a"], manager: Person(name: "G"))
        #expect(try encodedText(profile) == #"{"id":"p1","manager":{"name":"G"},"nickname":"Ace","tags":["a"]}"#)
    }

    @Test func keepsRequiredNullsWhenEncoding() throws {
        // `nickname`, `tags` and `manager` are required: a null must be written, not dropped.
        let text = #"{"id": "p1", "nickname": null, "tags": null, "manager": null}"#
        // Profile is sent (PUT /profiles/{id}), so a required null is written, not dropped.
        let encoded = try encodedJSON(decode(Profile.self, text))
        #expect(try encoded == json(text))
    }

    @Test func acceptsAMissingRequiredNullableKey() throws {
        // Reading is lenient: a server that leaves out a required-but-nullable key means null.
        let profile = try decode(Profile.self, #"{"id": "p1"}"#)
        #expect(profile.nickname == nil)
        #expect(profile.manager == nil)
    }
}

@Suite("Nullable forms (OpenAPI 3.0)") struct Nullable30RoundTripTests {
    @Test func listsOfANullableObjectCheckEachElementThatIsThere() throws {
        let list = try decode(MiniList.self, #"{"entries": [{"name": "a"}, null, {"name": ""}]}"#)
        #expect(list.entries?.count == 3)
        #expect(list.entries?[1] == nil)
        #expect(list.validationIssues.map(\.path) == ["entries[2].name"])
    }

    @Test func decodesNullableFields() throws {
        let account = try decode(Account.self, """
            {"id": 9007199254740993, "email": null, "plan": {"name": "Pro"},
             "expandable": "plan_123", "discount": 12.5}
            """)
        #expect(account.id == 9_007_199_254_740_993)
        #expect(account.email == nil)
        #expect(account.plan == Plan(name: "Pro"))
        #expect(account.expandable == .string("plan_123"))
        #expect(account.discount == 12.5)
    }

    @Test func decodesExpandableAsEitherBranchOrNull() throws {
        let expanded = try decode(Account.self, #"{"id": 1, "email": "a@b.c", "plan": null, "expandable": {"name": "Pro"}}"#)
        #expect(expanded.expandable == .plan(Plan(name: "Pro")))
        #expect(expanded.email == "a@b.c")
        #expect(expanded.plan == nil)

        let null = try decode(Account.self, #"{"id": 1, "email": null, "plan": null, "expandable": null}"#)
        #expect(null.expandable == nil)

        #expect(throws: DecodingError.self) {
            try decode(Account.self, #"{"id": 1, "email": null, "plan": null, "expandable": 42}"#)
        }
    }

    @Test func roundTripsValues() throws {
        let text = #"{"id": 7, "email": "a@b.c", "plan": {"name": "Pro"}, "expandable": {"name": "Basic"}, "discount": 0.5}"#
        #expect(try encodedJSON(decode(Account.self, text)) == json(text))
        let expandableString = #"{"id": 7, "email": "a@b.c", "plan": {}, "expandable": "plan_1"}"#
        #expect(try encodedJSON(decode(Account.self, expandableString)) == json(expandableString))
    }

    @Test func keepsRequiredNullsWhenEncoding() throws {
        let text = #"{"id": 7, "email": null, "plan": null}"#
        // Account is sent (PUT /accounts/{id}), so required nulls are written.
        let encoded = try encodedJSON(decode(Account.self, text))
        #expect(try encoded == json(text))
    }

    @Test func validatesBooleanExclusiveBounds() {
        #expect(Account(id: 1, discount: 0.01).validationIssues == [])
        #expect(Account(id: 1, discount: 99.99).validationIssues == [])
        #expect(Account(id: 1).validationIssues == [])
        #expect(Account(id: 1, discount: 0).validationIssues == [
            ValidationIssue(path: "discount", message: "0 must be greater than 0"),
        ])
        #expect(Account(id: 1, discount: 100).validationIssues == [
            ValidationIssue(path: "discount", message: "100 must be less than 100"),
        ])
    }
}
