import Foundation
import OpenAPIModel
import Testing

/// The real-world documents in `../shared/specs` (beside the package) must all load without
/// errors. Their absence skips the test locally and fails it on CI, where it must not pass
/// silently.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let directory = packageRoot + "/../shared/specs"
    static let isAvailable = FileManager.default.fileExists(atPath: directory)
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false

    static var documents: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
            + ["digitalocean/DigitalOcean-public.v2.yaml"]
    }
}

@Suite struct CorpusTests {
    @Test(.enabled(if: Corpus.isAvailable || Corpus.isCI,
                   "../shared/specs (the shared real-world OpenAPI documents) is not beside the package; set CI=1 to make its absence a failure"))
    func everySharedDocumentLoadsWithoutErrors() {
        guard Corpus.isAvailable else {
            Issue.record("the corpus of shared OpenAPI documents is missing: expected it at \(Corpus.directory)")
            return
        }
        for name in Corpus.documents {
            let result = DocumentLoader.load(path: Corpus.directory + "/" + name)
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name):\n\(errors.map { $0.rendered(in: result.files) }.joined(separator: "\n"))")
            #expect(result.document != nil, "\(name) produced no document")
            print("corpus: \(name): \(result.files.paths.count) files, \(result.document?.operations.count ?? 0) operations, \(result.warningCount) warnings")
        }
    }
}
