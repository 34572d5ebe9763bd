import OpenAPIModel
import SwiftCodegen
import Testing
import YAMLTree

/// Operations that repeat an inline schema word for word share one generated type; anything
/// that would make the declarations differ keeps them apart.
@Suite struct SharedInlineTypeTests {
    /// Two operations with the same inline `options` object (worded differently), a third whose
    /// copy differs by one constraint.
    static let spec = """
        openapi: 3.1.0
        info: {title: Shared, version: '1'}
        paths:
          /a:
            post:
              operationId: createA
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        options:
                          description: Options for A.
                          type: object
                          properties:
                            card: {type: object, properties: {brand: {type: string, enum: [visa, amex]}}}
                            limit: {type: integer, maximum: 10}
              responses: {'204': {description: done}}
          /b:
            post:
              operationId: createB
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        options:
                          description: Options for B, worded otherwise.
                          type: object
                          properties:
                            card: {type: object, properties: {brand: {type: string, enum: [visa, amex]}}}
                            limit: {type: integer, maximum: 10}
              responses: {'204': {description: done}}
          /c:
            post:
              operationId: createC
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        options:
                          type: object
                          properties:
                            card: {type: object, properties: {brand: {type: string, enum: [visa, amex]}}}
                            limit: {type: integer, maximum: 20}
              responses: {'204': {description: done}}
        """

    @Test func identicalInlineSchemasShareOneTypeAndDifferentOnesDoNot() throws {
        let output = try generateInline(Self.spec)
        #expect(!output.hasErrors)
        let operations = file(output, "Operations.swift")
        // B's body names A's options type; its own is never declared.
        #expect(operations.contains("public var options: Operations.CreateA.Body.Options?"))
        let bodies = operations.components(separatedBy: "public struct Body").count - 1
        let options = operations.components(separatedBy: "public struct Options").count - 1
        #expect(bodies == 3)
        #expect(options == 2, "A's options, and C's (its limit differs); B uses A's")
        // C's copy differs (maximum 20), so it has a type of its own, but the card inside it is
        // the same as A's and is shared.
        #expect(operations.contains("public var card: Operations.CreateA.Body.Options.Card?"))
        #expect(operations.components(separatedBy: "public struct Card").count - 1 == 1)
        let validation = file(output, "Validation.swift")
        #expect(validation.contains("v.range(self.limit, maximum: 10, at: \"limit\")"))
        #expect(validation.contains("v.range(self.limit, maximum: 20, at: \"limit\")"))
    }

    /// The interner's key must name every keyword a schema keeps: a keyword left out would let
    /// two schemas that generate different code share one type. This lists the stored fields
    /// of a schema as reflection sees them; a new one fails here until the key includes it.
    @Test func everySchemaFieldIsKnownToTheInterner() throws {
        var schema = Schema(location: YAMLTree.SourceLocation(file: SourceFileID(0), line: 1, column: 1), pointer: .root)
        schema.minItems = 1  // gives the schema its out-of-line keywords
        let storage = try #require(Mirror(reflecting: schema).children.first { $0.label == "storage" }?.value)
        let fields = Set(Mirror(reflecting: storage).children.compactMap(\.label))
        #expect(fields == [
            "location", "nullable", "deprecated", "readOnly", "writeOnly", "pointer", "ref", "types", "typeLocation",
            "format", "title", "description", "enumValues", "examples", "maxLength", "properties", "required",
            "additionalProperties", "items", "allOf", "oneOf", "anyOf", "extensions", "rare",
        ])
        let rare = try #require(Mirror(reflecting: storage).children.first { $0.label == "rare" }?.value)
        let box = try #require(Mirror(reflecting: rare).children.first?.value)
        let keywords = try #require(Mirror(reflecting: box).children.first { $0.label == "keywords" }?.value)
        #expect(Set(Mirror(reflecting: keywords).children.compactMap(\.label)) == [
            "booleanSchema", "constValue", "defaultValue", "patternProperties", "propertyNames", "minProperties",
            "maxProperties", "prefixItems", "minItems", "maxItems", "uniqueItems", "not", "discriminator", "minLength",
            "pattern", "patternLocation", "contentEncoding", "contentMediaType", "contentSchema", "minimum", "maximum", "multipleOf",
            "defs", "unevaluatedProperties", "ifSchema", "thenSchema", "elseSchema", "dependentRequired",
            "dependentSchemas", "contains", "minContains", "maxContains", "unevaluatedItems", "dynamicReference", "unmodelledKeywords",
        ])
    }
}
