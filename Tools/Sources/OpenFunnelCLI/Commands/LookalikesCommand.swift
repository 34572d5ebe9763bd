import ArgumentParser
import Foundation
import OpenFunnel
import OpenFunnelJobs

/// `openfunnel lookalikes`: submits a bulk lookalike search and writes the companies it finds.
public struct LookalikesCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "lookalikes",
        abstract: "Find companies like a description or like a set of seed websites.",
        discussion: """
            Submits a bulk lookalike search, shows its progress on standard error while it runs, \
            and writes the companies it finds. Give --query, --seed-domain, or both (the query then \
            sharpens what the seeds describe). Each company returned costs one credit.

            Rows are written as the job delivers them. Ctrl-C (or SIGTERM) cancels the job on the \
            server (you are billed only for the companies delivered so far), then writes every row \
            it delivered, for up to 15 s, and exits with status 130. A second Ctrl-C stops at \
            once and prints the `openfunnel rows` command that fetches the rest.

            Example:
              openfunnel lookalikes --query "Healthcare companies building with voice AI" \\
                --limit 500 --funding-stage "Series A" --location USA -o companies.csv
            """)

    @Option(help: ArgumentHelp("What the companies do, in plain words (1–200 characters).", valueName: "text"))
    public var query: String?

    @Option(name: .customLong("seed-domain"), help: ArgumentHelp(
        "A website of a company like the ones wanted; repeat for more (at most 10).", valueName: "domain"))
    public var seedDomains: [String] = []

    @Option(help: ArgumentHelp("The most companies to return (1–10000).", valueName: "n"))
    public var limit: Int = 100

    @Option(help: ArgumentHelp("Fewest employees, inclusive.", valueName: "n"))
    public var minEmployees: Int?

    @Option(help: ArgumentHelp("Most employees, inclusive.", valueName: "n"))
    public var maxEmployees: Int?

    @Option(name: .customLong("funding-stage"), help: ArgumentHelp(
        "A funding stage to include; repeat for more. Quote stages with spaces (\"Series A\").", valueName: "stage"))
    public var fundingStages: [FundingStageArgument] = []

    @Option(name: .customLong("location"), help: ArgumentHelp(
        "An HQ country as an ISO 3166-1 alpha-3 code (USA, GBR, DEU), or EU for its 27 members; repeat for more.",
        valueName: "code"))
    public var locations: [String] = []

    @OptionGroup public var outputOptions: OutputOptions
    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    /// The request these options describe.
    public var request: BulkLookalikeSearchRequest {
        BulkLookalikeSearchRequest(
            query: query,
            seedDomains: seedDomains.isEmpty ? nil : seedDomains,
            limit: limit,
            minEmployees: minEmployees,
            maxEmployees: maxEmployees,
            fundingStages: fundingStages.isEmpty ? nil : fundingStages.map(\.stage),
            locations: locations.isEmpty ? nil : locations.map { $0.uppercased() })
    }

    /// What's wrong with the input, each as `path: problem`: the spec's constraints (as the
    /// client would check them) and its prose rules.
    public var inputProblems: [String] {
        var problems = Operations.SearchLookalikesBulk.Input(body: request).validationIssues.map(\.description)
        if query == nil && seedDomains.isEmpty {
            problems.append("at least one of --query or --seed-domain is required")
        }
        if let problem = boundsProblem(min: minEmployees, max: maxEmployees, minFlag: "--min-employees", maxFlag: "--max-employees") {
            problems.append(problem)
        }
        return problems
    }

    public func run() async throws {
        let command = self
        try await InterruptMonitor.handlingInterrupts { try await command.run(context: $0) }
    }

    /// Runs the command against `context`; errors are printed there and end as `ExitCode`.
    public func run(context: CLIContext) async throws {
        let request = self.request
        try await runSearch(LookalikeSearch.self, problems: inputProblems, connection: connection, outputOptions: outputOptions,
                            context: context) { try await $0.submitLookalikes(request) }
    }
}
