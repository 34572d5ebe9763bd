import ArgumentParser

/// The `openfunnel` command: OpenFunnel's company searches from a shell.
public struct OpenFunnelCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "openfunnel",
        abstract: "Find companies with OpenFunnel's search jobs.",
        discussion: """
            Searches run as jobs on the server: the search commands submit one, show its progress \
            on standard error, and write the companies it finds to standard output or --output, as \
            a table (on a terminal), JSON lines or CSV.

            The API key is read from the OPENFUNNEL_API_KEY environment variable.

            Exit status: 0 on success; 1 on an error, input the API would refuse included; \
            64 for a command line that doesn't parse; 130 when interrupted (Ctrl-C or SIGTERM).
            """,
        subcommands: [
            LookalikesCommand.self, TechIntentCommand.self, StatusCommand.self, RowsCommand.self, CancelCommand.self,
        ])

    public init() {}
}

/// A command that runs against an explicit ``CLIContext``: every `openfunnel` subcommand.
/// Its `run()` calls `run(context: .live())`.
public protocol CLIRunnable {
    /// Runs the command; what it prints goes to `context`, and failures end as `ExitCode`
    /// (after the message is printed).
    func run(context: CLIContext) async throws
}

extension LookalikesCommand: CLIRunnable {}
extension TechIntentCommand: CLIRunnable {}
extension StatusCommand: CLIRunnable {}
extension RowsCommand: CLIRunnable {}
extension CancelCommand: CLIRunnable {}

extension OpenFunnelCommand {
    /// Parses `arguments` and runs the command they name against `context`, in process; returns
    /// the exit status. Parse errors and help go where `main()` would put them (standard error,
    /// or standard output for help). Interrupts arrive through `context.interruption`;
    /// cancelling the calling task counts as two (stop at once): a running job is cancelled on
    /// the server, the rows written are kept, and the status is 130.
    public static func run(_ arguments: [String], context: CLIContext) async -> Int32 {
        do {
            let command = try parseAsRoot(arguments)
            guard let runnable = command as? any CLIRunnable else {
                context.stdout.line(helpMessage(for: type(of: command)))
                return 0
            }
            try await runnable.run(context: context)
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty { (code == .success ? context.stdout : context.stderr).line(message) }
            return code.rawValue
        }
    }
}
