import GeneratorDriver

struct CheckCommand {
    static let name = "check"
    static let abstract = "Exit 1 with a diff if the output folder no longer matches what the spec generates."
    static let discussion = "Run it in CI after changing the spec or the generator; `openapi-gen generate` brings the folder up to date."
    static let usage = GenerationOptions.usage(subcommand: name, abstract: abstract, discussion: discussion)

    var options: GenerationOptions

    init(arguments: [String]) throws(UsageError) {
        options = try GenerationOptions(arguments: arguments)
    }

    func run() throws {
        do {
            let settings = try options.settings()
            let check = DriftCheck(OutputDirectory(path: settings.outputDirectory))
            _ = try GenerationPipeline.run(settings) { check.compare($0) }
            let changes = check.finish()
            if changes.isEmpty {
                print("\(settings.outputDirectory): up to date with \(settings.specPath)")
                return
            }
            for line in DriftReport.lines(for: changes, directory: settings.outputDirectory) { print(line) }
            printError("error: \(settings.outputDirectory) is out of date with \(settings.specPath); run `openapi-gen generate` (make generate)")
            throw ExitCode(1)
        } catch let error as DriverError {
            throw fail(error)
        }
    }
}
