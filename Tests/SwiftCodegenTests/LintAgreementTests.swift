import Foundation
import GeneratorDriver
import OpenAPIModel
import SwiftCodegen
import Testing
import YAMLTree

/// `lint` and `generate` report the same diagnostics on every fixture: a document lint passes
/// is never refused by generate (a FastAPI document once had 8 pattern errors in generate and
/// none in lint).
@Suite struct LintAgreementTests {
    static let documents: [String] = {
        let fixtures = packageRoot + "/Tests/Fixtures"
        var paths: [String] = []
        for folder in ["", "/Lint", "/FuzzRegressions"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures + folder)) ?? []
            paths += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { "Tests/Fixtures\(folder)/\($0)" }
        }
        return paths + ["spec/openfunnel.yaml"]
    }()

    @Test func theFixturesAreThere() {
        #expect(Self.documents.count >= 12)
        #expect(Self.documents.contains("Tests/Fixtures/Lint/UntranslatablePatterns.yaml"))
    }

    @Test(arguments: documents)
    func lintReportsWhatGenerateReports(_ path: String) {
        let full = packageRoot + "/" + path
        let lint = LintPipeline.run(specPath: full)
        let settings = GenerationSettings(specPath: full, outputDirectory: "/nonexistent", moduleName: "Lint")
        var generated: [String] = []
        var refused = false
        do {
            let result = try GenerationPipeline.run(settings)
            generated = result.warnings.map { $0.rendered(in: result.sourceFiles) }
        } catch {
            refused = true
            generated = error.lines
        }
        #expect(lint.hasErrors == refused, "\(path): lint \(lint.errorCount) errors, generate \(refused ? "refused" : "accepted")")
        #expect(lint.rendered() == generated, "\(path)")
    }

    /// Every untranslatable pattern is an error of lint's at the pattern's place; the Python
    /// group is a warning.
    @Test func lintRefusesUntranslatablePatterns() throws {
        let path = packageRoot + "/Tests/Fixtures/Lint/UntranslatablePatterns.yaml"
        let lint = LintPipeline.run(specPath: path)
        let errors = lint.diagnostics.filter { $0.severity == .error }
        #expect(errors.compactMap(\.location?.line) == [16, 19, 22, 25, 28])
        #expect(errors.allSatisfy { $0.message.contains("is not a valid ECMA-262 regular expression") })
        #expect(errors.first?.message.contains("write `^`") == true)
        let warnings = lint.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location?.line == 32)
        #expect(warnings.first?.message.contains("Python's named group") == true)
    }

    /// OpenAPI 3.0's `nullable: true` on a path parameter, as 3.1's null types: the parameter
    /// is generated non-optional, with a warning at its schema. Query parameters stay optional.
    @Test func nullablePathParameterIn30IsNotOptional() throws {
        let text = """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets/{petId}:
                get:
                  parameters:
                    - name: petId
                      in: path
                      required: true
                      schema: {type: string, nullable: true}
                    - name: q
                      in: query
                      required: true
                      schema: {type: string, nullable: true}
                  responses: {'200': {description: ok}}
            """
        let load = DocumentLoader.load(bytes: Array(text.utf8), path: "spec.yaml")
        let document = try #require(load.document)
        let output = SwiftGenerator.generate(document, files: load.files, config: GeneratorConfig(moduleName: "Pets", specDisplayPath: "spec.yaml"))
        #expect(!output.hasErrors)
        let warning = try #require(output.diagnostics.first { $0.message.contains("path parameter `petId` allows null") })
        #expect(warning.location?.line == 10)
        #expect(warning.message.contains("non-optional `String`"))
        let operations = try #require(output.files.first { $0.name == "Operations.swift" }?.contents)
        #expect(operations.contains("public var petID: String\n"))
        #expect(operations.contains("public var q: String?\n"))
        let client = try #require(output.files.first { $0.name == "Client.swift" }?.contents)
        #expect(client.contains(#"path: "/pets/\(PathEncoding.segment(input.petID))""#))
    }
}
