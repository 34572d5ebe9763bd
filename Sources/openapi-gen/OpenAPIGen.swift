import Foundation

/// The `openapi-gen` command line: one subcommand per task.
@main
struct OpenAPIGen {
    /// A subcommand: its name, its help, and how it reads its arguments and runs.
    struct Subcommand: Sendable {
        var name: String
        var abstract: String
        var usage: String
        var run: @Sendable ([String]) throws -> Void
    }

    static let subcommands = [
        Subcommand(name: LintCommand.name, abstract: LintCommand.abstract, usage: LintCommand.usage) { try LintCommand(arguments: $0).run() },
        Subcommand(name: GenerateCommand.name, abstract: GenerateCommand.abstract, usage: GenerateCommand.usage) {
            try GenerateCommand(arguments: $0).run()
        },
        Subcommand(name: CheckCommand.name, abstract: CheckCommand.abstract, usage: CheckCommand.usage) { try CheckCommand(arguments: $0).run() },
    ]

    static var overview: String {
        let width = (subcommands.map(\.name.count).max() ?? 0) + 2
        return """
            OVERVIEW: Generate Swift clients from OpenAPI 3.0, 3.1 and 3.2 documents.

            USAGE: openapi-gen <subcommand> [options]

            SUBCOMMANDS:
            \(subcommands.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.abstract }.joined(separator: "\n"))

              See 'openapi-gen <subcommand> --help' for its options.
            """
    }

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
            print(overview)
            exit(arguments.isEmpty ? 64 : 0)
        }
        guard let subcommand = subcommands.first(where: { $0.name == name }) else {
            printError("error: unknown subcommand '\(name)'\n\n" + overview)
            exit(64)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("-h") || rest.contains("--help") {
            print(subcommand.usage)
            exit(0)
        }
        do {
            try subcommand.run(rest)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let usage as UsageError {
            printError("error: \(usage.description)\n\n" + subcommand.usage)
            exit(64)
        } catch {
            printError("error: \(error)")
            exit(1)
        }
    }
}
