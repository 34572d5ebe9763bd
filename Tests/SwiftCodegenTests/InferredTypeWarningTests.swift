import OpenAPIModel
import SwiftCodegen
import Testing

/// A schema without `type` whose Swift form holds one kind of value refuses what JSON Schema
/// accepts; the generator keeps that reading (it is what authors mean) but says so, at the
/// schema. Where the generated type holds every value (`nonObjectValue`), nothing is said.
@Suite struct InferredTypeWarningTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            RequiredOnly:
              required: [id]
              properties:
                id: {type: string}
            OptionalOnly:
              properties:
                id: {type: string}
            Typed:
              type: object
              required: [id]
              properties:
                id: {type: string}
            Items:
              items: {type: integer}
            TypedItems:
              type: array
              items: {type: integer}
            Pattern:
              patternProperties:
                "^x-": {type: string}
            Values:
              additionalProperties: {type: integer}
        """

    static func warnings() throws -> [(line: UInt32, message: String)] {
        let result = DocumentLoader.load(bytes: Array(spec.utf8), path: "inferred.yaml")
        let document = try #require(result.document)
        let output = SwiftGenerator.generate(document, files: result.files,
                                             config: GeneratorConfig(moduleName: "Inferred", specDisplayPath: "inferred.yaml"))
        #expect(!output.hasErrors)
        return output.diagnostics.filter { $0.severity == .warning }.map { ($0.location?.line ?? 0, $0.message) }
    }

    @Test func eachRefusingReadingIsWarnedAtItsSchema() throws {
        let found = try Self.warnings()
        let expected: [(UInt32, String)] = [
            (7, "read as `type: object` because of `required`"),
            (19, "read as `type: array` because of `items`"),
            (24, "read as `type: object` because of `patternProperties`"),
            (27, "read as `type: object` because of `additionalProperties`"),
        ]
        #expect(found.count == expected.count, "\(found)")
        for (line, fragment) in expected {
            #expect(found.contains { $0.line == line && $0.message.contains(fragment) }, "no warning at line \(line) saying \(fragment): \(found)")
        }
    }
}
