import Foundation
import OpenAPIGenRuntime
import Testing

/// `$dynamicRef` in the runtime's checker: the dynamic scope is the resources (descriptions
/// with `$dynamicAnchors`) evaluation is inside, and the outermost declaring the anchor wins.
@Suite struct StaticSchemaDynamicScopeTests {
    func issues(_ schema: String, _ json: String, refs: [String: String]) throws -> [String] {
        @Sendable func lookup(_ name: String) -> StaticSchema? { refs[name].map { StaticSchema($0, refs: lookup) } }
        let value = try JSONCoding.decode(JSONValue.self, from: Data(json.utf8))
        var validator = Validator()
        validator.schema(value, StaticSchema(schema, refs: lookup), at: "value")
        return validator.issues.map(\.description)
    }

    /// dynamicRef.json group 11's shape: `then` and `else` enter different lists, each of which
    /// declares its own item type, and both use the same generic list.
    static let lists = [
        "generic": #"{"$dynamicAnchors": {"itemType": "anything"}, "properties": {"list": {"items": {"$dynamicRef": {"anchor": "itemType", "$ref": "anything"}}}}}"#,
        "anything": "{}",
        "numbers": #"{"$dynamicAnchors": {"itemType": "number"}, "$ref": "generic"}"#,
        "number": #"{"type": "number"}"#,
        "strings": #"{"$dynamicAnchors": {"itemType": "string"}, "$ref": "generic"}"#,
        "string": #"{"type": "string"}"#,
    ]
    static let main = #"{"if": {"required": ["numbers"]}, "then": {"$ref": "numbers"}, "else": {"$ref": "strings"}}"#

    @Test func theResourceTheInstanceLedToDecides() throws {
        #expect(try issues(Self.main, #"{"numbers": true, "list": [1.5]}"#, refs: Self.lists) == [])
        #expect(try issues(Self.main, #"{"numbers": true, "list": ["a"]}"#, refs: Self.lists) == [
            "value.list[0]: a string found, number expected",
        ])
        #expect(try issues(Self.main, #"{"list": ["a"]}"#, refs: Self.lists) == [])
        #expect(try issues(Self.main, #"{"list": [1.5]}"#, refs: Self.lists) == ["value.list[0]: a number found, string expected"])
    }

    @Test func withoutADeclaringResourceInScopeTheNamedSchemaIsUsed() throws {
        // Evaluation starting at the generic list has only its own anchor in scope.
        #expect(try issues(#"{"$ref": "generic"}"#, #"{"list": ["a", 1]}"#, refs: Self.lists) == [])
        let bare = ["bookend": #"{"maxLength": 1}"#]
        #expect(try issues(#"{"$dynamicRef": {"anchor": "x", "$ref": "bookend"}}"#, #""ab""#, refs: bare) == [
            "value: 2 characters, at most 1 allowed",
        ])
    }

    @Test func theOutermostDeclaringResourceWins() throws {
        // Both resources declare `itemType`; the outer one (entered first) is the one meant.
        let refs = Self.lists.merging(["outer": #"{"$dynamicAnchors": {"itemType": "string"}, "$ref": "numbers"}"#]) { $1 }
        #expect(try issues(#"{"$ref": "outer"}"#, #"{"list": ["a"]}"#, refs: refs) == [])
        #expect(try issues(#"{"$ref": "outer"}"#, #"{"list": [1]}"#, refs: refs) == ["value.list[0]: an integer found, string expected"])
    }

    @Test func aResourceLeftIsNoLongerInScope() throws {
        // dynamicRef.json group 12's shape: `if` enters a resource declaring `thingy` and leaves
        // it again before `then` reaches the reference.
        let refs = [
            "first": #"{"type": "number"}"#,
            "second": #"{"type": "null"}"#,
            "start": #"{"$dynamicRef": {"anchor": "thingy", "$ref": "inner"}}"#,
            "inner": #"{"$dynamicAnchors": {"thingy": "inner"}, "type": "string"}"#,
        ]
        let schema = #"{"if": {"$dynamicAnchors": {"thingy": "first"}}, "then": {"$dynamicAnchors": {"thingy": "second"}, "$ref": "start"}}"#
        #expect(try issues(schema, "null", refs: refs) == [])
        #expect(try issues(schema, "1", refs: refs) == ["value: an integer found, null expected"])
    }
}
