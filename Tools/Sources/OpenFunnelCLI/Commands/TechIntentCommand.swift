import ArgumentParser
import Foundation
import OpenFunnel
import OpenFunnelJobs

/// `openfunnel tech-intent`: submits a tech + activity intent search and writes the companies
/// that qualify.
public struct TechIntentCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "tech-intent",
        abstract: "Find companies whose job posts show a technology used in a particular way.",
        discussion: """
            Searches job postings for --tech, then keeps only the companies whose most recent \
            matching posting shows the --activity. Intent columns come flattened in CSV and \
            tables (intent.reason, intent.qualified_job.title, …).

            The API has no cancel for these jobs: Ctrl-C writes the rows the job has delivered so \
            far and exits with status 130, but the job runs on to its end on the server; the \
            command to fetch the rest is printed.

            Example:
              openfunnel tech-intent --tech Snowflake \\
                --activity "migrating off Redshift to Snowflake" --hq-country-code USA
            """)

    @Option(help: ArgumentHelp("The technology to look for in job postings (1–128 characters).", valueName: "name"))
    public var tech: String

    @Option(help: ArgumentHelp("How the technology must be used, e.g. \"migrating off Redshift to Snowflake\" (1–500 characters).",
                               valueName: "text"))
    public var activity: String

    @Option(name: .customLong("variation"), help: ArgumentHelp(
        "Another name for the technology (K8s for Kubernetes); repeat for more.", valueName: "name"))
    public var variations: [String] = []

    @Option(help: ArgumentHelp("How far back to look at postings, in days (1–365).", valueName: "days"))
    public var lookbackDays: Int = 365

    @Option(help: ArgumentHelp("The most qualified companies to return (1–500).", valueName: "n"))
    public var limit: Int = 100

    @Option(help: ArgumentHelp("Only companies headquartered in this country (ISO 3166-1 alpha-3: USA, GBR, IND).", valueName: "code"))
    public var hqCountryCode: String?

    @Option(help: ArgumentHelp("Fewest employees, inclusive.", valueName: "n"))
    public var minEmployeeCount: Int?

    @Option(help: ArgumentHelp("Most employees, inclusive.", valueName: "n"))
    public var maxEmployeeCount: Int?

    @Flag(help: "Add firmographics to each company (on anyway with a country or employee filter).")
    public var enrich = false

    @Flag(help: "Keep postings by the technology's own vendor (left out by default).")
    public var includeVendor = false

    @Flag(help: "Keep job aggregators and reposters (left out by default).")
    public var includeAggregators = false

    @Option(name: .customLong("exclude-company-slug"), help: ArgumentHelp(
        "A LinkedIn company slug to leave out; repeat for more.", valueName: "slug"))
    public var excludeCompanySlugs: [String] = []

    @OptionGroup public var outputOptions: OutputOptions
    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    /// The request these options describe.
    public var request: TechIntentSearchRequest {
        TechIntentSearchRequest(
            tech: tech,
            activity: activity,
            variations: variations.isEmpty ? nil : variations,
            lookbackDays: lookbackDays,
            limit: limit,
            excludeVendor: !includeVendor,
            excludeAggregators: !includeAggregators,
            excludeCompanySlugs: excludeCompanySlugs.isEmpty ? nil : excludeCompanySlugs,
            enrich: enrich,
            hqCountryCode: hqCountryCode?.uppercased(),
            minEmployeeCount: minEmployeeCount,
            maxEmployeeCount: maxEmployeeCount)
    }

    /// What's wrong with the input, each as `path: problem`.
    public var inputProblems: [String] {
        var problems = Operations.TechIntentSearchSubmit.Input(body: request).validationIssues.map(\.description)
        if let problem = boundsProblem(min: minEmployeeCount, max: maxEmployeeCount,
                                       minFlag: "--min-employee-count", maxFlag: "--max-employee-count") {
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
        try await runSearch(TechIntentSearch.self, problems: inputProblems, connection: connection, outputOptions: outputOptions,
                            context: context) { try await $0.submitTechIntent(request) }
    }
}
