import Foundation
import OpenFunnel
import OpenFunnelCLI
import Testing

/// Whole runs of the search commands against the in-memory API.
@Suite struct LookalikesRunTests {
    @Test func csvToAFile() async throws {
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(5), pageSize: 2))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("companies.csv").path

        let status = await harness.run(["lookalikes", "--query", "voice AI", "--limit", "5", "-o", path])
        #expect(status == 0)
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let records = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 6)
        #expect(records[0] == "name,domain,linkedin_url,headquarters,match_reason,employee_count")
        #expect(records[1] == #"Company 0,c0.example,https://www.linkedin.com/company/c0,"San Francisco, United States","Builds ""voice AI"", for clinics",100"#)
        #expect(records[2] == #"Company 1,c1.example,https://www.linkedin.com/company/c1,"San Francisco, United States",Describes itself as a platform,"#)
        #expect(harness.stdout.text.isEmpty)
        // The request went out as typed, and nothing but the file is left in the directory.
        #expect(harness.api.lookalikeRequests == [BulkLookalikeSearchRequest(query: "voice AI", limit: 5)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["companies.csv"])
        #expect(harness.stderr.lines.first == "submitted lookalike job lk-1 (limit 5)")
        #expect(harness.stderr.lines.last == "job lk-1 completed: 5 rows written to \(path)")
    }

    @Test func jsonLinesToAFile() async throws {
        let harness = Harness()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("companies.jsonl").path

        #expect(await harness.run(["lookalikes", "--seed-domain", "acme.com", "-o", path]) == 0)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        let rows = try lines.map { try JSONCoding.decode(BulkLookalikeResultRow.self, from: Data($0.utf8)) }
        #expect(rows == FakeAPI.sampleLookalikes(5))
        #expect(lines[1] == #"{"domain":"c1.example","headquarters":"San Francisco, United States","linkedin_url":"https://www.linkedin.com/company/c1","match_reason":"Describes itself as a platform","name":"Company 1"}"#)
    }

    @Test func aFileIsReplacedOnlyWhenTheRunEnds() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("companies.csv").path
        try "old contents".write(toFile: path, atomically: true, encoding: .utf8)

        // A failed submit leaves the old file as it was, and no temporary file behind.
        let failing = Harness()
        failing.api.lookalikeSubmitOutput = .serviceUnavailable(ServiceUnavailableResponse(detail: "down"))
        #expect(await failing.run(["lookalikes", "--query", "x", "-o", path]) == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["companies.csv"])

        #expect(await Harness().run(["lookalikes", "--query", "x", "-o", path]) == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("name,domain"))
    }

    @Test func jsonLinesOnStandardOutputByDefault() async throws {
        let harness = Harness()
        #expect(await harness.run(["lookalikes", "--query", "x", "--limit", "5"]) == 0)
        #expect(harness.stdout.lines.count == 5)
        #expect(harness.stdout.lines.allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
        // Not a terminal: plain progress lines, only when something changed.
        let progress = harness.stderr.lines.filter { $0.hasPrefix("status:") }
        #expect(progress == [
            "status: running 2/5 qualifying_companies",
            "status: running 4/5 qualifying_companies",
            "status: completed 5/5",
        ])
    }

    @Test func aTableOnATerminal() async throws {
        var harness = Harness()
        harness.stdoutIsTerminal = true
        harness.stderrIsTerminal = true
        harness.terminalWidth = 100
        #expect(await harness.run(["lookalikes", "--query", "x", "--limit", "5"]) == 0)
        let lines = harness.stdout.lines
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("name       domain      linkedin_url"))
        #expect(lines[1].hasPrefix("---------  ----------  "))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 100 })
        #expect(lines.contains { $0.contains("…") })
        // The bar was drawn in place and left on its own line at the end.
        #expect(harness.stderr.text.contains("\r[####################] 5/5 completed\u{1B}[K\n"))
    }

    @Test func streamingWritesRowsWhileTheJobRuns() async throws {
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(7), pageSize: 3))
        #expect(await harness.run(["lookalikes", "--query", "x", "--stream", "--format", "csv"]) == 0)
        #expect(harness.stdout.lines.count == 8)
        #expect(harness.stdout.lines.dropFirst().map { $0.prefix(9) } == (0..<7).map { "Company \($0)".prefix(9) })
        // Pages were read while the job was still running: the first poll already had rows.
        #expect(harness.api.statusCalls.first == "lk-1@-")
    }

    @Test func anUnavailableServiceNamesTheOperationAndTheDetail() async {
        let harness = Harness()
        harness.api.lookalikeSubmitOutput = .serviceUnavailable(ServiceUnavailableResponse(detail: "Bulk lookalike search is down for maintenance"))
        #expect(await harness.run(["lookalikes", "--query", "x"]) == 1)
        #expect(harness.stderr.lines == [
            "error: searchLookalikesBulk: HTTP 503: Bulk lookalike search is down for maintenance",
            "hint: the service is unavailable; try again shortly",
        ])
    }

    @Test func aRateLimitedSubmitSaysHowLongItWaitsAndRetries() async {
        let harness = Harness()
        harness.api.firstSubmitRetryAfter = "30"
        #expect(await harness.run(["lookalikes", "--query", "x"]) == 0)
        #expect(harness.stderr.lines.first == "rate limited, retrying in 30 s")
        #expect(harness.api.lookalikeRequests.count == 2)
    }

    @Test func rateLimitingAndOtherStatuses() async {
        let harness = Harness()
        harness.api.lookalikeSubmitOutput = .tooManyRequests()
        #expect(await harness.run(["lookalikes", "--query", "x"]) == 1)
        #expect(harness.stderr.lines == [
            "error: rate limit reached for this API key",
            "hint: the rate limit held after several retries; wait a minute and run the command again",
        ])

        let unauthorized = Harness()
        unauthorized.api.lookalikeSubmitOutput = .undocumented(
            statusCode: 401, HTTPResponse(status: 401, body: Data(#"{"detail":"Invalid API key"}"#.utf8)))
        #expect(await unauthorized.run(["lookalikes", "--query", "x"]) == 1)
        #expect(unauthorized.stderr.lines == [
            "error: searchLookalikesBulk: HTTP 401: Invalid API key",
            "hint: the API refused the key; check OPENFUNNEL_API_KEY",
        ])

        let invalid = Harness()
        invalid.api.lookalikeSubmitOutput = .unprocessableContent(HTTPValidationError(detail: [
            ValidationError(loc: [.string("body"), .string("seed_domains"), .integer(0)], msg: "not a domain", type: "value_error"),
        ]))
        #expect(await invalid.run(["lookalikes", "--query", "x"]) == 1)
        #expect(invalid.stderr.lines == ["error: searchLookalikesBulk: HTTP 422: seed_domains[0]: not a domain"])
    }

    @Test func aFailedJobKeepsItsDeliveredRowsAndFails() async throws {
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(4), pageSize: 2, finalStatus: "failed"))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        #expect(await harness.run(["lookalikes", "--query", "x", "-o", path]) == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 5)
        #expect(harness.stderr.lines.suffix(2) == [
            "wrote the 4 rows delivered before the error to \(path)",
            "error: job lk-1 failed: ranker crashed",
        ])
    }
}

@Suite struct TechIntentRunTests {
    @Test func csvFlattensTheIntent() async throws {
        let harness = Harness()
        let status = await harness.run([
            "tech-intent", "--tech", "Snowflake", "--activity", "migrating off Redshift", "--include-vendor", "--format", "csv",
        ])
        #expect(status == 0)
        #expect(harness.api.techIntentRequests == [TechIntentSearchRequest(tech: "Snowflake", activity: "migrating off Redshift", excludeVendor: false)])
        let records = harness.stdout.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 4)
        #expect(records[0] == "company_slug,company_name,post_count,first_posted_at,last_posted_at,enriched,website,linkedin_url,employee_count,"
            + "hq_country_code,funding_stage,intent.activity,intent.reason,intent.qualified_job.title,intent.qualified_job.url,"
            + "intent.qualified_job.created,intent.qualified_job.snippet")
        #expect(records[1] == #"slug-0,Tech 0,1,,2025-06-15T15:06:40Z,true,,,,USA,,migrating,"Says ""moving off Redshift""",Data Engineer 0,https://jobs.example/0,,"#)
        #expect(harness.stderr.lines.first == "submitted tech intent job ti-1 (limit 100)")
    }

    @Test func jsonLinesKeepTheIntentNested() async throws {
        let harness = Harness()
        #expect(await harness.run(["tech-intent", "--tech", "dbt", "--activity", "x"]) == 0)
        let rows = try harness.stdout.lines.map { try JSONCoding.decode(TechIntentResultRow.self, from: Data($0.utf8)) }
        #expect(rows == FakeAPI.sampleTechIntent(3))
    }
}
