import Foundation
import OpenAPIGenRuntime
import RoundTripRealWorld
import Testing

/// Answers an item named from every parameter it was given.
private struct Shelves: GoldenServerRealWorldAPI {
    let recorder: Recorder

    func readItem(_ input: Operations.ReadItem.Input) async throws -> Operations.ReadItem.Output {
        await recorder.record(input)
        return .ok(Item(id: "v-\(input.page ?? 0)", name: "\(input.apiVersion)|\(input.itemID)|\(input.q ?? "-")|\(input.xTrace ?? "-")"))
    }

    func putBook(_ input: Operations.PutBook.Input) async throws -> Operations.PutBook.Output {
        await recorder.record(input)
        return .noContent()
    }
}

@Suite(.serialized) struct RealWorldRoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Shelves(recorder: recorder).registerHandlers(on: $0) }

    @Test func fastAPIShapesSurvive() async throws {
        let client = GoldenServerRealWorldClient(baseURL: try await Self.server.url)
        let read = Operations.ReadItem.Input(itemID: "it em/1", q: "word_1", xTrace: "t-1", page: 3, apiVersion: "2")
        #expect(try await client.readItem(read) == .ok(Item(id: "v-3", name: "2|it em/1|word_1|t-1")))
        #expect(await Self.recorder.last(Operations.ReadItem.Input.self) == read)

        let book = Operations.PutBook.Input(shelf: -4, book: "AB1234", verbose: false, body: Item(
            id: "abc-12", name: "n", note: "é", slug: "a-b_c", code: "x ", label: "€", verbose: true, additionalProperties: ["x": 1]))
        #expect(try await client.putBook(book) == .noContent())
        #expect(await Self.recorder.last(Operations.PutBook.Input.self) == book)
    }

    @Test func missingAndMalformedParametersAre400() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        // `page` is required but nullable, and a query has no null: absent is how null is sent.
        let nullPage = try await raw("GET", url, "/api/v1/items/i")
        #expect(nullPage.status == 200 && nullPage.text.contains("v-0"), "\(nullPage.text)")
        let wrongPage = try await raw("GET", url, "/api/v1/items/i?page=first")
        #expect(wrongPage.status == 400 && problems(wrongPage.text) == ["query:page"], "\(wrongPage.text)")
        let pattern = try await raw("GET", url, "/api/v1/items/i?page=1&q=two%20words")
        #expect(pattern.status == 400 && problems(pattern.text) == ["query:q"], "\(pattern.text)")
        let json = ["Content-Type": "application/json"]
        let item = Data(#"{"id": "ab-1", "name": "n"}"#.utf8)
        let shelf = try await raw("PUT", url, "/shelves/top/books/AB1234", headers: json, body: item)
        #expect(shelf.status == 400 && problems(shelf.text) == ["path:shelf"], "\(shelf.text)")
        let code = try await raw("PUT", url, "/shelves/1/books/ab12?verbose=yes", headers: json, body: item)
        #expect(code.status == 400 && problems(code.text) == ["query:verbose"], "\(code.text)")
        let codePattern = try await raw("PUT", url, "/shelves/1/books/ab12", headers: json, body: item)
        #expect(codePattern.status == 400 && problems(codePattern.text) == ["path:book"], "\(codePattern.text)")
        let body = try await raw("PUT", url, "/shelves/1/books/AB1234", headers: json, body: Data(#"{"id": "AB-1"}"#.utf8))
        #expect(body.status == 400 && problems(body.text) == ["body:name"], "\(body.text)")
        let idPattern = try await raw("PUT", url, "/shelves/1/books/AB1234", headers: json, body: Data(#"{"id": "AB-1", "name": "n"}"#.utf8))
        #expect(idPattern.status == 400 && problems(idPattern.text) == ["body:id"], "\(idPattern.text)")
        #expect(await Self.recorder.inputs.count == before + 1, "only the null page reached the handler")
    }
}
