import ArgumentParser
import GeneratorDriver

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models, validators and a client from an OpenAPI document.",
        discussion: """
            Reads openapi-gen.yaml in the current folder (spec, output, module, access, operations); \
            flags override it. Nothing is written unless the whole generation succeeds, files that \
            did not change are left untouched, and generated files the spec no longer produces are \
            deleted.
            """)

    @OptionGroup var options: GenerationOptions

    func run() throws {
        do {
            let settings = try options.settings()
            let result = try GenerationPipeline.run(settings)
            for warning in result.warnings { printError(warning.rendered(in: result.sourceFiles)) }
            let changes = try OutputDirectory(path: settings.outputDirectory).write(result.files)
            print("\(settings.outputDirectory): \(result.files.count) files (\(changes.count) changed), "
                + "\(result.typeCount) types, \(result.operationCount) operations, \(result.warnings.count) warnings")
        } catch {
            throw fail(error)
        }
    }
}
