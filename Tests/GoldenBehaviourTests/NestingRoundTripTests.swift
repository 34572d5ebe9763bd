import ClientTestSupport
import Foundation
import Testing
import GoldenNesting

@Suite("Nested and recursive types") struct NestingRoundTripTests {
    static let folderJSON = """
        {"name": "docs",
         "parent": {"name": "root", "labels": {}},
         "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b", "parent": {"name": "docs"}}],
         "owner": {"id": 7, "address": {"city": "Wellington"}},
         "entries": [{"path": "/x", "size": 9007199254740993}, {}],
         "labels": {"env": "prod", "tier": ""},
         "metadata": {"k": [1, "two", null, 2.5, {"deep": true}]},
         "extra": "anything"}
        """

    @Test func decodesRecursiveAndInlineTypes() throws {
        let folder = try decode(Folder.self, Self.folderJSON)
        #expect(folder.name == "docs")
        #expect(folder.parent == Folder(name: "root", labels: [:]))
        #expect(folder.parent?.parent == nil)
        #expect(folder.children?.map(\.name) == ["a", "b"])
        #expect(folder.children?[0].children == [Folder(name: "a1")])
        #expect(folder.children?[1].parent?.name == "docs")
        #expect(folder.owner == Folder.Owner(id: 7, address: .init(city: "Wellington")))
        #expect(folder.entries == [Folder.Entry(path: "/x", size: 9_007_199_254_740_993), Folder.Entry()])
        #expect(folder.labels == ["env": "prod", "tier": ""])
        #expect(folder.metadata == ["k": [1, "two", nil, 2.5, ["deep": true]]])
        #expect(folder.extra == "anything")
    }

    @Test func roundTripsRecursiveTypes() throws {
        #expect(try encodedJSON(decode(Folder.self, Self.folderJSON)) == json(Self.folderJSON))
    }

    @Test func freeFormValuesKeepTheirShape() throws {
        for extra in [#"42"#, #"-1.5"#, #"true"#, #"[1, "x"]"#, #"{"a": {"b": []}}"#] {
            let text = #"{"name": "f", "extra": \#(extra)}"#
            let folder = try decode(Folder.self, text)
            #expect(try folder.extra == json(extra))
            #expect(try encodedJSON(folder) == json(text))
        }
    }

    @Test func freeFormNullIsKeptApartFromAbsent() throws {
        // An optional free-form property is `JSONValue?`: an explicit null is `.null` and is
        // written back, absent is nil and stays absent, so the value round-trips either way.
        let folder = try decode(Folder.self, #"{"name": "f", "extra": null}"#)
        #expect(folder.extra == .null)
        #expect(try encodedText(folder) == #"{"extra":null,"name":"f"}"#)
        let bare = try decode(Folder.self, #"{"name": "f"}"#)
        #expect(bare.extra == Optional<JSONValue>.none)
        #expect(try encodedText(bare) == #"{"name":"f"}"#)
    }

    @Test func recursiveValuesHaveValueSemantics() {
        let original = Folder(name: "child", parent: Folder(name: "parent"))
        var copy = original
        copy.parent?.name = "renamed"
        #expect(original.parent?.name == "parent")
        #expect(copy.parent?.name == "renamed")
        copy.parent = nil
        #expect(copy.parent == nil)
        #expect(original.parent != nil)
    }

    @Test func decodesMutualRecursion() throws {
        let text = #"{"name": "Ann", "team": {"lead": {"name": "Bob", "team": {}}}}"#
        let employee = try decode(Employee.self, text)
        #expect(employee.name == "Ann")
        #expect(employee.team?.lead?.name == "Bob")
        #expect(employee.team?.lead?.team == Team())
        #expect(employee.team?.lead?.team?.lead == nil)
        #expect(try encodedJSON(employee) == json(text))
        #expect(try encodedText(Employee(team: Team(lead: Employee(name: "Cy")))) == #"{"team":{"lead":{"name":"Cy"}}}"#)
    }

    @Test func additionalPropertiesDecodeBesideFixedOnes() throws {
        let text = #"{"theme": "dark", "fontSize": 14, "zoom": -2}"#
        let settings = try decode(Settings.self, text)
        #expect(settings.theme == "dark")
        #expect(settings.additionalProperties == ["fontSize": 14, "zoom": -2])
        #expect(try encodedJSON(settings) == json(text))

        let onlyExtra = try decode(Settings.self, #"{"a": 1}"#)
        #expect(onlyExtra == Settings(additionalProperties: ["a": 1]))
        #expect(try decode(Settings.self, "{}") == Settings())
    }

    @Test func additionalPropertiesEncodeBesideFixedOnes() throws {
        #expect(try encodedText(Settings(theme: "light", additionalProperties: ["b": 2, "a": 1])) == #"{"a":1,"b":2,"theme":"light"}"#)
        #expect(try encodedText(Settings(additionalProperties: ["x": 0])) == #"{"x":0}"#)
    }

    @Test func additionalPropertiesAreTyped() {
        #expect(throws: DecodingError.self) { try decode(Settings.self, #"{"theme": "dark", "zoom": "big"}"#) }
        #expect(throws: DecodingError.self) { try decode(Settings.self, #"{"theme": 3}"#) }
    }

    @Test func namedPrimitivesAndNestedArrays() throws {
        let id = try decode(Identifier.self, #""6f9619ff-8b86-d011-b42d-00c04fc964ff""#)
        #expect(id == UUIDText("6F9619FF-8B86-D011-B42D-00C04FC964FF"))
        #expect(throws: DecodingError.self) { try decode(Identifier.self, #""not-a-uuid""#) }

        let matrix = try decode(Matrix.self, "[[1, 2.5], [], [-0.125]]")
        #expect(matrix == [[1, 2.5], [], [-0.125]])
        #expect(try encodedJSON(matrix) == json("[[1, 2.5], [], [-0.125]]"))
    }
}
