import Foundation
import OpenFunnel
import OpenFunnelCLI
import Testing

/// Input the API would refuse is refused before any request, each problem on its own line.
@Suite struct ValidationTests {
    @Test func tooManySeedDomains() async {
        let harness = Harness()
        let seeds = (1...11).flatMap { ["--seed-domain", "s\($0).com"] }
        let status = await harness.run(["lookalikes"] + seeds)
        #expect(status == 1)
        #expect(harness.stderr.text == "error: seed_domains: 11 items, at most 10 allowed\n")
        #expect(harness.api.totalCalls == 0)
        #expect(harness.stdout.text.isEmpty)
    }

    @Test func queryOrSeedsAreRequired() async {
        let harness = Harness()
        #expect(await harness.run(["lookalikes", "--limit", "10"]) == 1)
        #expect(harness.stderr.text == "error: at least one of --query or --seed-domain is required\n")
        #expect(harness.api.totalCalls == 0)
    }

    @Test func everyProblemIsReported() async {
        let harness = Harness()
        let status = await harness.run([
            "lookalikes", "--query", "", "--limit", "10001", "--min-employees=-1", "--max-employees=-5",
        ])
        #expect(status == 1)
        #expect(harness.stderr.lines == [
            "error: query: 0 characters, at least 1 required",
            "error: limit: 10001 is greater than the maximum 10000",
            "error: min_employees: -1 is less than the minimum 0",
            "error: max_employees: -5 is less than the minimum 0",
        ])
        #expect(harness.api.totalCalls == 0)
    }

    @Test func minAboveMax() async {
        let harness = Harness()
        #expect(await harness.run(["lookalikes", "--query", "x", "--min-employees", "500", "--max-employees", "50"]) == 1)
        #expect(harness.stderr.text == "error: --min-employees (500) is greater than --max-employees (50)\n")
        #expect(harness.api.totalCalls == 0)
    }

    @Test func techIntentConstraints() async {
        let harness = Harness()
        let status = await harness.run([
            "tech-intent", "--tech", String(repeating: "t", count: 129), "--activity", "x", "--lookback-days", "0",
            "--limit", "501", "--hq-country-code", "US", "--min-employee-count", "10", "--max-employee-count", "5",
        ])
        #expect(status == 1)
        #expect(harness.stderr.lines == [
            "error: tech: 129 characters, at most 128 allowed",
            "error: lookback_days: 0 is less than the minimum 1",
            "error: limit: 501 is greater than the maximum 500",
            "error: hq_country_code: 2 characters, at least 3 required",
            "error: --min-employee-count (10) is greater than --max-employee-count (5)",
        ])
        #expect(harness.api.totalCalls == 0)
    }

    @Test func aMissingKeyNamesTheVariable() async {
        var harness = Harness()
        harness.environment = [:]
        #expect(await harness.run(["lookalikes", "--query", "x"]) == 1)
        #expect(harness.stderr.lines == [
            "error: OPENFUNNEL_API_KEY is not set: the OpenFunnel API key is read from it",
            "hint: export OPENFUNNEL_API_KEY=<your API key>, then run the command again",
        ])
        #expect(harness.api.totalCalls == 0)
        harness.environment = [CLIContext.apiKeyVariable: "  "]
        #expect(await harness.run(["status", "j"]) == 1)
    }

    @Test func theKeyIsNeverPrinted() async {
        var harness = Harness()
        harness.environment = [CLIContext.apiKeyVariable: "sk-secret-123"]
        harness.api.lookalikeSubmitOutput = .serviceUnavailable(ServiceUnavailableResponse(detail: "down"))
        _ = await harness.run(["lookalikes", "--query", "x"])
        _ = await harness.run(["status", "missing"])
        #expect(!harness.stderr.text.contains("sk-secret-123"))
        #expect(!harness.stdout.text.contains("sk-secret-123"))
    }

    @Test func unwritableOutputIsRefusedBeforeSubmitting() async throws {
        let harness = Harness()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no/such/dir/out.csv").path
        #expect(await harness.run(["lookalikes", "--query", "x", "-o", missing]) == 1)
        #expect(harness.stderr.text.hasPrefix("error: cannot write --output \(missing): No such file or directory\n"))
        #expect(harness.stderr.text.contains("hint: the directory"))
        #expect(await harness.run(["lookalikes", "--query", "x", "-o", directory.path]) == 1)
        #expect(harness.stderr.text.contains("error: --output \(directory.path) is a directory"))
        #expect(harness.api.totalCalls == 0)
    }
}
