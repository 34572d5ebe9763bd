import ArgumentParser

/// The `openapi-gen` command line: one subcommand per task.
@main
struct OpenAPIGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi-gen",
        abstract: "Generate Swift clients from OpenAPI 3.0 and 3.1 documents.",
        subcommands: [LintCommand.self, GenerateCommand.self, CheckCommand.self]
    )
}
