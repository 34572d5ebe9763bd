import GeneratorDriver

struct GenerateCommand {
    static let name = "generate"
    static let abstract = "Generate Swift models, validators and a client from an OpenAPI document."
    static let discussion = """
            Reads openapi-gen.yaml in the current folder (spec, output, module, access, operations); \
            flags override it. Nothing is written unless the whole generation succeeds, files that \
            did not change are left untouched, and generated files the spec no longer produces are \
            deleted.
            """
    static let usage = GenerationOptions.usage(subcommand: name, abstract: abstract, discussion: discussion)

    var options: GenerationOptions

    init(arguments: [String]) throws(UsageError) {
        options = try GenerationOptions(arguments: arguments)
    }

    func run() throws {
        do throws(DriverError) {
            let settings = try options.settings()
            // Files are staged as they are rendered and moved into place only once the whole
            // generation has succeeded.
            let staged = try OutputDirectory(path: settings.outputDirectory).beginWrite()
            var fileCount = 0
            let result: GenerationPipeline.Summary
            do throws(DriverError) {
                result = try GenerationPipeline.run(settings) { file in
                    fileCount += 1
                    staged.stage(file)
                }
            } catch {
                staged.discard()
                throw error
            }
            for warning in result.warnings { printError(warning.rendered(in: result.sourceFiles)) }
            let changes = try staged.commit()
            print("\(settings.outputDirectory): \(fileCount) files (\(changes.count) changed), "
                + "\(result.typeCount) types, \(result.operationCount) operations, \(result.warnings.count) warnings")
        } catch {
            throw fail(error)
        }
    }
}
