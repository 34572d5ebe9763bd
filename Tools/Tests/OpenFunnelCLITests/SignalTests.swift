import Foundation
import OpenFunnel
import OpenFunnelCLI
import OpenFunnelFakeServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Real signals to the real `openfunnel` executable, running against the fake server over HTTP:
/// whenever the interrupt comes, every row the server delivered ends up written, and the
/// server's own count agrees. One process at a time: each is a whole CLI, and the suites running
/// beside these have timing of their own.
@Suite(.serialized) struct SignalTests {
    private let key = "signal-key"

    @Test func sigtermWhilePendingCancelsTheJobBeforeItStarts() async throws {
        try await withServer(FakeServerConfiguration(pageInterval: .milliseconds(50), startDelay: .seconds(30))) { server, url, directory in
            let path = directory.appendingPathComponent("out.csv").path
            let cli = try CLIProcess(["lookalikes", "--query", "q", "--limit", "300", "-o", path, "--base-url", url.absoluteString])
            #expect(await eventually(timeout: .seconds(20)) { cli.stderr.text.contains("status: pending\n") })
            cli.send(SIGTERM)
            #expect(await cli.exitStatus() == 130)
            #expect(await server.requestCount(for: .searchLookalikesBulkCancel) == 1)
            let id = try jobID(cli)
            #expect(cli.stderr.text.contains("cancelled job \(id) after 0 rows\n"), "\(cli.stderr.text)")
            #expect(cli.stderr.text.contains("every row the job delivered was written\n"))
            #expect(try records(path).count == 1)  // the header
            let page = try await server.service(apiKey: key).searchLookalikesBulkStatus(jobID: id)
            #expect(page.status == "cancelled")
        }
    }

    @Test func ctrlCWhileRunningWritesEveryRowTheJobProcessed() async throws {
        // 30 pages at 300 ms (the pace of the report this test comes from): 9 s, long enough to
        // still be running when the signal lands on a loaded machine.
        try await withServer(FakeServerConfiguration(pageInterval: .milliseconds(300))) { server, url, directory in
            let path = directory.appendingPathComponent("out.csv").path
            let cli = try CLIProcess(["lookalikes", "--query", "q", "--limit", "3000", "-o", path, "--base-url", url.absoluteString])
            #expect(await eventually(timeout: .seconds(20)) { processed(cli) >= 300 })
            cli.send(SIGINT)
            #expect(await cli.exitStatus() == 130)
            let id = try jobID(cli)
            let page = try await server.service(apiKey: key).searchLookalikesBulkStatus(jobID: id)
            #expect(page.status == "cancelled")
            let written = try records(path).dropFirst()
            #expect(written.count == page.processed, "\(cli.stderr.text)")
            #expect(written.count < 3000)
            #expect(Array(written) == expectedRecords(0..<written.count, query: "q", limit: 3000))
            #expect(cli.stderr.text.contains("cancelled job \(id) after \(written.count) rows\n"))
            #expect(cli.stderr.text.contains("every row the job delivered was written\n"))
        }
    }

    @Test func ctrlCWhileDrainingPagesOfAFinishedJobWritesThemAll() async throws {
        // Completed at once; 100 pages read 8 at a time, each answer 200 ms late: seconds of reading.
        let configuration = FakeServerConfiguration(completesOnSubmit: true, latency: .milliseconds(200))
        try await withServer(configuration) { server, url, directory in
            let path = directory.appendingPathComponent("out.csv").path
            let cli = try CLIProcess(
                ["lookalikes", "--query", "q", "--limit", "10000", "--no-stream", "-o", path, "--base-url", url.absoluteString])
            #expect(await eventually(timeout: .seconds(20)) { cli.stderr.text.contains("status: completed 10000/10000\n") })
            cli.send(SIGINT)
            #expect(await cli.exitStatus() == 130)
            let id = try jobID(cli)
            #expect(cli.stderr.text.contains("interrupted: writing the rest of its rows"), "\(cli.stderr.text)")
            #expect(cli.stderr.text.contains("interrupted after 10000 rows; job \(id) had already completed\n"))
            #expect(await server.requestCount(for: .searchLookalikesBulkCancel) == 0)
            #expect(try records(path).count == 10001)
        }
    }

    @Test func twoCtrlCsStopAtOnceAndTheSuggestedCommandFetchesTheRest() async throws {
        // A cancelled job takes 3 s to settle: the second Ctrl-C comes while the run still waits
        // for it (and, as each answer is 150 ms late, possibly with delivered pages unread).
        let configuration = FakeServerConfiguration(pageInterval: .milliseconds(300), cancelSettleDelay: .seconds(3), latency: .milliseconds(150))
        try await withServer(configuration) { server, url, directory in
            let path = directory.appendingPathComponent("out.csv").path
            let cli = try CLIProcess(["lookalikes", "--query", "q", "--limit", "3000", "-o", path, "--base-url", url.absoluteString])
            #expect(await eventually(timeout: .seconds(20)) { processed(cli) >= 300 })
            cli.send(SIGINT)
            #expect(await eventually { cli.stderr.text.contains("Ctrl-C again to stop now)\n") })
            try await Task.sleep(for: .milliseconds(100))
            let second = ContinuousClock.now
            cli.send(SIGINT)
            #expect(await cli.exitStatus() == 130)
            #expect(ContinuousClock.now - second < .seconds(5))
            let id = try jobID(cli)
            let written = try records(path).dropFirst()
            #expect(cli.stderr.text.contains("stopped by a second interrupt: the rows of job \(id) after the first \(written.count) were not fetched"),
                    "\(cli.stderr.text)")
            let restPath = directory.appendingPathComponent("out.rest.csv").path
            let suggested = "note: fetch them with: openfunnel rows \(id) --skip \(written.count) -o \(restPath) --base-url \(url.absoluteString)"
            #expect(cli.stderr.lines.last == suggested)

            // The command as printed, run as printed.
            let words = suggested.dropFirst("note: fetch them with: openfunnel ".count).split(separator: " ").map(String.init)
            let rest = try CLIProcess(words)
            #expect(await rest.exitStatus() == 0, "\(rest.stderr.text)")
            let page = try await server.service(apiKey: key).searchLookalikesBulkStatus(jobID: id)
            let fetched = try records(restPath).dropFirst()
            #expect(written.count + fetched.count == page.processed)
            #expect(Array(written + fetched) == expectedRecords(0..<(written.count + fetched.count), query: "q", limit: 3000))
        }
    }

    @Test func aClosedPipeIsReportedAndTheJobCancelled() async throws {
        // A slow job (15 s), so that it still runs when the pipe closes however loaded the machine.
        try await withServer(FakeServerConfiguration(pageInterval: .milliseconds(500))) { server, url, _ in
            let cli = try CLIProcess(
                ["lookalikes", "--query", "q", "--limit", "3000", "--format", "csv", "--base-url", url.absoluteString], readsStdout: false)
            try await cli.closeStdoutAfterFirstRead()
            #expect(await cli.exitStatus() == 1)
            let id = try jobID(cli)
            #expect(cli.stderr.text.contains("error: cannot write rows to standard output: Broken pipe\n"), "\(cli.stderr.text)")
            #expect(cli.stderr.text.contains("cancelled job \(id) so that it stops spending credits\n"))
            #expect(await server.requestCount(for: .searchLookalikesBulkCancel) == 1)
        }
    }

    // MARK: - Helpers

    private func withServer(_ configuration: FakeServerConfiguration,
                            _ body: (FakeOpenFunnelServer, URL, URL) async throws -> Void) async throws {
        let server = FakeOpenFunnelServer(configuration: configuration)
        let url = try await server.start()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try await body(server, url, directory)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// The job id from `submitted lookalike job ID (limit N)`.
    private func jobID(_ cli: CLIProcess) throws -> String {
        let line = try #require(cli.stderr.lines.first { $0.hasPrefix("submitted lookalike job ") }, "\(cli.stderr.text)")
        return String(line.split(separator: " ")[3])
    }

    /// The largest count in the `status: running N/LIMIT …` lines so far.
    private func processed(_ cli: CLIProcess) -> Int {
        cli.stderr.lines.compactMap { line -> Int? in
            guard line.hasPrefix("status: running ") else { return nil }
            return line.split(separator: " ").dropFirst(2).first.flatMap { Int($0.split(separator: "/")[0]) }
        }.max() ?? 0
    }

    private func records(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    private func expectedRecords(_ range: Range<Int>, query: String, limit: Int) -> [String] {
        let request = BulkLookalikeSearchRequest(query: query, limit: limit)
        return range.map { String(CSVFormatter.record(FakeCompanies.lookalikeRow($0, for: request).cells).dropLast()) }
    }
}
