import Foundation
import GeneratorDriver
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
            Holder:
              type: object
              required: [a, b]
              properties:
                a: {$ref: '#/components/schemas/RequiredOnly'}
                b: {$ref: '#/components/schemas/Items'}
        """

    static func generate(infersTypes: Bool = true) throws -> SwiftGenerator.Output {
        let result = DocumentLoader.load(bytes: Array(spec.utf8), path: "inferred.yaml")
        let document = try #require(result.document)
        var config = GeneratorConfig(moduleName: "Inferred", specDisplayPath: "inferred.yaml")
        config.infersTypes = infersTypes
        let output = SwiftGenerator.generate(document, files: result.files, config: config)
        #expect(!output.hasErrors)
        return output
    }

    static func warnings(infersTypes: Bool = true) throws -> [(line: UInt32, message: String)] {
        try generate(infersTypes: infersTypes).diagnostics.filter { $0.severity == .warning }.map { ($0.location?.line ?? 0, $0.message) }
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

    /// `inferTypes: false`: the schemas whose keywords only imply a type are JSON values checked
    /// against their description, so nothing is refused that JSON Schema accepts, and nothing is
    /// said; the others keep their Swift types.
    @Test func withoutInferenceImpliedTypesAreJSONValuesCheckedWhole() throws {
        #expect(try Self.warnings(infersTypes: false).isEmpty)
        let output = try Self.generate(infersTypes: false)
        let models = output.files.filter { $0.name.hasPrefix("Models") }.map(\.contents).joined()
        for name in ["RequiredOnly", "Items", "Pattern", "Values"] {
            #expect(models.contains("public typealias \(name) = JSONValue"), "\(name) is not a JSONValue:\n\(models)")
        }
        for name in ["OptionalOnly", "Typed"] {
            #expect(models.contains("public struct \(name): "), "\(name) lost its struct")
        }
        #expect(models.contains("public struct TypedItems") == false)
        #expect(models.contains("public typealias TypedItems = [Int]"))
        // Where they are used, they are checked against the whole schema.
        let schemas = output.files.first { $0.name == "Schemas.swift" }?.contents ?? ""
        #expect(schemas.contains(#"{"properties":{"id":{"type":"string"}},"required":["id"]}"#), "\(schemas)")
        #expect(schemas.contains(#"{"items":{"type":"integer"}}"#), "\(schemas)")
        let validation = output.files.first { $0.name == "Validation.swift" }?.contents ?? ""
        #expect(validation.contains("v.schema(self.a, JSONSchemas.s"), "\(validation)")
        #expect(validation.contains("v.schema(self.b, JSONSchemas.s"), "\(validation)")
    }

    @Test func configFileReadsInferTypes() throws {
        let path = NSTemporaryDirectory() + "openapi-gen-infer-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "spec: a.yaml\noutput: Out\ninferTypes: false\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try GenerationSettings.load(configPath: path).partial.resolved().generatorConfig.infersTypes == false)
        try "spec: a.yaml\noutput: Out\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try GenerationSettings.load(configPath: path).partial.resolved().generatorConfig.infersTypes == true)
        try "spec: a.yaml\noutput: Out\ninferTypes: no\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DriverError.self) { try GenerationSettings.load(configPath: path) }
    }
}
