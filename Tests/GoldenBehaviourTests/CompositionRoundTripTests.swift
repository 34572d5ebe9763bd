import ClientTestSupport
import Foundation
import Testing
import GoldenComposition

@Suite("Compositions") struct CompositionRoundTripTests {
    // MARK: Discriminated unions

    @Test func decodesPetsByTheirMappedKind() throws {
        let text = #"[{"kind": "dog", "name": "Rex", "barks": true}, {"kind": "cat", "name": "Tom", "lives": 7}, {"kind": "cat", "name": "Kit"}]"#
        let pets = try decode([Pet].self, text)
        #expect(pets == [
            .dog(Dog(kind: "dog", name: "Rex", barks: true)),
            .cat(Cat(kind: "cat", name: "Tom", lives: 7)),
            .cat(Cat(kind: "cat", name: "Kit")),
        ])
        #expect(try encodedJSON(pets) == json(text))
    }

    @Test func unknownDiscriminatorFailsWithItsPath() throws {
        let error = try #require(throws: DecodingError.self) {
            try decode([Pet].self, #"[{"kind": "dog", "name": "Rex", "barks": false}, {"kind": "bird", "name": "Tweety"}]"#)
        }
        #expect(decodingFailure(error) == #"[1].kind: unknown kind "bird""#)
    }

    @Test func discriminatorIsRequiredAndCaseSensitive() throws {
        let missing = try #require(throws: DecodingError.self) { try decode(Pet.self, #"{"name": "Rex", "barks": true}"#) }
        #expect(decodingFailure(missing) == "kind: required value is missing")
        #expect(throws: DecodingError.self) { try decode(Pet.self, #"{"kind": "Dog", "name": "Rex", "barks": true}"#) }
    }

    @Test func mappedBranchStillRequiresItsOwnProperties() throws {
        let error = try #require(throws: DecodingError.self) { try decode(Pet.self, #"{"kind": "dog", "name": "Rex"}"#) }
        #expect(decodingFailure(error) == "barks: required value is missing")
    }

    @Test func encodingAPetWritesTheMappedDiscriminator() throws {
        // A `Dog` built with a stray `kind` must still encode as something `Pet` can decode.
        let pet = Pet.dog(Dog(kind: "Dog", name: "Rex", barks: true))
        let encoded = try encodedJSON(pet)
        #expect(encoded["kind"] == "dog")
        #expect(try decode(Pet.self, encodedText(pet)) == .dog(Dog(kind: "dog", name: "Rex", barks: true)))
    }

    @Test func shapesUseSchemaNamesWithoutAMapping() throws {
        let text = #"[{"type": "Circle", "radius": 1.5}, {"type": "Square", "side": 2}]"#
        let shapes = try decode([Shape].self, text)
        #expect(shapes == [.circle(Circle(type: "Circle", radius: 1.5)), .square(Square(type: "Square", side: 2))])
        #expect(try encodedJSON(shapes) == json(text))
        let error = try #require(throws: DecodingError.self) { try decode(Shape.self, #"{"type": "circle", "radius": 1}"#) }
        #expect(decodingFailure(error) == #"type: unknown type "circle""#)
    }

    // MARK: Unions without a discriminator

    @Test func anyOfPrimitivesKeepsTheJSONType() throws {
        #expect(try decode(Identifier.self, "7") == .integer(7))
        #expect(try decode(Identifier.self, #""7""#) == .string("7"))
        #expect(try encodedText(Identifier.integer(7)) == "7")
        #expect(try encodedText(Identifier.string("7")) == #""7""#)
        #expect(throws: DecodingError.self) { try decode(Identifier.self, "7.5") }
        #expect(throws: DecodingError.self) { try decode(Identifier.self, "true") }
        #expect(throws: DecodingError.self) { try decode(Identifier.self, "null") }
    }

    @Test func oneOfWithoutDiscriminatorPicksTheMatchingBranch() throws {
        #expect(try decode(Contact.self, #"{"email": "a@b.c"}"#) == .email(.init(email: "a@b.c")))
        #expect(try decode(Contact.self, #"{"phone": "+64 4 000"}"#) == .phone(.init(phone: "+64 4 000")))
        #expect(try decode(Contact.self, #""call me""#) == .string("call me"))
        #expect(throws: DecodingError.self) { try decode(Contact.self, "42") }
        #expect(throws: DecodingError.self) { try decode(Contact.self, #"{"fax": "1"}"#) }
        for text in [#"{"email": "a@b.c"}"#, #"{"phone": "1"}"#, #""text""#] {
            #expect(try encodedJSON(decode(Contact.self, text)) == json(text))
        }
    }

    @Test func multiTypeSchemaKeepsEachType() throws {
        #expect(try decode([Loose].self, #"["x", 3, false, "true", "3"]"#) == [.string("x"), .integer(3), .boolean(false), .string("true"), .string("3")])
        #expect(try encodedJSON([Loose.integer(1), .boolean(true), .string("1")]) == json(#"[1, true, "1"]"#))
        #expect(throws: DecodingError.self) { try decode(Loose.self, "null") }
        #expect(throws: DecodingError.self) { try decode(Loose.self, "1.5") }
    }

    // MARK: allOf

    @Test func allOfMergesPropertiesAndConstraints() throws {
        let dog = try decode(Dog.self, #"{"kind": "dog", "name": "Rex", "barks": true}"#)
        #expect(dog == Dog(kind: "dog", name: "Rex", barks: true))
        #expect(throws: DecodingError.self) { try decode(Dog.self, #"{"kind": "dog", "barks": true}"#) }

        #expect(Dog(kind: "dog", name: "", barks: true).validationIssues == [
            ValidationIssue(path: "name", message: "0 characters, at least 1 required"),
        ])
        #expect(Pet.cat(Cat(kind: "cat", name: "", lives: 10)).validationIssues == [
            ValidationIssue(path: "name", message: "0 characters, at least 1 required"),
            ValidationIssue(path: "lives", message: "10 is greater than the maximum 9"),
        ])
        #expect(Pet.cat(Cat(kind: "cat", name: "Tom", lives: 9)).validationIssues == [])
        #expect([Pet.dog(Dog(kind: "dog", name: "R", barks: false))].allSatisfy { $0.validationIssues.isEmpty })
    }
}
