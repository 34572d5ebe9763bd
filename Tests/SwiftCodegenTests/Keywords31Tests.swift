import Foundation
import OpenAPIModel
import SwiftCodegen
import Testing
import YAMLTree

/// Tests/Fixtures/Keywords31.yaml uses every JSON Schema 2020-12 keyword OpenAPI 3.1 allows. It
/// loads without a diagnostic (it is a valid document), and generation says, at each keyword's
/// place, what the generated code does not hold as written. That the output compiles is GoldenKeywords31's
/// job (GoldenFileTests).
@Suite struct Keywords31Tests {
    static let path = "Tests/Fixtures/Keywords31.yaml"

    static func load() throws -> LoadResult {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packageRoot + "/" + path)))
        return DocumentLoader.load(bytes: bytes, path: path)
    }

    @Test func loadsWithoutDiagnostics() throws {
        let result = try Self.load()
        #expect(result.diagnostics.isEmpty, "\(result.rendered().joined(separator: "\n"))")
        #expect(result.document != nil)
    }

    /// Line, column and a fragment of each warning, in source order. Every other keyword is
    /// checked by the generated code (GoldenBehaviourTests' Keywords31ValidationTests).
    static let expectedWarnings: [(UInt32, UInt32, String)] = [
        (10, 5, "webhooks are not generated (`shapeCreated`)"),
        (64, 25, "`prefixItems`: a Swift array holds one element type, so the elements are JSONValue"),
    ]

    @Test func generationWarnsWhereInformationIsLost() throws {
        let result = try Self.load()
        let document = try #require(result.document)
        let output = SwiftGenerator.generate(document, files: result.files,
                                             config: GeneratorConfig(moduleName: "GoldenKeywords31", specDisplayPath: Self.path))
        #expect(!output.hasErrors)
        let warnings = output.diagnostics.filter { $0.severity == .warning }
        let rendered = warnings.map { $0.rendered(in: result.files) }.joined(separator: "\n")
        #expect(warnings.count == Self.expectedWarnings.count, "\(rendered)")
        for (line, column, fragment) in Self.expectedWarnings {
            #expect(warnings.contains { $0.location?.line == line && $0.location?.column == column && $0.message.contains(fragment) },
                    "no warning at \(line):\(column) saying \(fragment); got:\n\(rendered)")
        }
    }

    @Test func keywordsShapeTheTypes() throws {
        let result = try Self.load()
        let document = try #require(result.document)
        let output = SwiftGenerator.generate(document, files: result.files,
                                             config: GeneratorConfig(moduleName: "GoldenKeywords31", specDisplayPath: Self.path))
        let models = file(output, "Models.swift")
        for declaration in [
            "public var point: [Double]",  // prefixItems of one type
            "public var entry: [JSONValue]?",  // prefixItems of several
            "public var version: Int?", "public var ratio: Double?", "public var enabled: Bool?",  // const alone
            "public var logo: Data?",  // contentEncoding: base64
            "public var additionalProperties: [String: Int]",  // unevaluatedProperties: {type: integer}
            "public var children: [Tree]?",  // $dynamicRef to the $dynamicAnchor
            "public var sibling: Leaf?", "public var byID: Leaf?", "public var named: Leaf?",  // $id and $anchor
            "case \"circle\": self = .circle",  // const on the discriminator property
            "case tag = \"species\"",  // const on every branch, no discriminator
        ] {
            #expect(models.contains(declaration), "Models.swift lacks \(declaration)")
        }
    }

    /// A `$dynamicRef` whose target depends on the way evaluation takes is checked where
    /// evaluation starts, as a whole, against descriptions that carry the dynamic scope; the
    /// reference itself is a JSONValue, which no typed reading would get right for both lists.
    @Test func pathDependentDynamicReferencesAreCheckedFromWhereEvaluationStarts() throws {
        let output = try generateInline(Self.lists)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.message))")
        #expect(file(output, "Models.swift").contains("public var list: [JSONValue]?"))
        let schemas = file(output, "Schemas.swift")
        let base = "#/components/schemas/Main/$defs/"
        for fragment in [
            // The start's description is whole: its properties' typed checks keep no scope.
            #"static let s1 = StaticSchema(##"{"type":"object","properties":{"kind":{"type":"string","maxLength":8}},"if":"#,
            #"{"$dynamicAnchors":{"itemType":"\#(base)numbers/$defs/itemType"},"$ref":"\#(base)generic"}"#,
            #"{"$dynamicAnchors":{"itemType":"\#(base)strings/$defs/itemType"},"$ref":"\#(base)generic"}"#,
            #""items":{"$dynamicRef":{"anchor":"itemType","$ref":"\#(base)generic/$defs/fallback"}}"#,
        ] {
            #expect(schemas.contains(fragment), "Schemas.swift lacks \(fragment)")
        }
        let validation = file(output, "Validation.swift")
        #expect(validation.contains("extension Main: Validatable {\n    public func validate(into v: inout Validator) {\n        v.schema(self, JSONSchemas.s1, at: \"\")"))
        // Checked on its own, the reference would start a scope of its own.
        #expect(validation.contains("extension Generic: Validatable { public func validate(into v: inout Validator) {} }"))

        // A value read through a `$ref` into the start's `$defs` is not checked against the
        // reference: said at the reference.
        let entered = try generateInline(Self.lists + """

                Other:
                  type: object
                  properties:
                    numbers: {$ref: '#/components/schemas/Main/$defs/numbers'}
            """)
        let warnings = entered.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("`$dynamicRef` depends on the way evaluation takes") == true)
        #expect(warnings.first.map { ($0.location?.line, $0.location?.column) } ?? (nil, nil) == (19, 41))
    }

    static let lists = """
        openapi: 3.1.0
        info: {title: Lists, version: '1'}
        paths: {}
        components:
          schemas:
            Main:
              $id: 'https://example.com/main'
              type: object
              properties:
                kind: {type: string, maxLength: 8}
              if: {properties: {kind: {const: numbers}}, required: [kind]}
              then: {$ref: 'numbers'}
              else: {$ref: 'strings'}
              $defs:
                generic:
                  $id: 'generic'
                  type: object
                  properties:
                    list: {type: array, items: {$dynamicRef: '#itemType'}}
                  $defs:
                    fallback: {$dynamicAnchor: itemType}
                numbers:
                  $id: 'numbers'
                  $ref: 'generic'
                  $defs:
                    itemType: {$dynamicAnchor: itemType, type: number}
                strings:
                  $id: 'strings'
                  $ref: 'generic'
                  $defs:
                    itemType: {$dynamicAnchor: itemType, type: string}
        """
}
