import Foundation
import OpenAPIGenRuntime
import RoundTripKeywords31
import Testing

/// Stores records as sent and answers them back; shapes by the first letter of their id.
private struct Records: GoldenServerKeywords31API {
    let recorder: Recorder

    func createRecord(_ input: Operations.CreateRecord.Input) async throws -> Operations.CreateRecord.Output {
        await recorder.record(input)
        return .ok(input.body)
    }

    func getShape(_ input: Operations.GetShape.Input) async throws -> Operations.GetShape.Output {
        input.id.hasPrefix("c") ? .ok(.circle(Circle(kind: "circle", radius: 1.5))) : .ok(.square(Square(kind: "square", side: 2)))
    }
}

@Suite(.serialized) struct Keywords31RoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Records(recorder: recorder).registerHandlers(on: $0) }

    @Test func aRecordWithEveryKeywordComesBackAsSent() async throws {
        let client = GoldenServerKeywords31Client(baseURL: try await Self.server.url)
        let text = #"""
            {"id": 7, "point": [1.5, -2], "entry": ["a", 1], "tags": ["primary", "x"], "labels": {"x-a": "b"},
             "strict": {"a": "s"}, "loose": {"a": "l", "n": 3}, "version": 2, "ratio": 0.5, "enabled": true, "nothing": null,
             "kind": "record", "payment": {"method": "card", "card": "4242"}, "billing": {"name": "n", "address": "a", "nickname": "k"},
             "headers": {"x-id": "1"}, "other": {"deep": [1]}, "logo": "iVBORw0KGgo=", "color": "red",
             "tree": {"value": "root", "children": [{"value": "leaf"}], "leaf": "l", "named": "n"}, "unit": "cm",
             "pet": {"species": "dog", "name": "Rex"}, "unknown": {"kept": true}}
            """#
        let record = try JSONCoding.decode(Record.self, from: Data(text.utf8))
        #expect(try await client.createRecord(.init(body: record)) == .ok(record))
        #expect(await Self.recorder.last(Operations.CreateRecord.Input.self)?.body == record)
        #expect(try await client.getShape(.init(id: "c1")) == .ok(.circle(Circle(kind: "circle", radius: 1.5))))
        #expect(try await client.getShape(.init(id: "s1")) == .ok(.square(Square(kind: "square", side: 2))))
    }

    @Test func keywordsNoTypeHoldsAreCheckedByTheServer() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let broken = #"""
            {"id": "r", "point": [1, 2, 3], "tags": ["x"], "version": 3, "payment": {"method": "card"},
             "billing": {"address": "a"}, "headers": {"X-Id": "1"}, "strict": {"b": 1}}
            """#
        let answer = try await raw("POST", url, "/records", headers: json, body: Data(broken.utf8))
        #expect(answer.status == 400, "\(answer.text)")
        #expect(Set(problems(answer.text)) == ["body:point[2]", "body:tags", "body:version", "body:payment", "body:billing", "body:headers", "body:strict"],
                "\(answer.text)")
        let point = try await raw("POST", url, "/records", headers: json, body: Data(#"{"id": null, "point": ["a", 2]}"#.utf8))
        #expect(point.status == 400 && problems(point.text).first?.hasPrefix("body:point") == true, "\(point.text)")
        #expect(await Self.recorder.inputs.count == before)
    }
}
