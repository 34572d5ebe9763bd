import Foundation
import OpenAPIGenRuntime
import RoundTripPayloads
import Testing

/// Stores entries as sent and answers them inside an envelope; answers a conversation with its
/// last item when that is something an output can be.
private actor Entries: GoldenServerPayloadsAPI {
    private var stored: [UUIDText: Entry] = [:]
    let recorder: Recorder

    init(recorder: Recorder) { self.recorder = recorder }

    func getEntry(_ input: Operations.GetEntry.Input) async throws -> Operations.GetEntry.Output {
        await recorder.record(input)
        guard var entry = stored[input.id] else { return .undocumented(statusCode: 404, HTTPResponse(status: 404)) }
        if let since = input.since { entry.additionalProperties["since"] = .string(since.text) }
        return .ok(Envelope(data: entry, additionalProperties: ["request_id": "req_1", "paging": ["next": .null]]))
    }

    func putEntry(_ input: Operations.PutEntry.Input) async throws -> Operations.PutEntry.Output {
        await recorder.record(input)
        stored[input.id] = input.body
        return .noContent()
    }

    func postConversation(_ input: Operations.PostConversation.Input) async throws -> Operations.PostConversation.Output {
        await recorder.record(input)
        return .ok(try JSONCoding.decode(OutputItem.self, from: JSONCoding.encode(input.body.last)))
    }
}

@Suite(.serialized) struct PayloadsRoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Entries(recorder: recorder).registerHandlers(on: $0) }

    @Test func valuesComeBackAsTheyWereWritten() async throws {
        let client = GoldenServerPayloadsClient(baseURL: try await Self.server.url)
        let text = #"""
            {"id": "0F8FAD5B-D9CB-469F-A165-70867728950E", "updated_at": "2026-05-28T19:05:00.123456789+02:00",
             "status": "live",
             "next_action": {"url": "https://pay.example/3ds", "instructions": "scan", "expires_at": 1780000000}, "archived": false}
            """#
        let entry = try JSONCoding.decode(Entry.self, from: Data(text.utf8))
        let id = try #require(UUIDText("0F8FAD5B-D9CB-469F-A165-70867728950E"))
        #expect(try await client.putEntry(.init(id: id, body: entry)) == .noContent())
        #expect(await Self.recorder.last(Operations.PutEntry.Input.self) == .init(id: id, body: entry))
        let since = try #require(DateTime(rfc3339: "2026-01-01T00:00:00.5+01:00"))
        guard case .ok(let envelope, _) = try await client.getEntry(.init(id: id, since: since)) else {
            Issue.record("expected 200")
            return
        }
        #expect(envelope.data.id.text == "0F8FAD5B-D9CB-469F-A165-70867728950E")
        #expect(envelope.data.updatedAt.text == "2026-05-28T19:05:00.123456789+02:00")
        // (No `protection`: every value of it matches both its oneOf branches, which validate() refuses.)
        #expect(envelope.data.nextAction == entry.nextAction && envelope.data.status == "live")
        #expect(envelope.data.additionalProperties == ["archived": false, "since": "2026-01-01T00:00:00.5+01:00"])
        #expect(envelope.additionalProperties == ["request_id": "req_1", "paging": ["next": .null]])
        #expect(await Self.recorder.last(Operations.GetEntry.Input.self) == .init(id: id, since: since))

        let conversation = try JSONCoding.decode([InputItem].self, from: Data(#"""
            [{"type": "message", "role": "system", "content": "be brief"},
             {"type": "message", "role": "user", "content": "hi"},
             {"type": "message", "role": "assistant", "content": "hello", "refusal": "no"}]
            """#.utf8))
        guard case .ok(let reply, _) = try await client.postConversation(.init(body: conversation)) else {
            Issue.record("expected 200")
            return
        }
        #expect(await Self.recorder.last(Operations.PostConversation.Input.self)?.body == conversation)
        guard case .message(.assistantMessage(let message)) = reply else {
            Issue.record("expected the assistant message, got \(reply)")
            return
        }
        #expect(message.content == "hello")
    }

    @Test func badIdentifiersTimestampsAndUnionsAre400() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e"
        let badID = try await raw("GET", url, "/entries/not-a-uuid")
        #expect(badID.status == 400 && problems(badID.text) == ["path:id"], "\(badID.text)")
        let badSince = try await raw("GET", url, "/entries/\(id)?since=yesterday")
        #expect(badSince.status == 400 && problems(badSince.text) == ["query:since"], "\(badSince.text)")
        let badDate = try await raw("PUT", url, "/entries/\(id)", headers: json, body: Data(#"{"id": "\#(id)", "updated_at": "28 May"}"#.utf8))
        #expect(badDate.status == 400 && problems(badDate.text) == ["body:updated_at"], "\(badDate.text)")
        let noBranch = try await raw("POST", url, "/conversation", headers: json, body: Data(#"[{"type": "message", "role": "robot"}]"#.utf8))
        #expect(noBranch.status == 400 && problems(noBranch.text).first?.hasPrefix("body:") == true, "\(noBranch.text)")
        let notArray = try await raw("POST", url, "/conversation", headers: json, body: Data(#"{"type": "message"}"#.utf8))
        #expect(notArray.status == 400, "\(notArray.text)")
        #expect(await Self.recorder.inputs.count == before)
    }
}
