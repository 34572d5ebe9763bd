import Testing
import YAMLTree

/// The public tree API over the flat storage: building, copying and changing nodes.
@Suite struct ArenaTests {
    @Test func keysEqualAsStringsAreDuplicates() {
        // `é` precomposed and as `e` with a combining accent: different bytes, one string.
        expect(parseError("caf\u{E9}: 1\ncafe\u{301}: 2\n"), at: 2, 1, containing: "duplicate key")
    }

    @Test func lookupsFindKeysEqualAsStrings() throws {
        let node = try parse("caf\u{E9}: 1\n")
        #expect(node["cafe\u{301}"]?.scalar?.text == "1")
    }

    @Test func nodesCanBeBuiltAndChanged() throws {
        let parsed = try parse("a: [1, {b: x}]\n")
        let location = SourceLocation(file: testFile, line: 7, column: 3)
        let entry = try #require(parsed.mapping?.entry("a"))
        let built = YAMLNode(.mapping(YAMLMapping(entries: [entry])), at: location)
        #expect(built.location == location)
        #expect(built["a"]?[1]?["b"]?.scalar?.text == "x")
        #expect(built.mapping?.entry("a")?.keyLocation == entry.keyLocation)

        var moved = parsed
        moved.location = location
        #expect(moved.location == location)
        #expect(moved["a"]?[0]?.scalar?.integerValue == 1)
        #expect(parsed.location.line == 1)

        var replaced = parsed
        replaced.content = .scalar(YAMLScalar(text: "z", style: .plain, kind: .string))
        #expect(replaced.scalar?.text == "z")
        #expect(replaced.location == parsed.location)
    }

    @Test func mappingsCanBeEdited() throws {
        var mapping = try #require(try parse("a: 1\nb: 2\n").mapping)
        mapping.entries.removeFirst()
        #expect(mapping.keys == ["b"])
        #expect(mapping.count == 1)
        #expect(mapping["a"] == nil)
    }
}
