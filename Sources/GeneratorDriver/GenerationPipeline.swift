import OpenAPIModel
import SwiftCodegen
import YAMLTree

/// Load → generate, with every diagnostic of both stages, and nothing written.
public enum GenerationPipeline {
    /// What a run found, apart from its files.
    public struct Summary: Sendable {
        /// Warnings (errors end the run with ``DriverError/diagnostics(_:_:)`` instead).
        public var warnings: [Diagnostic]
        public var sourceFiles: SourceFiles
        public var typeCount: Int
        public var operationCount: Int
    }

    public struct Result: Sendable {
        public var files: [GeneratedFile]
        public var warnings: [Diagnostic]
        public var sourceFiles: SourceFiles
        public var typeCount: Int
        public var operationCount: Int
    }

    /// Generates into memory.
    public static func run(_ settings: GenerationSettings) throws(DriverError) -> Result {
        var files: [GeneratedFile] = []
        let summary = try run(settings) { files.append($0) }
        return Result(files: files, warnings: summary.warnings, sourceFiles: summary.sourceFiles,
                      typeCount: summary.typeCount, operationCount: summary.operationCount)
    }

    /// Hands each file to `emit` as it is rendered. Errors found during generation (an invalid
    /// `pattern`, say) are only known at the end, so a throw may come after some files were
    /// emitted: a caller that writes them stages them until this returns (``StagedWrite``).
    public static func run(_ settings: GenerationSettings, emit: (GeneratedFile) -> Void) throws(DriverError) -> Summary {
        let load = DocumentLoader.load(path: settings.specPath)
        guard !load.hasErrors, let document = load.document else {
            throw .diagnostics(load.diagnostics, load.files)
        }
        let output = SwiftGenerator.generate(document, files: load.files, config: settings.generatorConfig, emit: emit)
        let all = load.diagnostics + output.diagnostics
        if output.hasErrors { throw .diagnostics(all, load.files) }
        return Summary(warnings: all, sourceFiles: load.files, typeCount: output.typeCount, operationCount: output.operationCount)
    }
}
