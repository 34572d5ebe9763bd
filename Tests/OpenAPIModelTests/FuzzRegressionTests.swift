import Foundation
import OpenAPIModel
import Testing
import YAMLTree

/// Inputs that once crashed, hung or exhausted memory (found by `make fuzz`, or while deciding
/// what its inputs can reach), one file each in Tests/Fixtures/FuzzRegressions. They are loaded
/// as the fuzz target loads them: as `input.yaml` in that folder, so that relative references
/// reach the same files.
enum FuzzRegressions {
    static let directory = Corpus.packageRoot + "/Tests/Fixtures/FuzzRegressions"

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func load(_ name: String) throws -> LoadResult {
        let data = try #require(FileManager.default.contents(atPath: directory + "/" + name), "cannot read \(name)")
        return DocumentLoader.load(bytes: [UInt8](data), path: directory + "/input.yaml")
    }
}

@Suite struct FuzzRegressionTests {
    /// A saved input and the error it must now get, at the place it must point at.
    struct Finding: Sendable, CustomTestStringConvertible {
        var file: String
        var line: UInt32
        var column: UInt32
        var fragments: [String]
        var testDescription: String { file }
    }

    static let findings: [Finding] = [
        // The empty key was interned by the JSON reader, which then declined the document; when
        // libyaml met the key again, comparing it read the key table's bytes before any existed
        // (a trap in debug builds).
        Finding(file: "empty-key-read-twice.json", line: 2, column: 1,
                fragments: ["YAML syntax error", "did not find expected ',' or '}'"]),
        // `/dev/zero` was read until memory ran out.
        Finding(file: "reference-to-device.yaml", line: 6, column: 15,
                fragments: ["cannot read '/dev/zero'", "a device, not a file"]),
    ]

    @Test(arguments: findings)
    func findingGetsALocatedError(_ finding: Finding) throws {
        let result = try FuzzRegressions.load(finding.file)
        let rendered = result.rendered().joined(separator: "\n")
        let here = result.diagnostics.filter {
            $0.severity == .error && $0.location?.line == finding.line && $0.location?.column == finding.column
        }
        #expect(!here.isEmpty, "no error at \(finding.line):\(finding.column); got:\n\(rendered)")
        for fragment in finding.fragments {
            #expect(here.contains { $0.message.contains(fragment) }, "no error says \"\(fragment)\"; got:\n\(rendered)")
        }
    }

    @Test func everySavedInputIsExpectedHereOrByTheGenerator() {
        let expected = Set(Self.findings.map(\.file))
        for file in FuzzRegressions.files where !expected.contains(file) && !file.hasPrefix("generate-") {
            Issue.record("\(file) is in Tests/Fixtures/FuzzRegressions without an expected result; add it to `findings` (or name it generate-… and check it in SwiftCodegenTests)")
        }
        #expect(!FuzzRegressions.files.isEmpty, "no saved inputs in \(FuzzRegressions.directory)")
    }

    /// What the fuzz target checks of every input, for every saved one: errors have places.
    @Test func everySavedInputLoadsWithLocatedErrorsOnly() throws {
        for file in FuzzRegressions.files {
            let result = try FuzzRegressions.load(file)
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.location != nil, "\(file): \(diagnostic.message)")
            }
            #expect(result.document != nil || result.hasErrors, "\(file): no document and no error")
        }
    }

    /// A file as large as a disk allows is refused before it is read (it need not take disk
    /// space: the test's file is sparse).
    @Test func referencedFileTooLargeIsRefusedAtTheReference() throws {
        let directory = try TemporaryDirectory()
        let huge = directory.path + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        expectError(in: """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: ⟨E⟩huge.yaml}
            """, containing: "cannot read", "huge.yaml", "larger than 256 MB", directory: directory.path)
    }
}
