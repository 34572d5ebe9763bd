import Testing
import YAMLTree

@Suite struct StructureTests {
    @Test func locationsAreOneBased() throws {
        let node = try parse("a:\n  b: [1, 2]\n")
        let b = try #require(node["a"]?["b"])
        #expect((b.location.line, b.location.column) == (2, 6))
        let entry = try #require(node["a"]?.mapping?.entry("b"))
        #expect((entry.keyLocation.line, entry.keyLocation.column) == (2, 3))
        #expect(b[1]?.location.column == 10)
    }

    @Test func aliasesRepeatTheAnchoredNodeAtTheAliasPlace() throws {
        let node = try parse("""
            base: &shared
              type: string
              maxLength: 5
            copy: *shared
            """)
        let copy = try #require(node["copy"])
        #expect(copy["type"]?.scalar?.text == "string")
        #expect(copy["maxLength"]?.scalar?.integerValue == 5)
        #expect((copy.location.line, copy.location.column) == (4, 7))
    }

    @Test func mergeKeysLetWrittenKeysWin() throws {
        let node = try parse("""
            defaults: &defaults
              x: 1
              y: 2
            first: &more
              z: 9
            merged:
              <<: [*defaults, *more]
              y: 3
            """)
        let merged = try #require(node["merged"]?.mapping)
        #expect(merged.keys == ["y", "x", "z"])
        #expect(merged["y"]?.scalar?.text == "3")
        #expect(merged["x"]?.scalar?.text == "1")
        #expect(merged["z"]?.scalar?.text == "9")
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() {
        let error = parseError("""
            paths:
              /pets:
                get: {}
              /pets:
                put: {}
            """)
        expect(error, at: 4, 3, containing: "duplicate key \"/pets\"", "first defined at line 2, column 3")
    }

    @Test func duplicateKeyInALargeMappingUsesTheIndex() {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        expect(parseError(text), at: 41, 1, containing: "duplicate key \"k7\"", "line 8, column 1")
    }

    @Test func aliasBombIsRefusedQuickly() {
        // The classic "billion laughs": nine levels, each nine aliases of the one before.
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = Array("abcdefghi").map(String.init)
        for level in 1..<names.count {
            let previous = names[level - 1]
            text += "\(names[level]): &\(names[level]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure { error = parseError(text) }
        // Level g's first alias of f pushes the expansion past the limit: line 7, after `g: &g [`.
        expect(error, at: 7, 8, containing: "aliases expand to more than", "alias bomb")
        #expect(elapsed < .seconds(2))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        expect(parseError(text), at: 1, 1001, containing: "nests deeper than 1000 levels")
    }

    @Test func multipleDocumentsAreRefused() {
        expect(parseError("a: 1\n---\nb: 2\n"), at: 2, 1, containing: "a second YAML document")
    }

    /// The empty key as the first key of a parse takes no bytes of the key table; meeting it
    /// again once trapped in debug builds (found by `make fuzz`).
    @Test func emptyKeyAsTheFirstKeyCanRepeat() throws {
        for text in [#"{"": {"": 1}}"#, "\"\": {\"\": 1}\n"] {
            let node = try parse(text)
            #expect(node.mapping?.keys == [""])
            #expect(node[""]?[""]?.scalar?.text == "1")
        }
        expect(parseError(#"{"""#), at: 2, 1, containing: "did not find expected ',' or '}'")
    }
}
