import Foundation
import OpenFunnel
import OpenFunnelJobs
import Testing

@Suite struct SearchJobTests {
    @Test func waitPollsUntilCompletedAndReportsProgress() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 350, pageSize: 100, pollsPerPage: 2)
        let log = SleepLog()
        let job = SearchJob<LookalikeSearch>(jobID: "j", limit: 350, api: api, polling: instantPolling(slept: log))
        let seen = ProgressLog()
        let page = try await job.wait { seen.add($0) }
        #expect(page.status == .completed)
        #expect(page.manifest?.pages == 4)
        #expect(api.calls == 8)
        #expect(seen.all.last?.processed == 350)
        #expect(seen.all.first?.fraction == 0)
        // Backoff: 0.5 s, then ×1.5 each time.
        #expect(log.all.prefix(3) == [.milliseconds(500), .milliseconds(750), .milliseconds(1125)])
    }

    @Test func aRateLimitedSubmitWaitsTheRetryAfterOnceThenSubmitsAgain() async throws {
        let api = ScriptedAPI()
        api.rateLimitAnswers = ["7"]
        let log = SleepLog()
        var jobs = SearchJobs(api: api, polling: instantPolling(slept: log))
        let told = SleepLog()
        jobs.onRateLimit = { told.add($0) }
        let job = try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "q", limit: 10))
        #expect(job.jobID == "job-1")
        #expect(told.all == [.seconds(7)])
        #expect(log.all == [.seconds(7)])
    }

    @Test func aRateLimitThatHoldsOrGivesNoWaitIsThrownWithTheWait() async throws {
        let api = ScriptedAPI()
        api.rateLimitAnswers = ["3", "4"]
        let jobs = SearchJobs(api: api, polling: instantPolling())
        await #expect(throws: JobError.rateLimited(retryAfter: .seconds(4))) {
            try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "q", limit: 10))
        }
        api.rateLimitAnswers = [""]
        await #expect(throws: JobError.rateLimited(retryAfter: nil)) {
            try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "q", limit: 10))
        }
        api.rateLimitAnswers = ["3600"]
        await #expect(throws: JobError.rateLimited(retryAfter: .seconds(3600))) {
            try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "q", limit: 10))
        }
    }

    @Test func rowsReadsEveryPageInOrderConcurrently() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 1_050, pageSize: 100, finished: true)
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling(), pageConcurrency: 4)
        var names: [String] = []
        for try await row in job.rows() { names.append(row.name ?? "") }
        #expect(names == (0..<1_050).map { "Company \($0)" })
        // One poll for the first page, then each other page exactly once.
        #expect(api.calls == 11)
    }

    @Test func unexpectedPageNamesFallBackToFollowingCursors() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 300, pageSize: 100, finished: true)
        api.cursorOverride = { index in ["page_0000", "page_0001", "page_0002"][index] }
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling())
        var count = 0
        for try await _ in job.rows() { count += 1 }
        #expect(count == 300)
    }

    @Test func streamingYieldsRowsWhileTheJobRuns() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 250, pageSize: 100, pollsPerPage: 1)
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling())
        var names: [String] = []
        for try await row in job.rows(streaming: true) { names.append(row.name ?? "") }
        #expect(names == (0..<250).map { "Company \($0)" })
    }

    @Test func aRepeatedCursorIsAnErrorNotALoop() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 400, pageSize: 100, finished: true)
        // Page 2 claims page 1 comes next.
        api.cursorOverride = { index in index == 3 ? "page_0001" : String(format: "page_%04d", index) }
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling(), pageConcurrency: 1)
        await #expect(throws: JobError.repeatedCursor(jobID: "j", cursor: "page_0001")) {
            for try await _ in job.rows() {}
        }
    }

    @Test func aFailedJobYieldsItsRowsThenThrows() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 500, pageSize: 100, pollsPerPage: 1, failAfterPages: 2)
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling())
        var count = 0
        await #expect(throws: JobError.failed(jobID: "j", message: "ranker crashed")) {
            for try await _ in job.rows() { count += 1 }
        }
        #expect(count == 200)
    }

    @Test func cancelMapsConflictAndNotFound() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "running", rowCount: 500)
        api.addJob(id: "done", rowCount: 100, finished: true)
        #expect(try await SearchJob<LookalikeSearch>(jobID: "running", api: api).cancel() == .cancelling)
        await #expect(throws: JobError.alreadyFinished(jobID: "done")) {
            try await SearchJob<LookalikeSearch>(jobID: "done", api: api).cancel()
        }
        await #expect(throws: JobError.notFound(jobID: "nope")) {
            try await SearchJob<LookalikeSearch>(jobID: "nope", api: api).cancel()
        }
        await #expect(throws: JobError.cancelUnsupported(kind: "tech intent")) {
            try await SearchJob<TechIntentSearch>(jobID: "t", api: api).cancel()
        }
    }

    @Test func waitGivesUpAtTheDeadline() async throws {
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 10_000, pageSize: 100, pollsPerPage: 1_000)
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling(deadline: .seconds(30)))
        await #expect(throws: JobError.deadlineExceeded(jobID: "j", lastStatus: .running)) {
            _ = try await job.wait()
        }
    }

    @Test func completionIsDecidedByStatusNotByCursor() async throws {
        // A running job with no next cursor yet is not finished: wait keeps polling.
        let api = ScriptedAPI()
        api.addJob(id: "j", rowCount: 100, pageSize: 100, pollsPerPage: 3)
        let job = SearchJob<LookalikeSearch>(jobID: "j", api: api, polling: instantPolling())
        let page = try await job.wait()
        #expect(page.status == .completed)
        #expect(api.calls == 3)
    }

    @Test func pageNamesAreDerivedOnlyWhenConsistent() {
        #expect(PageNamesProbe.derive(first: "page_0000", next: "page_0001") == ["page_0000", "page_0001", "page_0012"])
        #expect(PageNamesProbe.derive(first: "p0", next: "page_0001") == nil)
        #expect(PageNamesProbe.derive(first: "page_0000", next: "page_0002") == nil)
    }
}

final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [JobProgress] = []
    func add(_ p: JobProgress) { lock.withLock { items.append(p) } }
    var all: [JobProgress] { lock.withLock { items } }
}

@Suite struct SubmitValidationTests {
    @Test func invalidRequestsAreRefusedBeforeTheAPIIsCalled() async throws {
        let api = ScriptedAPI()
        let jobs = SearchJobs(api: api, polling: instantPolling())
        let request = BulkLookalikeSearchRequest(query: "", seedDomains: Array(repeating: "a.com", count: 11), limit: 0)
        let error = try await #require(throws: ClientError.self) { try await jobs.submitLookalikes(request) }
        guard case .invalidInput(_, let failure) = error else { Issue.record("expected invalidInput, got \(error)"); return }
        #expect(failure.issues.map(\.description) == [
            "query: 0 characters, at least 1 required",
            "seed_domains: 11 items, at most 10 allowed",
            "limit: 0 is less than the minimum 1",
        ])
        #expect(api.submitCalls == 0)
        // And a valid one goes through.
        _ = try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "voice AI", limit: 5))
        #expect(api.submitCalls == 1)
    }
}
