import Foundation
import OpenFunnel
import OpenFunnelCLI
import Testing

/// Ctrl-C arrives as cancellation of the task running the command (`InterruptMonitor` cancels
/// it); these tests cancel that task directly.
@Suite struct CancellationTests {
    @Test func anInterruptedLookalikeRunCancelsTheJobAndKeepsItsRows() async throws {
        // Two pages of 3 are delivered, then the job hangs as a long one would.
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 3, holdAt: 2))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--stream", "--format", "csv"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 7 })
        run.cancel()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        let records = harness.stdout.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 7)
        #expect(records.last?.hasPrefix("Company 5,") == true)
        #expect(harness.stderr.text.contains("cancelled job lk-1 after 6 rows\n"))
        #expect(harness.stderr.text.contains("openfunnel rows lk-1\n"))
    }

    @Test func theOutputFileIsWrittenWhenInterrupted() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.jsonl").path
        let harness = Harness(api: FakeAPI(lookalikeRows: FakeAPI.sampleLookalikes(12), pageSize: 2, holdAt: 1))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--stream", "-o", path]) }
        // The rows go to a temporary file next to the destination until the run ends.
        let temporaryLines = {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            guard let name = names.first(where: { $0.hasSuffix(".tmp") }),
                  let text = try? String(contentsOfFile: directory.appendingPathComponent(name).path, encoding: .utf8) else { return 0 }
            return text.split(separator: "\n").count
        }
        #expect(await eventually { harness.api.heldPolls > 0 && temporaryLines() == 2 })
        run.cancel()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 2)
        #expect(harness.stderr.lines.suffix(3) == [
            "cancelled job lk-1 after 2 rows",
            "wrote 2 rows to \(path)",
            "note: you are billed only for the rows the job delivered; read them all with: openfunnel rows lk-1",
        ])
    }

    @Test func anInterruptWhileWaitingCancelsTheJob() async {
        // Not streaming: the run is waiting for the job to finish, nothing written yet.
        let harness = Harness(api: FakeAPI(holdAt: 1))
        let run = Task { await harness.run(["lookalikes", "--query", "x", "--format", "csv"]) }
        #expect(await eventually { harness.api.heldPolls > 0 })
        run.cancel()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stdout.lines == ["name,domain,linkedin_url,headquarters,match_reason,employee_count"])
        #expect(harness.stderr.text.contains("cancelled job lk-1 after 0 rows\n"))
    }

    @Test func anInterruptedRowsCommandCancelsTheRunningJob() async {
        let harness = Harness(api: FakeAPI(holdAt: 1))
        let run = Task { await harness.run(["rows", "lk-1", "--stream"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 2 })
        run.cancel()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stderr.text.contains("cancelled job lk-1 after 2 rows\n"))
    }

    @Test func anInterruptedTechIntentRunExplainsTheJobGoesOn() async {
        let harness = Harness(api: FakeAPI(holdAt: 1))
        let run = Task { await harness.run(["tech-intent", "--tech", "dbt", "--activity", "x", "--stream"]) }
        #expect(await eventually { harness.api.heldPolls > 0 && harness.stdout.lines.count == 2 })
        run.cancel()
        #expect(await run.value == 130)
        #expect(harness.api.cancelCalls.isEmpty)
        #expect(harness.stderr.lines.suffix(3) == [
            "interrupted job ti-1 after 2 rows",
            "note: the API cannot cancel tech-intent jobs; the job keeps running on the server",
            "note: read its rows later with: openfunnel rows ti-1 --kind tech-intent",
        ])
    }
}
