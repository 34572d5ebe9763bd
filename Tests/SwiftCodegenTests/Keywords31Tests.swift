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
}
