import Foundation
import OpenFunnel
import OpenFunnelCLI
import Testing

@Suite struct JobCommandTests {
    @Test func statusOfARunningJob() async {
        let harness = Harness()
        #expect(await harness.run(["status", "lk-1"]) == 0)
        #expect(harness.stdout.lines == [
            "job_id:           lk-1",
            "kind:             lookalike",
            "status:           running",
            "processed:        2",
            "progress_message: qualifying_companies",
        ])
        #expect(harness.api.statusCalls == ["lk-1@-"])
    }

    @Test func statusOfAFinishedJobShowsItsManifest() async {
        let harness = Harness()
        harness.api.finishLookalikeJob()
        #expect(await harness.run(["status", "lk-1"]) == 0)
        let text = harness.stdout.text
        #expect(text.contains("status:           completed\n"))
        #expect(text.contains("credits_consumed: 5\n"))
        #expect(text.contains("partial:          false\n"))
    }

    @Test func statusOfATechIntentJob() async {
        let harness = Harness()
        #expect(await harness.run(["status", "ti-1", "--kind", "tech-intent"]) == 0)
        #expect(harness.stdout.lines.prefix(3) == ["job_id: ti-1", "kind:   tech-intent", "status: running"])
    }

    @Test func anUnknownJobSaysWhatToCheck() async {
        let harness = Harness()
        #expect(await harness.run(["status", "nope"]) == 1)
        #expect(harness.stderr.lines == [
            "error: job nope was not found for this API key",
            "hint: check the job id, the --kind (lookalike or tech-intent), and that OPENFUNNEL_API_KEY is the key that submitted it",
        ])
    }

    @Test func rowsOfAFinishedJob() async throws {
        let harness = Harness()
        harness.api.finishLookalikeJob()
        #expect(await harness.run(["rows", "lk-1", "--format", "csv"]) == 0)
        #expect(harness.stdout.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 6)
        #expect(harness.api.lookalikeRequests.isEmpty)
        #expect(harness.stderr.lines == ["status: completed 5", "job lk-1 completed: 5 rows"])
    }

    @Test func rowsOfATechIntentJobWhileItRuns() async throws {
        let harness = Harness()
        #expect(await harness.run(["rows", "ti-1", "--kind", "tech-intent", "--stream"]) == 0)
        #expect(harness.stdout.lines.count == 3)
        #expect(harness.api.techIntentRequests.isEmpty)
    }

    @Test func cancelALookalikeJob() async {
        let harness = Harness()
        #expect(await harness.run(["cancel", "lk-1"]) == 0)
        #expect(harness.api.cancelCalls == ["lk-1"])
        #expect(harness.stdout.lines == ["job lk-1: cancelling"])
        #expect(harness.stderr.text.contains("openfunnel rows lk-1"))
    }

    @Test func cancellingAFinishedJob() async {
        let harness = Harness()
        harness.api.finishLookalikeJob()
        #expect(await harness.run(["cancel", "lk-1"]) == 1)
        #expect(harness.stderr.lines == ["error: job lk-1 has already finished and cannot be cancelled"])
    }

    @Test func techIntentJobsCannotBeCancelled() async {
        let harness = Harness()
        #expect(await harness.run(["cancel", "ti-1", "--kind", "tech-intent"]) == 1)
        #expect(harness.stderr.lines == [
            "error: the OpenFunnel API has no cancel operation for tech-intent jobs; job ti-1 runs until it completes",
            "hint: see where it is with: openfunnel status ti-1 --kind tech-intent",
        ])
        #expect(harness.api.totalCalls == 0)
    }

    @Test func theRootWithoutASubcommandPrintsHelp() async {
        let harness = Harness()
        #expect(await harness.run([]) == 0)
        #expect(harness.stdout.text.contains("SUBCOMMANDS:"))
        #expect(await harness.run(["--help"]) == 0)
        #expect(await harness.run(["lookalikes", "--bogus"]) == 64)
        #expect(harness.stderr.text.contains("Unknown option '--bogus'"))
    }
}
