import Foundation
import OpenFunnel
import OpenFunnelCLI
import OpenFunnelFakeServer
import OpenFunnelJobs
import Testing

/// The CLI over real HTTP: `OpenFunnelClient` against `FakeOpenFunnelServer` on 127.0.0.1.
@Suite struct EndToEndTests {
    /// A context whose API is the real client, polling fast.
    private func liveContext(stdout: MemorySink, stderr: MemorySink, key: String = "e2e-key") -> CLIContext {
        CLIContext(
            environment: [CLIContext.apiKeyVariable: key],
            makeAPI: { baseURL, apiKey in OpenFunnelClient(baseURL: baseURL, apiKey: apiKey) },
            stdout: stdout, stderr: stderr,
            polling: PollingPolicy(initialInterval: .milliseconds(5), multiplier: 1.5, maxInterval: .milliseconds(20)))
    }

    private func withServer(_ configuration: FakeServerConfiguration = FakeServerConfiguration(pageInterval: .milliseconds(5)),
                            _ body: (FakeOpenFunnelServer, URL) async throws -> Void) async throws {
        let server = FakeOpenFunnelServer(configuration: configuration)
        let url = try await server.start()
        do {
            try await body(server, url)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func lookalikesToACSVFile() async throws {
        try await withServer { server, url in
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("companies.csv").path
            let (stdout, stderr) = (MemorySink(), MemorySink())
            let status = await OpenFunnelCommand.run(
                ["lookalikes", "--query", "voice AI in healthcare", "--limit", "250", "--base-url", url.absoluteString, "-o", path],
                context: liveContext(stdout: stdout, stderr: stderr))
            #expect(status == 0, "\(stderr.text)")
            let records = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(records.count == 251)
            let request = BulkLookalikeSearchRequest(query: "voice AI in healthcare", limit: 250)
            #expect(records[1] == String(CSVFormatter.record(FakeCompanies.lookalikeRow(0, for: request).cells).dropLast()))
            #expect(records[250] == String(CSVFormatter.record(FakeCompanies.lookalikeRow(249, for: request).cells).dropLast()))
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 1)
            #expect(stderr.lines.last?.hasSuffix("completed: 250 rows written to \(path)") == true)
        }
    }

    @Test func streamedJSONLinesInOrder() async throws {
        try await withServer { _, url in
            let (stdout, stderr) = (MemorySink(), MemorySink())
            let status = await OpenFunnelCommand.run(
                ["lookalikes", "--seed-domain", "acme.example", "--limit", "320", "--stream", "--base-url", url.absoluteString],
                context: liveContext(stdout: stdout, stderr: stderr))
            #expect(status == 0, "\(stderr.text)")
            let request = BulkLookalikeSearchRequest(seedDomains: ["acme.example"], limit: 320)
            let rows = try stdout.lines.map { try JSONCoding.decode(BulkLookalikeResultRow.self, from: Data($0.utf8)) }
            #expect(rows == (0..<320).map { FakeCompanies.lookalikeRow($0, for: request) })
        }
    }

    @Test func interruptingCancelsTheJobAndWritesEveryRowItDelivered() async throws {
        // 50 pages at 200 ms: the job still runs when the interrupt comes, however loaded the machine.
        try await withServer(FakeServerConfiguration(pageInterval: .milliseconds(200))) { server, url in
            let (stdout, stderr) = (MemorySink(), MemorySink())
            var context = liveContext(stdout: stdout, stderr: stderr)
            let interruption = Interruption()
            context.interruption = interruption
            let run = Task {
                await OpenFunnelCommand.run(
                    ["lookalikes", "--query", "x", "--limit", "5000", "--format", "csv", "--base-url", url.absoluteString],
                    context: context)
            }
            #expect(await eventually { stdout.lines.count > 200 })
            interruption.signal()
            #expect(await run.value == 130)
            #expect(await server.requestCount(for: .searchLookalikesBulkCancel) == 1)
            let written = stdout.lines.count - 1
            #expect(stderr.text.contains("cancelled job "))
            #expect(stderr.text.contains(" after \(written) rows\n"))
            #expect(stderr.text.contains("every row the job delivered was written\n"))
            // The server agrees: the job is cancelled, and every row it processed was written.
            let id = try #require(stderr.lines.first?.split(separator: " ").dropFirst(3).first.map(String.init))
            let page = try await server.service(apiKey: "e2e-key").searchLookalikesBulkStatus(jobID: id)
            #expect(page.status == "cancelled")
            #expect(page.processed == written)
            #expect(written >= 200 && written < 5000)
        }
    }

    @Test func anUnavailableServiceAfterRetries() async throws {
        try await withServer { server, url in
            await server.inject(.serviceUnavailable(retryAfter: .seconds(0)), times: 10, into: .searchLookalikesBulk)
            let (stdout, stderr) = (MemorySink(), MemorySink())
            let status = await OpenFunnelCommand.run(
                ["lookalikes", "--query", "x", "--base-url", url.absoluteString], context: liveContext(stdout: stdout, stderr: stderr))
            #expect(status == 1)
            #expect(stderr.lines.first == "error: searchLookalikesBulk: HTTP 503: \(FakeFault.unavailableDetail)")
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 4)  // the runtime's retries
            #expect(stdout.text.isEmpty)
        }
    }

    @Test func aRefusedKey() async throws {
        try await withServer(FakeServerConfiguration(apiKeys: ["good"], pageInterval: .milliseconds(5))) { _, url in
            let (stdout, stderr) = (MemorySink(), MemorySink())
            let status = await OpenFunnelCommand.run(
                ["status", "whatever", "--base-url", url.absoluteString], context: liveContext(stdout: stdout, stderr: stderr, key: "bad"))
            #expect(status == 1)
            #expect(stderr.lines.first?.hasPrefix("error: searchLookalikesBulkStatus: HTTP 401") == true)
            #expect(stderr.lines.last == "hint: the API refused the key; check OPENFUNNEL_API_KEY")
            #expect(!stderr.text.contains("bad"))
        }
    }

    @Test func nothingListening() async throws {
        let (stdout, stderr) = (MemorySink(), MemorySink())
        let status = await OpenFunnelCommand.run(
            ["status", "j", "--base-url", "http://127.0.0.1:9"], context: liveContext(stdout: stdout, stderr: stderr))
        #expect(status == 1)
        #expect(stderr.lines.first?.hasPrefix("error: searchLookalikesBulkStatus failed: ") == true)
        #expect(stderr.lines.last == "hint: check --base-url and the network connection")
    }

    @Test func techIntentThenStatusAndRows() async throws {
        try await withServer { _, url in
            let (stdout, stderr) = (MemorySink(), MemorySink())
            let base = ["--base-url", url.absoluteString]
            let status = await OpenFunnelCommand.run(
                ["tech-intent", "--tech", "Snowflake", "--activity", "migrating off Redshift", "--limit", "30", "--format", "csv"] + base,
                context: liveContext(stdout: stdout, stderr: stderr))
            #expect(status == 0, "\(stderr.text)")
            let records = stdout.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(records.count == 31)
            #expect(records[0].hasSuffix("intent.activity,intent.reason,intent.qualified_job.title,intent.qualified_job.url,intent.qualified_job.created,intent.qualified_job.snippet"))
            let id = try #require(stderr.lines.first?.split(separator: " ").dropFirst(4).first.map(String.init))

            let (statusOut, statusErr) = (MemorySink(), MemorySink())
            #expect(await OpenFunnelCommand.run(["status", id, "--kind", "tech-intent"] + base,
                                                context: liveContext(stdout: statusOut, stderr: statusErr)) == 0)
            #expect(statusOut.text.contains("status:                        completed\n"))
            #expect(statusOut.text.contains("tech:                          Snowflake\n"))

            let (rowsOut, rowsErr) = (MemorySink(), MemorySink())
            #expect(await OpenFunnelCommand.run(["rows", id, "--kind", "tech-intent", "--format", "csv"] + base,
                                                context: liveContext(stdout: rowsOut, stderr: rowsErr)) == 0)
            #expect(rowsOut.text == stdout.text)

            let (cancelOut, cancelErr) = (MemorySink(), MemorySink())
            #expect(await OpenFunnelCommand.run(["cancel", id, "--kind", "tech-intent"] + base,
                                                context: liveContext(stdout: cancelOut, stderr: cancelErr)) == 1)
        }
    }
}
