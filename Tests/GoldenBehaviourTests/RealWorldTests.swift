import ClientTestSupport
import Foundation
import Testing
import GoldenRealWorld

private func item(_ change: (inout Item) -> Void = { _ in }) -> Item {
    var value = Item(id: "shelf-12", name: "Dune")
    change(&value)
    return value
}

@Suite("Real-world documents") struct RealWorldTests {
    /// FastAPI's nullable path parameter is a plain `String`, interpolated into the path with
    /// the undeclared `{api-version}`; nullable query and header parameters stay optional and
    /// are left out when nil.
    @Test func nullablePathParameterIsSentAsASegment() async throws {
        let transport = RecordingTransport(.json(200, #"{"id": "a-1", "name": "x"}"#))
        let client = GoldenRealWorldClient(transport: transport)
        let output = try await client.readItem(.init(itemID: "a b", apiVersion: "2"))
        #expect(output == .ok(Item(id: "a-1", name: "x")))
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/api/v2/items/a%20b")
        #expect(request.query.isEmpty)
        #expect(!request.headers.contains { $0.name == "x-trace" })

        _ = try await client.readItem(.init(itemID: "i", q: "word", xTrace: "t1", page: 3, apiVersion: "1"))
        let second = try #require(await transport.requests.last)
        #expect(second.query == [QueryItem(name: "q", value: "word"), QueryItem(name: "page", value: "3")])
        #expect(second.headers.contains { $0.name == "x-trace" && $0.value == "t1" })
    }

    @Test func nullableIntegerAndAliasPathParameters() async throws {
        let transport = RecordingTransport(.raw(204))
        let client = GoldenRealWorldClient(transport: transport)
        _ = try await client.putBook(.init(shelf: 7, book: "AB1234", body: item()))
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/shelves/7/books/AB1234")
    }

    /// Swagger 2's `required: true` makes `name` required: a payload without it does not decode.
    @Test func swagger2RequiredPropertyIsRequired() throws {
        #expect(throws: (any Error).self) { try decode(Item.self, #"{"id": "a-1"}"#) }
        let decoded = try decode(Item.self, #"{"id": "a-1", "name": "n", "verbose": true}"#)
        #expect(decoded.name == "n" && decoded.note == nil && decoded.verbose == true)
    }

    /// Patterns mean what ECMA-262 means, not what ICU would make of them.
    @Test func patternsAreECMA262() {
        #expect(item().validationIssues == [])
        // Python's named groups, translated.
        #expect(item { $0.id = "shelf-x" }.validationIssues.map(\.path) == ["id"])
        // `\w` and `\b` are ASCII: "é" is not a word character.
        #expect(item { $0.slug = "dune-1" }.validationIssues == [])
        #expect(item { $0.slug = "dun\u{E9}" }.validationIssues.map(\.path) == ["slug"])
        // `\s` is ECMA's set (U+FEFF yes, U+0085 no) and `$` does not match before a final "\n".
        #expect(item { $0.code = "x\u{FEFF}" }.validationIssues == [])
        #expect(item { $0.code = "x\u{85}" }.validationIssues == [])
        #expect(item { $0.code = "x \n" }.validationIssues.map(\.path) == ["code"])
        // `.` matches U+0085 (ICU's does not) but not a line terminator.
        #expect(item { $0.label = "\u{85}" }.validationIssues == [])
        #expect(item { $0.label = "\u{2028}" }.validationIssues.map(\.path) == ["label"])
        // The message quotes the spec's pattern, not its translation.
        #expect(item { $0.id = "X" }.validationIssues.first?.message.contains(#"^(?P<prefix>[a-z]+)-(?P<number>\d+)$"#) == true)
    }

    @Test func pathParameterPatternIsChecked() async throws {
        let transport = RecordingTransport(.raw(204))
        let client = GoldenRealWorldClient(transport: transport)
        await #expect(throws: (any Error).self) { _ = try await client.putBook(.init(shelf: 1, book: "ab12", body: item())) }
        #expect(await transport.requests.isEmpty)
    }
}
