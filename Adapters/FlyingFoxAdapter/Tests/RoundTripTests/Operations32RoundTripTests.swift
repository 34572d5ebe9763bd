import Foundation
import OpenAPIGenRuntime
import RoundTripOperations32
import Testing

/// Records every input; answers the searches with the text it was sent.
private struct Items: GoldenServerOperations32API {
    let recorder: Recorder

    func searchItems(_ input: Operations.SearchItems.Input) async throws -> Operations.SearchItems.Output {
        await recorder.record(input)
        return .ok([Item(id: input.body.text)])
    }
    func linkItems(_ input: Operations.LinkItems.Input) async throws -> Operations.LinkItems.Output {
        await recorder.record(input)
        return .noContent()
    }
    func purgeItems(_ input: Operations.PurgeItems.Input) async throws -> Operations.PurgeItems.Output {
        await recorder.record(input)
        return .noContent()
    }
    func filterItems(_ input: Operations.FilterItems.Input) async throws -> Operations.FilterItems.Output {
        await recorder.record(input)
        return .ok([Item(id: input.filter.color ?? "-")])
    }
    func selectItems(_ input: Operations.SelectItems.Input) async throws -> Operations.SelectItems.Output {
        await recorder.record(input)
        return .noContent()
    }
    func filterEncoded(_ input: Operations.FilterEncoded.Input) async throws -> Operations.FilterEncoded.Output {
        await recorder.record(input)
        return .noContent()
    }
    func pathItems(_ input: Operations.PathItems.Input) async throws -> Operations.PathItems.Output {
        await recorder.record(input)
        return .noContent()
    }
}

@Suite struct Operations32RoundTripTests {
    @Test func newMethodsAndWholeQueryStringsSurvive() async throws {
        let recorder = Recorder()
        try await serving({ try await Items(recorder: recorder).registerHandlers(on: $0) }) { (url: URL) async throws -> Void in
            let client = GoldenServerOperations32Client(baseURL: url)
            #expect(try await client.searchItems(.init(body: Search(text: "lamp", limit: 3))) == .ok([Item(id: "lamp")]))
            #expect(try await client.linkItems(.init(link: "</a>; rel=\"x\"", session: "raw%20value")) == .noContent())
            #expect(await recorder.last(Operations.LinkItems.Input.self) == .init(link: "</a>; rel=\"x\"", session: "raw%20value"))
            #expect(try await client.purgeItems(.init()) == .noContent())

            let filter = Filter(color: "12", tags: ["a b", "c"], size: 4)
            #expect(try await client.filterItems(.init(filter: filter)) == .ok([Item(id: "12")]))
            #expect(await recorder.last(Operations.FilterItems.Input.self) == .init(filter: filter))

            let selector = Operations.SelectItems.Selector(numbers: [1, 2, 3], flag: false)
            #expect(try await client.selectItems(.init(selector: selector)) == .noContent())
            #expect(await recorder.last(Operations.SelectItems.Input.self) == .init(selector: selector))

            let encoded = EncodedFilter(color: "red", tags: ["x", "y"], sizes: [1, 2], range: .init(min: 1, max: 9), meta: .init(note: "n & m"))
            #expect(try await client.filterEncoded(.init(filter: encoded)) == .noContent())
            #expect(await recorder.last(Operations.FilterEncoded.Input.self) == .init(filter: encoded))

            #expect(try await client.pathItems(.init(expression: "$.items[?(@.id == 'a b')]")) == .noContent())
            #expect(await recorder.last(Operations.PathItems.Input.self) == .init(expression: "$.items[?(@.id == 'a b')]"))

            // The path exists with QUERY, LINK and PURGE only.
            let wrong = try await raw("GET", url, "/items")
            #expect(wrong.status == 405 && wrong.headers["allow"] == "QUERY, LINK, PURGE, OPTIONS")
            let missing = try await raw("GET", url, "/path")
            #expect(missing.status == 400 && problems(missing.text) == ["query:expression"])
        }
    }
}
