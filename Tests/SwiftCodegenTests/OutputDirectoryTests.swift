import Foundation
import GeneratorDriver
import SwiftCodegen
import Testing

/// The drift check and the writer, on real folders in a temporary directory.
@Suite struct OutputDirectoryTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "openapi-gen-output-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/spec/openfunnel.yaml", toPath: dir + "/openfunnel.yaml")
    }

    func settings() -> GenerationSettings {
        GenerationSettings(specPath: dir + "/openfunnel.yaml", outputDirectory: dir + "/out", moduleName: "OpenFunnel")
    }

    func snapshot() -> [String: String] { OutputDirectory(path: dir + "/out").existingFiles() }

    func editSpec(_ transform: (String) -> String) throws {
        let path = dir + "/openfunnel.yaml"
        try transform(String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func checkFailsAfterASpecEditThatChangesOutputAndOnlyThen() throws {
        let out = OutputDirectory(path: dir + "/out")
        try out.write(GenerationPipeline.run(settings()).files)
        #expect(out.changes(for: try GenerationPipeline.run(settings()).files).isEmpty)

        // A comment changes nothing generated.
        try editSpec { "# a comment\n" + $0 }
        #expect(out.changes(for: try GenerationPipeline.run(settings()).files).isEmpty)

        // A tighter constraint does, and the report shows the line.
        try editSpec { $0.replacingOccurrences(of: "maxItems: 10", with: "maxItems: 5") }
        let changes = out.changes(for: try GenerationPipeline.run(settings()).files)
        #expect(changes.map(\.fileName) == ["Validation.swift"])
        let report = DriftReport.lines(for: changes, directory: "out")
        #expect(report.contains("+        v.count(self.seedDomains?.count, max: 5, at: \"seed_domains\")"))
        #expect(report.contains("-        v.count(self.seedDomains?.count, max: 10, at: \"seed_domains\")"))
    }

    @Test func aFailedGenerationLeavesTheOutputExactlyAsItWas() throws {
        let out = OutputDirectory(path: dir + "/out")
        try out.write(GenerationPipeline.run(settings()).files)
        let before = snapshot()
        for broken in ["openapi: 3.1.0\ninfo: {title: x, version: '1'\n", "paths: {}\n", "\u{0}binary"] {
            try broken.write(toFile: dir + "/openfunnel.yaml", atomically: true, encoding: .utf8)
            #expect(throws: DriverError.self) { try GenerationPipeline.run(settings()) }
            #expect(snapshot() == before)
        }
    }

    @Test func unchangedFilesAreNotRewrittenAndStaleOnesAreDeleted() throws {
        let out = OutputDirectory(path: dir + "/out")
        let files = try GenerationPipeline.run(settings()).files
        try out.write(files)
        let models = dir + "/out/Models.swift"
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: models)
        try (OutputDirectory.marker + " earlier\n").write(toFile: dir + "/out/Stale.swift", atomically: true, encoding: .utf8)

        let changes = try out.write(files)
        #expect(changes == WriteSummary(removed: ["Stale.swift"]))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/Stale.swift"))
        let modified = try FileManager.default.attributesOfItem(atPath: models)[.modificationDate] as? Date
        #expect(modified == old)
    }

    @Test func aFileTheUserWroteIsNeverOverwritten() throws {
        let out = OutputDirectory(path: dir + "/out")
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "// mine\n".write(toFile: dir + "/out/Models.swift", atomically: true, encoding: .utf8)
        try "// also mine\n".write(toFile: dir + "/out/Helpers.swift", atomically: true, encoding: .utf8)
        let before = snapshot()
        #expect(throws: DriverError.self) { try out.write(GenerationPipeline.run(settings()).files) }
        #expect(snapshot() == before)
    }

    /// Generation streams files into the writer as they are rendered; an error found only at
    /// the end (an invalid `pattern` is reported by the generator, after the models are out)
    /// must still leave nothing behind: no staged files, no new folder.
    @Test func aGenerationFailingAfterFilesWereStagedLeavesNothingBehind() throws {
        try editSpec {
            $0.replacingOccurrences(of: "type: string\n              maxItems: 10",
                                    with: "type: string\n                pattern: '[unclosed'\n              maxItems: 10")
        }
        for existing in [false, true] {
            if existing { try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true) }
            let before = snapshot()
            let staged = try OutputDirectory(path: dir + "/out").beginWrite()
            var emitted = 0
            #expect(throws: DriverError.self) {
                try GenerationPipeline.run(settings()) { emitted += 1; staged.stage($0) }
            }
            staged.discard()
            #expect(emitted > 0)
            #expect(FileManager.default.fileExists(atPath: dir + "/out") == existing)
            #expect(snapshot() == before)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []).isEmpty)
        }
    }
}
