import Foundation
import GeneratorDriver
import OpenAPIModel
import SwiftCodegen
import Testing

/// The package root, found from this file so tests run the same from any working directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Each fixture spec in Tests/Fixtures generates exactly the files committed under
/// Tests/Reference/Golden<Name>. Those goldens are compiled as modules of their own and exercised
/// by GoldenBehaviourTests, so a golden can't be both accepted here and broken there.
///
/// `UPDATE_GOLDEN=1 make test` rewrites the goldens and then fails on purpose: re-recording is a
/// deliberate act, reviewed in the diff before committing.
@Suite struct GoldenFileTests {
    static let fixtures: [String] = {
        let dir = packageRoot + "/Tests/Fixtures"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 8, "expected the fixture specs in Tests/Fixtures")
    }

    /// Generated with `inferTypes: false`: the JSON Schema Test Suite's groups whose schemas leave
    /// out the `type` their keywords imply, judged as JSON Schema reads them (JSONSchemaSuiteTests).
    static let fixturesWithoutTypeInference: Set<String> = ["JSONSchemaSuiteExact", "JSONSchemaSuiteExact30"]

    @Test(arguments: fixtures)
    func generatedOutputMatchesGolden(_ name: String) throws {
        var settings = GenerationSettings(
            specPath: "Tests/Fixtures/\(name).yaml", outputDirectory: "Tests/Reference/Golden\(name)", moduleName: "Golden\(name)")
        settings.infersTypes = !Self.fixturesWithoutTypeInference.contains(name)
        let files = try generate(settings)
        let directory = OutputDirectory(path: packageRoot + "/" + settings.outputDirectory)
        let changes = directory.changes(for: files)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            if !changes.isEmpty {
                try directory.write(files)
                Issue.record("re-recorded \(settings.outputDirectory) (\(changes.count) files); review the diff, then run the tests again without UPDATE_GOLDEN")
            }
            return
        }
        let report = DriftReport.lines(for: changes, directory: settings.outputDirectory, maxDiffLines: 200)
        #expect(changes.isEmpty, "\(report.joined(separator: "\n"))\nrun UPDATE_GOLDEN=1 make test to re-record")
    }

    /// Fixtures also generated with `targets: [client, server]` into Tests/Reference/GoldenServer<Name>,
    /// compiled like the client goldens and served over real HTTP by Adapters/FlyingFox's round trips.
    static let serverFixtures = [
        "BinaryStream", "Bodies", "Composition", "Constraints", "ContentTypes", "Documents32", "Enums", "Headers", "JSONLines", "Keywords31",
        "Names", "Nullable", "Nullable30", "Operations32", "Parameters", "Payloads", "RealWorld", "ServerSentEvents", "Streams32",
    ]

    @Test(arguments: serverFixtures)
    func generatedServerMatchesGolden(_ name: String) throws {
        var settings = GenerationSettings(
            specPath: "Tests/Fixtures/\(name).yaml", outputDirectory: "Tests/Reference/GoldenServer\(name)", moduleName: "GoldenServer\(name)")
        settings.targets = [.client, .server]
        let files = try generate(settings)
        #expect(files.contains { $0.name == "Server.swift" })
        let directory = OutputDirectory(path: packageRoot + "/" + settings.outputDirectory)
        let changes = directory.changes(for: files)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            if !changes.isEmpty {
                try directory.write(files)
                Issue.record("re-recorded \(settings.outputDirectory) (\(changes.count) files); review the diff, then run the tests again without UPDATE_GOLDEN")
            }
            return
        }
        let report = DriftReport.lines(for: changes, directory: settings.outputDirectory, maxDiffLines: 200)
        #expect(changes.isEmpty, "\(report.joined(separator: "\n"))\nrun UPDATE_GOLDEN=1 make test to re-record")
    }

    /// The committed OpenFunnel module is what spec/openfunnel.yaml generates (the drift check).
    @Test func generatedOpenFunnelModuleIsUpToDate() throws {
        // openapi-gen.yaml's settings (module, targets), as `make generate` reads them.
        let settings = try GenerationSettings.load(configPath: packageRoot + "/openapi-gen.yaml").partial.resolved()
        let files = try generate(settings)
        let changes = OutputDirectory(path: packageRoot + "/" + settings.outputDirectory).changes(for: files)
        let report = DriftReport.lines(for: changes, directory: settings.outputDirectory)
        #expect(changes.isEmpty, "\(report.joined(separator: "\n"))\nrun make generate")
    }

    /// Reads the spec by its absolute path but names it by its path from the package root, as
    /// `make generate` does, without changing the working directory (tests run in parallel).
    private func generate(_ settings: GenerationSettings) throws -> [GeneratedFile] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packageRoot + "/" + settings.specPath)))
        let load = DocumentLoader.load(bytes: bytes, path: settings.specPath)
        let document = try #require(load.document, "\(load.rendered().joined(separator: "\n"))")
        #expect(!load.hasErrors, "\(load.rendered().joined(separator: "\n"))")
        let output = SwiftGenerator.generate(document, files: load.files, config: settings.generatorConfig)
        #expect(!output.hasErrors, "\(output.diagnostics.map { $0.rendered(in: load.files) }.joined(separator: "\n"))")
        return output.files
    }
}
