import ClientTestSupport
import Foundation
import OpenAPIGenRuntime
import Testing
import GoldenPayloads

/// Payloads read and written back unchanged (Tests/Fixtures/Payloads.yaml): what a client reads
/// from a server and sends back (GET then PUT) must not lose or rewrite anything.
@Suite("Payloads") struct PayloadRoundTripTests {
    /// Decodes `text` as `T`, re-encodes it and checks the JSON is the same (key order aside).
    @discardableResult
    func roundTrip<T: Codable>(_ type: T.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        let value = try decode(T.self, text)
        #expect(try encodedJSON(value) == json(text), sourceLocation: sourceLocation)
        return value
    }

    // MARK: Unknown members

    @Test func membersTheSchemaDoesNotNameAreKeptAndWrittenBack() throws {
        let text = #"""
            {"data": {"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "updated_at": "2026-05-28T17:05:00Z", "archived": false,
                      "tags": ["a", {"b": null}]},
             "request_id": "req_1", "paging": {"next": null}}
            """#
        let envelope = try roundTrip(Envelope.self, text)
        #expect(envelope.additionalProperties == ["request_id": "req_1", "paging": ["next": .null]])
        #expect(envelope.data.additionalProperties["archived"] == .bool(false))
        #expect(envelope.data.unknownMemberCount == 2)
    }

    @Test func forbiddenMembersDecodeButValidateReportsThem() throws {
        let strict = try roundTrip(Strict.self, #"{"name": "n", "zeta": 1, "alpha": true}"#)
        #expect(strict.additionalProperties == ["zeta": 1, "alpha": true])
        #expect(strict.validationIssues.map(\.description) == [
            "alpha: is not allowed by additionalProperties: false", "zeta: is not allowed by additionalProperties: false",
        ])
        #expect(try decode(Strict.self, #"{"name": "n"}"#).validationIssues.isEmpty)
    }

    @Test func aPropertyNamedAdditionalPropertiesIsNotTakenForTheKeptMembers() throws {
        let settings = try roundTrip(StrictSettings.self, #"{"additionalProperties": "", "other": 1}"#)
        #expect(settings.additionalProperties2 == "")
        #expect(settings.additionalProperties == ["other": 1])
        #expect(settings.validationIssues.map(\.description) == [
            "additionalProperties: 0 characters, at least 1 required", "other: is not allowed by additionalProperties: false",
        ])
        #expect(try decode(StrictSettings.self, #"{"additionalProperties": "on"}"#).validationIssues.isEmpty)
    }

    @Test func anExplicitNullOnAnOptionalMemberOfAnyValueIsWrittenBack() throws {
        let note = try roundTrip(Note.self, #"{"text": "a", "extra": null}"#)
        #expect(note.extra == .null)
        #expect(try roundTrip(Note.self, #"{"text": "a"}"#).extra == nil)
        #expect(try encodedText(Note(text: "a", extra: .null)) == #"{"extra":null,"text":"a"}"#)
    }

    @Test func typedAdditionalPropertiesStayTyped() throws {
        let labels = try roundTrip(Labels.self, #"{"owner": "ann", "team": "core"}"#)
        #expect(labels.owner == "ann")
        #expect(labels.additionalProperties == ["team": "core"])
        #expect(throws: DecodingError.self) { try decode(Labels.self, #"{"team": 3}"#) }
    }

    @Test func namedPropertiesWinOverAStrayMemberOfTheSameKey() throws {
        var strict = Strict(name: "declared")
        strict.additionalProperties["name"] = "stray"
        #expect(try encodedJSON(strict) == json(#"{"name": "declared"}"#))
    }

    // MARK: Unions without a discriminator

    @Test func theBranchThatAccountsForThePayloadWins() throws {
        // BasicProtection decodes this too (it only needs `enabled`) but would leave two members unnamed.
        let protection = try roundTrip(Protection.self, #"{"enabled": true, "required_reviewers": 2, "dismiss_stale": false}"#)
        #expect(protection == .reviewedProtection(ReviewedProtection(enabled: true, requiredReviewers: 2, dismissStale: false)))
        // A tie goes to the branch written first.
        #expect(try roundTrip(Protection.self, #"{"enabled": false}"#) == .basicProtection(BasicProtection(enabled: false)))
    }

    @Test func anyOfBranchesThatAllDecodeAreRankedByWhatTheyName() throws {
        let display = try roundTrip(NextAction.self, #"{"url": "https://x.example", "instructions": "scan", "expires_at": 5}"#)
        guard case .displayAction(let action) = display else { Issue.record("chose \(display)"); return }
        #expect(action.instructions == "scan")
        #expect(try roundTrip(NextAction.self, #"{"url": "https://x.example"}"#) == .redirectAction(RedirectAction(url: "https://x.example")))
        // Members neither branch names are kept by the branch that names the most.
        let extra = try roundTrip(NextAction.self, #"{"url": "u", "instructions": "i", "other": 1}"#)
        guard case .displayAction(let kept) = extra else { Issue.record("chose \(extra)"); return }
        #expect(kept.additionalProperties == ["other": 1])
    }

    @Test func aBranchThatIsItselfAUnionCountsWhatItsChosenBranchLeavesUnnamed() throws {
        // NextAction (the first branch) decodes any object, but leaves both keys unnamed; the
        // Emoji branch names them, so it wins and nothing moves into additionalProperties.
        let reaction = try roundTrip(Reaction.self, #"{"name": "smile", "unicode": "1F642"}"#)
        #expect(reaction == .emoji(Emoji(name: "smile", unicode: "1F642")))
        #expect(reaction.unknownMemberCount == 0)
        let action = try roundTrip(Reaction.self, #"{"url": "https://pay.example", "instructions": "scan", "note": 1}"#)
        guard case .nextAction(.displayAction(let display)) = action else {
            Issue.record("expected a display action, got \(action)")
            return
        }
        #expect(display.additionalProperties == ["note": 1])
        #expect(action.unknownMemberCount == 1)
    }

    @Test func noMatchingBranchIsAnError() throws {
        let error = try #require(throws: DecodingError.self) { try decode(Protection.self, #"{"required_reviewers": 2}"#) }
        #expect(decodingFailure(error)?.contains("matches none of Protection's schemas") == true)
    }

    // MARK: Shared discriminator values

    @Test func branchesSharingATagAreToldApartByTheirOtherMembers() throws {
        let text = #"""
            [{"type": "message", "role": "system", "content": "be brief"},
             {"type": "message", "role": "user", "content": "hi"},
             {"type": "message", "role": "assistant", "content": "hello", "refusal": "no"},
             {"type": "function_call", "name": "f", "arguments": "{}"}]
            """#
        let items = try roundTrip([InputItem].self, text)
        #expect(items.map(\.caseName) == ["systemMessage", "userMessage", "assistantMessage", "functionCall"])
    }

    @Test func aUnionBranchIsSelectedByItsMembersTags() throws {
        let message = try roundTrip(OutputItem.self, #"{"type": "message", "role": "assistant", "content": "c"}"#)
        #expect(message == .message(.assistantMessage(AssistantMessage(type: "message", role: .assistant, content: "c"))))
        let call = try roundTrip(OutputItem.self, #"{"type": "function_call", "name": "f"}"#)
        #expect(call == .functionCall(FunctionCall(type: "function_call", name: "f")))
        #expect(throws: DecodingError.self) { try decode(OutputItem.self, #"{"type": "Message", "role": "user", "content": "c"}"#) }
    }

    // MARK: allOf

    @Test func allOfBranchesDeclaringOneObjectAreMerged() throws {
        let incident = try roundTrip(Incident.self, #"{"id": "i1", "orchestration": {"id": "o1", "steps": ["page", "ack"], "status": "running"}}"#)
        #expect(incident.orchestration?.id == "o1")
        #expect(incident.orchestration?.steps == ["page", "ack"])
        #expect(incident.orchestration?.status == "running")
        #expect(incident.orchestration?.additionalProperties == [:])
        #expect(throws: DecodingError.self) { try decode(Incident.self, #"{"id": "i1", "orchestration": {"steps": []}}"#) }
    }

    // MARK: Values written back as read

    @Test func identifiersAndTimestampsKeepTheirText() throws {
        let text = #"{"id": "0F8FAD5B-D9CB-469F-A165-70867728950E", "updated_at": "2026-05-28T19:05:00.123456789+02:00"}"#
        let entry = try roundTrip(Entry.self, text)
        #expect(entry.id.text == "0F8FAD5B-D9CB-469F-A165-70867728950E")
        #expect(entry.id == UUIDText(UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e")!))
        #expect(entry.updatedAt.text == "2026-05-28T19:05:00.123456789+02:00")
        #expect(rfc3339(entry.updatedAt.date) == "2026-05-28T17:05:00.123Z")
        #expect(entry.updatedAt == DateTime(rfc3339: "2026-05-28T17:05:00.123456789Z"))
    }

    @Test func valuesMadeInSwiftAreWrittenInCanonicalForm() throws {
        let id = UUIDText(UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!)
        let entry = Entry(id: id, updatedAt: DateTime(Date(timeIntervalSince1970: 1_780_000_000.5)))
        let encoded = try encodedJSON(entry)
        #expect(encoded["id"] == "0f8fad5b-d9cb-469f-a165-70867728950e")
        #expect(encoded["updated_at"] == .string(RFC3339.string(from: Date(timeIntervalSince1970: 1_780_000_000.5))))
        #expect(DateTime(rfc3339: "not a date") == nil)
        #expect(DateTime(Date(timeIntervalSince1970: 1)) < DateTime(Date(timeIntervalSince1970: 2)))
    }

    @Test func defaultsApplyWhenTheCallerOmitsAValueNotWhenTheServerDid() throws {
        let text = #"{"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "updated_at": "2026-05-28T17:05:00Z"}"#
        let read = try roundTrip(Entry.self, text)
        #expect(read.status == nil)
        #expect(read.priority == nil)
        let made = Entry(id: read.id, updatedAt: read.updatedAt)
        #expect(made.status == "draft")
        #expect(made.priority == 3)
        #expect(try encodedJSON(made)["priority"] == 3)
    }

    @Test func theClientSendsUUIDAndDateTimeParametersAsWritten() async throws {
        let transport = RecordingTransport(.json(200, #"{"data": {"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "updated_at": "2026-05-28T17:05:00Z"}}"#))
        let client = GoldenPayloadsClient(baseURL: exampleBaseURL, transport: transport)
        let envelope = try await client.getEntry(id: UUIDText("0F8FAD5B-D9CB-469F-A165-70867728950E")!,
                                                 since: DateTime(rfc3339: "2026-01-01T00:00:00+01:00"))
        #expect(envelope.data.updatedAt.text == "2026-05-28T17:05:00Z")
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/entries/0F8FAD5B-D9CB-469F-A165-70867728950E")
        #expect(request.query.map(\.value) == ["2026-01-01T00:00:00+01:00"])
    }
}

extension InputItem {
    /// The case, for comparing which branch was chosen.
    var caseName: String {
        switch self {
        case .userMessage: "userMessage"
        case .assistantMessage: "assistantMessage"
        case .systemMessage: "systemMessage"
        case .functionCall: "functionCall"
        }
    }
}
