import Testing
import YAMLTree

/// Input that is not plain YAML text: JSON escapes libyaml refuses, empty files, binary data.
@Suite struct InputTests {
    @Test func jsonSurrogatePairBecomesOneCharacter() throws {
        let node = try parse(#"{"a": "\ud83d\udc4d", "b": 1}"#)
        #expect(node["a"]?.scalar?.text == "👍")
        // The rewrite shortens the line by two characters; later columns still match the file.
        let b = try #require(node.mapping?.entry("b"))
        #expect((b.keyLocation.line, b.keyLocation.column) == (1, 23))
        #expect(b.value.location.column == 28)
    }

    /// Lines end where libyaml ends them (CR, CR LF, NEL, LS and PS too), so the column shift a
    /// surrogate pair leaves is applied on the line libyaml reports.
    @Test func columnsAfterASurrogatePairStayRightWithOtherLineBreaks() {
        for lineBreak in ["\r", "\r\n", "\u{2028}"] {
            let text = "{" + lineBreak + #""a": "\ud83d\udc4d", "b": 1, "a": 2}"#
            expect(parseError(text), at: 2, 30, containing: "duplicate")
        }
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        let node = try parse(#"{"a": "x\ud83dy"}"#)
        #expect(node["a"]?.scalar?.text == "x\u{FFFD}y")
    }

    @Test func escapedBackslashBeforeUIsNotAnEscape() throws {
        let node = try parse(#"{"a": "\\ud83d"}"#)
        #expect(node["a"]?.scalar?.text == #"\ud83d"#)
    }

    @Test func emptyFile() {
        expect(parseError(""), at: 1, 1, containing: "the file is empty")
        expect(parseError("# only a comment\n"), at: 1, 1, containing: "the file is empty")
    }

    @Test func binaryInputIsReportedAtTheNULByte() {
        expect(parseError(Array("a: 1\nb: x\u{0}y\n".utf8)), at: 2, 5, containing: "binary data", "NUL")
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() {
        var bytes = Array("title: café\nname: ".utf8)
        bytes.append(0xFF)
        expect(parseError(bytes), at: 2, 7, containing: "not UTF-8", "0xFF")
    }

    @Test func tabIndentationIsExplained() {
        expect(parseError("a:\n\tb: 1\n"), at: 2, 1, containing: "tab character")
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() {
        expect(parseError("a: 1\nb: \"never closed\nc: 2\n"), at: 2, 4, containing: "opened here")
    }
}
