import Foundation
import Testing
@testable import OpenAPIGenRuntime

/// `MemberReader` and `MemberWriter`, through which generated structs read and write their
/// members by JSON name: required, optional, nullable and free-form members, and the members
/// the schema does not name kept and written back.
@Suite struct MemberCodingTests {
    /// A struct as generated for `{required: [id], properties: {id: string, note: {type: [string, null]}, extra: {}, count: integer}}`.
    struct Sample: Codable, Equatable {
        var id: String
        var note: String?
        var extra: JSONValue?
        var count: Int?
        var additionalProperties: [String: JSONValue]
        var nullMembers: Set<String> = []

        init(from decoder: any Decoder) throws {
            var members = try MemberReader(decoder)
            self.id = try members.required(String.self, "id")
            self.note = try members.nullable(String.self, "note")
            self.extra = try members.keepingNull("extra")
            self.count = try members.optional(Int.self, "count")
            self.additionalProperties = try members.additionalMembers()
            self.nullMembers = members.nulls
        }

        func encode(to encoder: any Encoder) throws {
            var members = try MemberWriter(encoder, additionalMembers: additionalProperties)
            try members.required(self.id, "id")
            try members.optional(self.note, "note", nullIn: nullMembers)
            try members.optional(self.extra, "extra")
            try members.optional(self.count, "count")
        }
    }

    private func decode(_ text: String) throws -> Sample {
        try JSONCoding.decode(Sample.self, from: Data(text.utf8))
    }

    private func text(_ value: Sample) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }

    @Test func readsNamedMembersAndKeepsTheRest() throws {
        let value = try decode(#"{"id": "a", "count": 2, "z": true, "b": [1]}"#)
        #expect(value.id == "a")
        #expect(value.count == 2)
        #expect(value.note == nil)
        #expect(value.extra == Optional<JSONValue>.none)
        #expect(value.additionalProperties == ["z": true, "b": [1]])
        #expect(value.nullMembers.isEmpty)
    }

    @Test func nullsAreKeptApartFromAbsentMembers() throws {
        let value = try decode(#"{"id": "a", "note": null, "extra": null}"#)
        #expect(value.note == nil)
        #expect(value.nullMembers == ["note"])
        #expect(value.extra == .null)
        #expect(try text(value) == #"{"extra":null,"id":"a","note":null}"#)
        #expect(try text(decode(#"{"id": "a"}"#)) == #"{"id":"a"}"#)
    }

    @Test func writesUnnamedMembersAndLetsNamedOnesWin() throws {
        var value = try decode(#"{"id": "a", "z": 1}"#)
        value.additionalProperties["id"] = "shadowed"
        #expect(try text(value) == #"{"id":"a","z":1}"#)
    }

    @Test func aMissingRequiredMemberOrAWrongTypeThrows() throws {
        #expect(throws: DecodingError.self) { try decode(#"{"count": 1}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"id": "a", "count": "x"}"#) }
    }

    /// The reader counts the named members present instead of remembering their names, so an
    /// unknown member must still be found whatever the named ones held: `null`, absent or a value.
    @Test(arguments: [
        #"{"id": "a", "note": null, "extra": null, "count": null, "x": 1}"#,
        #"{"id": "a", "x": 1}"#,
        #"{"id": "a", "note": "n", "extra": [1], "count": 3, "x": 1}"#,
        #"{"x": 1, "id": "a", "count": null}"#,
    ])
    func anUnknownMemberIsKeptBesideNamedOnesInAnyState(_ text: String) throws {
        let sample = try decode(text)
        #expect(sample.additionalProperties == ["x": 1], "\(sample.additionalProperties)")
        #expect(sample.additionalProperties.count == 1)
    }

    @Test func noUnknownMemberWhenEveryMemberIsNamed() throws {
        #expect(try decode(#"{"id": "a", "note": null, "extra": null, "count": null}"#).additionalProperties.isEmpty)
        #expect(try decode(#"{"id": "a"}"#).additionalProperties.isEmpty)
    }
}
