import ArgumentParser
import Foundation
import OpenFunnel
@testable import OpenFunnelCLI
import Testing

@Suite struct ParsingTests {
    @Test func lookalikesOptionsBuildTheRequest() throws {
        let command = try #require(OpenFunnelCommand.parseAsRoot([
            "lookalikes", "--query", "voice AI in healthcare", "--seed-domain", "a.com", "--seed-domain", "b.com",
            "--limit", "2000", "--min-employees", "50", "--max-employees", "500",
            "--funding-stage", "Series A", "--funding-stage", "series-b", "--location", "usa", "--location", "GBR",
        ]) as? LookalikesCommand)
        #expect(command.request == BulkLookalikeSearchRequest(
            query: "voice AI in healthcare", seedDomains: ["a.com", "b.com"], limit: 2000, minEmployees: 50, maxEmployees: 500,
            fundingStages: [.seriesA, .seriesB], locations: ["USA", "GBR"]))
        #expect(command.inputProblems.isEmpty)
        #expect(command.connection.baseURL == Servers.server1)
        #expect(command.outputOptions.format == nil)
        // Rows reach the output as they are delivered unless --no-stream says otherwise.
        #expect(command.outputOptions.stream == true)
        let waiting = try #require(OpenFunnelCommand.parseAsRoot(["lookalikes", "--query", "x", "--no-stream"]) as? LookalikesCommand)
        #expect(waiting.outputOptions.stream == false)
    }

    @Test func omittedOptionsAreLeftOutOfTheRequest() throws {
        let command = try #require(OpenFunnelCommand.parseAsRoot(["lookalikes", "--seed-domain", "acme.com"]) as? LookalikesCommand)
        #expect(command.request == BulkLookalikeSearchRequest(seedDomains: ["acme.com"], limit: 100))
    }

    @Test func commonOptions() throws {
        let command = try #require(OpenFunnelCommand.parseAsRoot([
            "lookalikes", "--query", "x", "--format", "csv", "-o", "out.csv", "--stream", "--base-url", "http://127.0.0.1:8080",
        ]) as? LookalikesCommand)
        #expect(command.outputOptions.format == .csv)
        #expect(command.outputOptions.output == "out.csv")
        #expect(command.outputOptions.stream)
        #expect(command.connection.baseURL == URL(string: "http://127.0.0.1:8080")!)
    }

    @Test func everyFundingStageLabelParses() throws {
        for stage in BulkLookalikeSearchRequest.FundingStage.allCases {
            #expect(FundingStageArgument(argument: stage.rawValue)?.stage == stage)
        }
        #expect(FundingStageArgument(argument: "PRE_SEED")?.stage == .preSeed)
        #expect(FundingStageArgument(argument: "Series Z") == nil)
    }

    @Test func anUnknownFundingStageListsTheLabels() {
        do {
            _ = try OpenFunnelCommand.parseAsRoot(["lookalikes", "--query", "x", "--funding-stage", "Series Z"])
            Issue.record("parsed")
        } catch {
            let message = OpenFunnelCommand.fullMessage(for: error)
            #expect(message.contains("'Series Z' is invalid for '--funding-stage <stage>'"))
            for stage in BulkLookalikeSearchRequest.FundingStage.allCases { #expect(message.contains(stage.rawValue)) }
            #expect(OpenFunnelCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func theHelpListsTheFundingStages() {
        let help = OpenFunnelCommand.helpMessage(for: LookalikesCommand.self, columns: 100)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Pre-Seed, Seed, Series A, Series B, Series C, Series D, Series E, Series F, Series G, Series H, Acquired, Private, Public"))
        #expect(help.contains("--seed-domain <domain> A website of a company"))
    }

    @Test func aBadBaseURLIsRefusedWhileParsing() {
        #expect(throws: (any Error).self) { try OpenFunnelCommand.parseAsRoot(["status", "j", "--base-url", "not a url"]) }
        #expect(throws: (any Error).self) { try OpenFunnelCommand.parseAsRoot(["status", "j", "--base-url", "ftp://x"]) }
    }

    @Test func techIntentOptionsBuildTheRequest() throws {
        let command = try #require(OpenFunnelCommand.parseAsRoot([
            "tech-intent", "--tech", "Kubernetes", "--activity", "migrating workloads from VMs", "--variation", "K8s",
            "--variation", "k8s", "--lookback-days", "90", "--limit", "50", "--hq-country-code", "usa",
            "--min-employee-count", "10", "--max-employee-count", "1000", "--enrich", "--include-vendor",
            "--exclude-company-slug", "acme",
        ]) as? TechIntentCommand)
        #expect(command.request == TechIntentSearchRequest(
            tech: "Kubernetes", activity: "migrating workloads from VMs", variations: ["K8s", "k8s"], lookbackDays: 90, limit: 50,
            excludeVendor: false, excludeAggregators: true, excludeCompanySlugs: ["acme"], enrich: true, hqCountryCode: "USA",
            minEmployeeCount: 10, maxEmployeeCount: 1000))
    }

    @Test func techIntentDefaultsAreTheSpecs() throws {
        let command = try #require(OpenFunnelCommand.parseAsRoot(["tech-intent", "--tech", "dbt", "--activity", "x"]) as? TechIntentCommand)
        #expect(command.request == TechIntentSearchRequest(tech: "dbt", activity: "x"))
        #expect(command.request.excludeVendor == true && command.request.excludeAggregators == true && command.request.enrich == false)
        let both = try #require(OpenFunnelCommand.parseAsRoot(["tech-intent", "--tech", "dbt", "--activity", "x", "--include-aggregators"]) as? TechIntentCommand)
        #expect(both.request.excludeAggregators == false)
    }

    @Test func techIntentNeedsTechAndActivity() {
        #expect(throws: (any Error).self) { try OpenFunnelCommand.parseAsRoot(["tech-intent", "--tech", "dbt"]) }
    }

    @Test func jobCommandsTakeAnIDAndAKind() throws {
        let status = try #require(OpenFunnelCommand.parseAsRoot(["status", "job-9"]) as? StatusCommand)
        #expect(status.job.jobID == "job-9")
        #expect(status.job.kind == .lookalike)
        let rows = try #require(OpenFunnelCommand.parseAsRoot(["rows", "job-9", "--kind", "tech-intent", "--stream"]) as? RowsCommand)
        #expect(rows.job.kind == .techIntent)
        #expect(rows.outputOptions.stream)
        #expect(try OpenFunnelCommand.parseAsRoot(["cancel", "job-9"]) is CancelCommand)
        #expect(throws: (any Error).self) { try OpenFunnelCommand.parseAsRoot(["rows", "job-9", "--kind", "other"]) }
        #expect(throws: (any Error).self) { try OpenFunnelCommand.parseAsRoot(["status"]) }
    }

    @Test func theDefaultFormatFollowsTheDestination() throws {
        var harness = Harness()
        func format(_ arguments: [String]) throws -> OutputFormat {
            let command = try #require(OpenFunnelCommand.parseAsRoot(["rows", "j"] + arguments) as? RowsCommand)
            return command.outputOptions.resolvedFormat(harness.context)
        }
        #expect(try format([]) == .jsonl)
        harness.stdoutIsTerminal = true
        #expect(try format([]) == .table)
        #expect(try format(["-o", "x.csv"]) == .csv)
        #expect(try format(["-o", "x.out"]) == .jsonl)
        #expect(try format(["-o", "x.csv", "--format", "table"]) == .table)
        #expect(try format(["-o", "-"]) == .table)
    }
}
