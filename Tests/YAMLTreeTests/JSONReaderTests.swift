@testable import YAMLTree
import Testing

/// The JSON reader must build exactly the tree libyaml's events build, and leave to libyaml
/// everything it does not read the same way.
@Suite struct JSONReaderTests {
    /// Through libyaml alone, as before the JSON reader existed.
    private func libyamlTree(_ bytes: [UInt8], into arena: YAMLArena) throws(Diagnostic) -> NodeRef {
        try InputPreparation.check(bytes, file: testFile)
        var builder = TreeBuilder(file: testFile, input: InputPreparation.prepare(bytes), options: .init(), arena: arena)
        defer { builder.releaseScratch() }
        return try builder.run()
    }

    /// Everything a reader of the tree can see: kinds, styles, texts, places, key order.
    private func describe(_ node: NodeRef) -> String {
        let place = "\(node.location.line):\(node.location.column)"
        if let mapping = node.mapping {
            let entries = mapping.map { "\($0.key.debugDescription)@\($0.keyLocation.line):\($0.keyLocation.column)=\(describe($0.value))" }
            return place + "{" + entries.joined(separator: ",") + "}"
        }
        if let items = node.sequence { return place + "[" + items.map(describe).joined(separator: ",") + "]" }
        let scalar = node.scalar!
        return place + "\(scalar.style)/\(scalar.kind)/\(scalar.text.debugDescription)"
    }

    private func readByJSONReader(_ text: String) -> String? {
        let arena = YAMLArena()
        return withExtendedLifetime(arena) {
            JSONReader.read(Array(text.utf8), file: testFile, options: .init(), into: arena).map(describe)
        }
    }

    private func readByLibyaml(_ text: String) -> String? {
        let arena = YAMLArena()
        return withExtendedLifetime(arena) { try? describe(libyamlTree(Array(text.utf8), into: arena)) }
    }

    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null, -0.5e3, "x"], "c": {}}"#,
        "{\n  \"key\" :\t\"value\",\r\n\t\"n\": [ 1 ,2 ]\n}\n",
        #"{"é": "naïve 😀 text", "after": 1}"#,
        #"{"esc": "\"\\\/\b\f\n\r\t\u0041\u00e9\u0000", "z": 0}"#,
        #"{"pair": "\ud83d\udc4d", "lone": "\ud83d x", "low": "\udc4d", "next": 1}"#,
        #"[[[]], {"": ""}, "\\ud83d"]"#,
        #"{"<<": {"a": 1}}"#,
    ])
    func buildsTheTreeLibyamlBuilds(json: String) throws {
        let fast = try #require(readByJSONReader(json), "the JSON reader declined \(json.debugDescription)")
        #expect(fast == readByLibyaml(json))
    }

    @Test(arguments: [
        "{\"a\": 1,}",                      // a trailing comma is YAML, not JSON
        "\t{\"a\": 1}",                     // a tab before the document is an error for libyaml
        "{\"a\": 1}\n\t",                   // and after it
        "{\"a\":\r1}",                      // a CR alone breaks lines for libyaml only
        "\u{FEFF}{\"a\": 1}",               // a byte order mark
        "{\"a\": \"\\x41\"}",               // YAML-only escapes
        "{\"a\"\n: 1}",                     // a key whose `:` is on the next line is no key to libyaml
        "{\"a\": 01}",                      // not JSON numbers
        "{\"a\": .5}",
        "{\"a\": \"\u{2028}\"}",            // a line separator, which libyaml folds
        "{\"a\": 1, \"a\": 2}",             // errors come from libyaml's path, as before
        "{\"a\": 1} {\"b\": 2}",
        "{\"" + String(repeating: "k", count: 1030) + "\": 1}",
    ])
    func declinesWhatLibyamlReadsDifferently(json: String) {
        #expect(readByJSONReader(json) == nil)
    }

    @Test func aDeclinedDocumentLeavesTheArenaAsItWas() throws {
        let arena = YAMLArena()
        let before = arena.storage.pointee.mark
        #expect(JSONReader.read(Array(#"{"a": [1, 2, {"b": 3}], "c": x}"#.utf8), file: testFile, options: .init(), into: arena) == nil)
        #expect(arena.storage.pointee.mark == before)
    }

    @Test func errorsInJSONAreLibyamlsErrors() {
        expect(parseError(#"{"a": 1, "a": 2}"#), at: 1, 10, containing: "duplicate key \"a\"")
        expect(parseError("{\"a\": [1, 2}"), at: 1, 12, containing: "YAML syntax error")
        let deep = String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001)
        expect(parseError(deep), at: 1, 1001, containing: "nests deeper than 1000 levels")
    }

    @Test func longKeysNearLibyamlsLimit() {
        // libyaml stops treating a scalar as a key 1024 characters before its `:`.
        for length in [1020, 1021, 1022, 1023, 1024, 1025] {
            let json = "{\"" + String(repeating: "é", count: length) + "\": 1}"
            if let fast = readByJSONReader(json) { #expect(fast == readByLibyaml(json), "key of \(length)") }
            let full = try? parse(json)
            #expect(full.map { describe($0.ref) } == readByLibyaml(json), "key of \(length)")
        }
    }
}
