import OpenAPIModel
import SwiftCodegen
import YAMLTree

/// What `openapi-gen lint` checks: the load, then a generation into nowhere, so that lint
/// reports every problem `generate` would (an untranslatable `pattern` is only found while
/// generating) and `generate` never refuses a document lint passed.
public enum LintPipeline {
    public struct Result: Sendable {
        public var load: LoadResult
        /// The load's diagnostics, then the generator's, in the order `generate` prints them.
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        public var errorCount: Int { diagnostics.count { $0.severity == .error } }
        public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

        public func rendered() -> [String] { diagnostics.map { $0.rendered(in: load.files) } }

        public init(load: LoadResult, diagnostics: [Diagnostic]) {
            self.load = load
            self.diagnostics = diagnostics
        }
    }

    public static func run(specPath: String) -> Result {
        run(DocumentLoader.load(path: specPath), specPath: specPath)
    }

    /// Lints a document already loaded (tests load from memory).
    public static func run(_ load: LoadResult, specPath: String) -> Result {
        // Generation stops at load errors, as `generate` does.
        guard !load.hasErrors, let document = load.document else { return Result(load: load, diagnostics: load.diagnostics) }
        let config = GeneratorConfig(moduleName: "Lint", specDisplayPath: specPath)
        let generated = SwiftGenerator.generate(document, files: load.files, config: config) { _ in }
        return Result(load: load, diagnostics: load.diagnostics + generated.diagnostics)
    }
}
