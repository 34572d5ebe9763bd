import Foundation
import Testing
@testable import OpenAPIGenRuntime

/// The runtime pieces generated code leans on to stay faithful to JSON Schema: non-objects kept by
/// structs of untyped schemas, explicit nulls kept apart from absent members, open enums checked,
/// strings compared by code points, and unions ranked through nested unions.
@Suite struct SchemaFidelityRuntimeTests {
    /// A struct as generated for `{properties: {a: {}}}` (no `type`).
    struct Untyped: Codable, Equatable {
        var a: JSONValue?
        var nonObjectValue: JSONValue?

        enum CodingKeys: String, CodingKey { case a }

        init(from decoder: any Decoder) throws {
            if let value = try decoder.nonObjectValue() {
                self.a = nil
                self.nonObjectValue = value
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.a = try container.decodeKeepingNull(JSONValue.self, forKey: .a)
        }

        func encode(to encoder: any Encoder) throws {
            if let nonObjectValue { return try nonObjectValue.encode(to: encoder) }
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(a, forKey: .a)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCoding.decode(type, from: Data(text.utf8))
    }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }

    @Test func nonObjectsAreKeptAndWrittenBack() throws {
        for json in ["[1,2]", "\"s\"", "12", "true", "null"] {
            let value = try decode(Untyped.self, json)
            #expect(value.nonObjectValue != nil, "\(json)")
            #expect(try text(value) == json)
        }
        let object = try decode(Untyped.self, #"{"a": 1}"#)
        #expect(object.nonObjectValue == nil)
        #expect(object.a == 1)
    }

    @Test func explicitNullIsNotAbsent() throws {
        #expect(try decode(Untyped.self, #"{"a": null}"#).a == .null)
        #expect(try decode(Untyped.self, #"{}"#).a == Optional<JSONValue>.none)
        #expect(try text(decode(Untyped.self, #"{"a": null}"#)) == #"{"a":null}"#)
        #expect(try text(decode(Untyped.self, #"{}"#)) == "{}")
    }

    enum Letter: String, Codable, CaseIterable {
        case umlaut = "ä"
        init(from decoder: any Decoder) throws { self = try .decodedByCodePoints(from: decoder) }
    }

    @Test func closedEnumsOutsideASCIIDecodeByCodePoints() throws {
        #expect(try decode(Letter.self, "\"\u{E4}\"") == .umlaut)
        // Canonically equivalent (Swift's == says equal), but other code points: not the value.
        #expect(throws: DecodingError.self) { try decode(Letter.self, "\"a\u{308}\"") }
    }

    struct Status: OpenEnumeration, Codable, Hashable {
        var rawValue: String
        static let knownValues = [Status(rawValue: "ä"), Status(rawValue: "done")]
    }

    struct Level: OpenEnumeration, Codable, Hashable {
        var rawValue: Int
        static let knownValues = [Level(rawValue: 1), Level(rawValue: 2)]
    }

    @Test func openEnumValuesTheSpecDoesNotListAreReported() {
        var v = Validator()
        v.known(Status(rawValue: "done"), at: "a")
        v.known(Status(rawValue: "a\u{308}"), at: "b")
        v.known(Level(rawValue: 3), at: "c")
        v.known(Optional<Level>.none, at: "d")
        v.known(Level(rawValue: 2), at: "e")
        v.known(Letter.umlaut, at: "f")  // closed: decoding already enforced it
        #expect(v.issues.map(\.description) == ["b: \"a\u{308}\" is not one of: ä, done", "c: 3 is not one of: 1, 2"])
    }

    struct Counted: MemberAccounting {
        var unknownMemberCount: Int
        var unexpectedValueCount: Int
    }

    enum Inner: UnionMemberAccounting {
        case counted(Counted)
        case text(String)
    }

    enum Outer: UnionMemberAccounting {
        case inner(Inner)
    }

    @Test func unionsAccountForAValueAsTheBranchTheyHold() {
        #expect(Inner.counted(Counted(unknownMemberCount: 2, unexpectedValueCount: 1)).unknownMemberCount == 2)
        #expect(Inner.counted(Counted(unknownMemberCount: 2, unexpectedValueCount: 1)).unexpectedValueCount == 1)
        #expect(Inner.text("x").unknownMemberCount == 0)
        #expect(Outer.inner(.counted(Counted(unknownMemberCount: 3, unexpectedValueCount: 0))).unknownMemberCount == 3)
    }
}
