import OpenAPIModel
import SwiftCodegen
import YAMLTree

/// Load → generate, with every diagnostic of both stages, and nothing written.
public enum GenerationPipeline {
    public struct Result: Sendable {
        public var files: [GeneratedFile]
        /// Warnings (errors end the run with ``DriverError/diagnostics(_:_:)`` instead).
        public var warnings: [Diagnostic]
        public var sourceFiles: SourceFiles
        public var typeCount: Int
        public var operationCount: Int
    }

    public static func run(_ settings: GenerationSettings) throws(DriverError) -> Result {
        let load = DocumentLoader.load(path: settings.specPath)
        guard !load.hasErrors, let document = load.document else {
            throw .diagnostics(load.diagnostics, load.files)
        }
        let output = SwiftGenerator.generate(document, files: load.files, config: settings.generatorConfig)
        let all = load.diagnostics + output.diagnostics
        if output.hasErrors { throw .diagnostics(all, load.files) }
        return Result(files: output.files, warnings: all, sourceFiles: load.files,
                      typeCount: output.typeCount, operationCount: output.operationCount)
    }
}
