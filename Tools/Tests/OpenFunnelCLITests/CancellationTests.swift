import Foundation
import OpenFunnel
@testable import OpenFunnelCLI
import Testing

/// Interrupts, in process: Ctrl-C reaches a session through its context's `Interruption`
/// (`InterruptMonitor` signals it; `SignalTests` send real signals to the real binary), and
/// cancelling the task that runs the command counts as two.
@Suite struct CancellationTests {
    private static let header = "name,domain,linkedin_url,headquarters,match_reason,employee_count"

    @Test func anInterruptWhileWaitingCancelsTheJobAndWritesWhatItDelivered() async {
        // --no-stream: the run waits for the end with nothing written, while 2 pages of 3 are there.
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 3, holdAt: 2))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--no-stream", "--format", "csv"]) }
        #expect(await eventually { harness.api.heldPolls > 0 })
        #expect(harness.stdout.text.isEmpty)
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stdout.lines == [Self.header] + (0..<6).map { Self.csvRecord($0) })
        #expect(harness.stderr.lines.contains(
            "interrupted: cancelling job lk-1 and writing every row it delivered (up to 10 s; Ctrl-C again to stop now)"))
        #expect(harness.stderr.lines.suffix(4) == [
            "status: cancelled 6/100",
            "cancelled job lk-1 after 6 rows",
            "every row the job delivered was written",
            "note: you are billed only for the rows the job delivered",
        ])
    }

    @Test func anInterruptWhileStreamingWritesTheRowsDeliveredWhileTheJobSettles() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.jsonl").path
        // The job goes on for a few polls after the cancel, as a real one does until its next checkpoint.
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 2, holdAt: 1, settlePolls: 3))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "-o", path]) }
        #expect(await eventually { harness.api.heldPolls > 0 && self.temporaryLines(in: directory) == 2 })
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 2)
        #expect(harness.stderr.lines.suffix(4) == [
            "cancelled job lk-1 after 2 rows",
            "wrote 2 rows to \(path)",
            "every row the job delivered was written",
            "note: you are billed only for the rows the job delivered",
        ])
    }

    @Test func aSecondInterruptStopsAtOnceAndSaysHowToFetchTheRest() async {
        // The job never settles after the cancel: only a second interrupt (or the deadline) ends the run.
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 3, holdAt: 2, settlePolls: .max))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--format", "csv", "--base-url", "http://127.0.0.1:8080"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 7 })
        harness.interruption.signal()
        #expect(await eventually { harness.stderr.text.contains("interrupted: cancelling job lk-1") })
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stdout.lines.count == 7)
        #expect(harness.stderr.lines.suffix(4) == [
            "cancelled job lk-1 after 6 rows",
            "stopped by a second interrupt: the rows of job lk-1 after the first 6 were not fetched (the server last reported 6 processed)",
            "note: you are billed only for the rows the job delivered",
            "note: fetch them with: openfunnel rows lk-1 --skip 6 --format csv --base-url http://127.0.0.1:8080",
        ])
    }

    @Test func theDrainDeadlineStopsARunThatWouldWaitTooLong() async {
        let harness = {
            var harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 3, holdAt: 2, settlePolls: .max))
            harness.drainDeadline = .milliseconds(300)
            return harness
        }()
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--no-stream"]) }
        #expect(await eventually { harness.api.heldPolls > 0 })
        let interrupted = ContinuousClock.now
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(ContinuousClock.now - interrupted < .seconds(5))
        #expect(harness.stdout.text.isEmpty)
        #expect(harness.stderr.text.contains("(up to 0.3 s; Ctrl-C again to stop now)\n"))
        #expect(harness.stderr.text.contains("stopped after 0.3 s: the rows of job lk-1 after the first 0 were not fetched"))
        #expect(harness.stderr.lines.last == "note: fetch them with: openfunnel rows lk-1 --format jsonl")
    }

    @Test func cancellingTheTaskStopsAtOnceAndStillCancelsTheJob() async {
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 3, holdAt: 2))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--format", "csv"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 7 })
        run.cancel()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stdout.lines.count == 7)
        #expect(harness.stderr.text.contains("cancelled job lk-1 after 6 rows\n"))
        #expect(harness.stderr.lines.last == "note: fetch them with: openfunnel rows lk-1 --skip 6 --format csv")
    }

    @Test func anInterruptedRowsCommandCancelsTheRunningJob() async {
        let harness = Harness(api: FakeAPI(holdAt: 1))
        let run = Task { await harness.run(["rows", "lk-1"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 2 })
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stderr.text.contains("cancelled job lk-1 after 2 rows\n"))
    }

    @Test func anInterruptedTechIntentRunWritesWhatWasDeliveredAndExplainsTheJobGoesOn() async {
        let harness = Harness(api: FakeAPI(holdAt: 1))
        let run = Task { await harness.run(["tech-intent", "--tech", "dbt", "--activity", "x"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 2 })
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls.isEmpty)
        #expect(harness.stderr.lines.suffix(3) == [
            "interrupted job ti-1 after 2 rows",
            "note: the API cannot cancel tech-intent jobs; the job keeps running on the server",
            "note: fetch the rows it writes from here on with: openfunnel rows ti-1 --kind tech-intent --skip 2 --format jsonl",
        ])
    }

    @Test func aTechIntentRunWaitingForTheEndStillWritesTheDeliveredPages() async {
        let harness = Harness(api: FakeAPI(holdAt: 1))
        let run = Task { await harness.run(["tech-intent", "--tech", "dbt", "--activity", "x", "--no-stream"]) }
        #expect(await eventually { harness.api.heldPolls > 0 })
        harness.interruption.signal()
        #expect(await run.value == 130)
        #expect(harness.stdout.lines.count == 2)
        #expect(harness.stderr.text.contains("interrupted job ti-1 after 2 rows\n"))
    }

    @Test func rowsSkipLeavesOutWhatAnInterruptedRunWrote() async {
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(7), pageSize: 3))
        harness.api.finishLookalikeJob()
        #expect(await harness.run(["rows", "lk-1", "--skip", "4", "--format", "csv"]) == 0)
        #expect(harness.stdout.lines == [Self.header] + (4..<7).map { Self.csvRecord($0) })
        #expect(harness.stderr.lines.last == "job lk-1 completed: 3 rows")
        #expect(await Harness().run(["rows", "lk-1", "--skip", "-1"]) == 64)
    }

    @Test func aWriteErrorCancelsTheJobAndSaysHowToFetchTheRows() async {
        let failing = FailingSink(acceptedWrites: 3)
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 3, holdAt: 3))
        let context = harness.context.with(stdout: failing)
        let status = await OpenFunnelCommand.run(["lookalikes", "--query", "x", "--format", "csv"], context: context)
        #expect(status == 1)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stderr.lines.suffix(3) == [
            "error: cannot write rows to standard output: Broken pipe",
            "cancelled job lk-1 so that it stops spending credits",
            "hint: the rows it delivered stay readable: openfunnel rows lk-1 --format csv",
        ])
    }

    @Test func theCommandThatFetchesTheRest() {
        let base = RowsCommandLine(jobID: "j-1", kind: .lookalike, baseURL: Servers.server1, format: .csv, outputPath: "out/companies.csv")
        #expect(base.text(skipping: 1200) == "openfunnel rows j-1 --skip 1200 -o out/companies.rest.csv")
        #expect(base.text(skipping: 0) == "openfunnel rows j-1 -o out/companies.csv")
        var other = base
        other.outputPath = "my rows.txt"
        other.kind = .techIntent
        other.baseURL = URL(string: "http://127.0.0.1:4000")!
        #expect(other.text(skipping: 5) == "openfunnel rows j-1 --kind tech-intent --skip 5 -o 'my rows.rest.txt' --format csv --base-url http://127.0.0.1:4000")
        other.outputPath = nil
        other.format = .jsonl
        #expect(other.text(skipping: 0) == "openfunnel rows j-1 --kind tech-intent --format jsonl --base-url http://127.0.0.1:4000")
        #expect(RowsCommandLine.quoted("it's") == #"'it'\''s'"#)
    }

    private static func csvRecord(_ index: Int) -> String {
        String(CSVFormatter.record(FakeAPI.sampleLookalikes(index + 1)[index].cells).dropLast())
    }

    /// Lines in the temporary file the rows go to until the run ends.
    private func temporaryLines(in directory: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard let name = names.first(where: { $0.hasSuffix(".tmp") }),
              let text = try? String(contentsOfFile: directory.appendingPathComponent(name).path, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }
}

/// Standard output that breaks after a few writes, as a pipe whose reader went away.
final class FailingSink: ByteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int

    init(acceptedWrites: Int) {
        remaining = acceptedWrites
    }

    func write(_ data: Data) throws {
        try lock.withLock {
            guard remaining > 0 else { throw CLIFailure("Broken pipe") }
            remaining -= 1
        }
    }
}

extension CLIContext {
    func with(stdout: any ByteSink) -> CLIContext {
        var context = self
        context.stdout = stdout
        return context
    }
}
