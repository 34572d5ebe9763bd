import Foundation
import OpenFunnel
import OpenFunnelJobs

/// An in-memory OpenFunnel: a lookalike job whose pages appear one per poll of the first page,
/// written as the generated protocol sees it. Counts calls so tests can assert on traffic.
final class ScriptedAPI: OpenFunnelAPI, @unchecked Sendable {
    struct Job {
        var rows: [BulkLookalikeResultRow]
        var pageSize: Int
        var status: String
        var pagesWritten: Int
        /// Polls (of any page) before each further page is written: the job advances with traffic,
    /// standing in for time.
        var pollsPerPage: Int
        var polls = 0
        var failAfterPages: Int?
    }

    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    private(set) var statusCalls: [String?] = []
    private(set) var cancelCalls = 0
    private var submitCount = 0
    var submitCalls: Int { lock.withLock { submitCount } }
    /// Page names to return instead of the real ones, to test cursor handling.
    var cursorOverride: ((_ page: Int) -> String?)?

    func addJob(id: String, rowCount: Int, pageSize: Int = 100, pollsPerPage: Int = 1, failAfterPages: Int? = nil, finished: Bool = false) {
        let rows = (0..<rowCount).map { BulkLookalikeResultRow(name: "Company \($0)", domain: "c\($0).example") }
        let pages = (rowCount + pageSize - 1) / pageSize
        lock.withLock {
            jobs[id] = Job(rows: rows, pageSize: pageSize, status: finished ? "completed" : "pending",
                           pagesWritten: finished ? pages : 0, pollsPerPage: pollsPerPage, failAfterPages: failAfterPages)
        }
    }

    var calls: Int { lock.withLock { statusCalls.count } }

    /// `Retry-After` values the next lookalike submits are answered 429 with ("" for none).
    var rateLimitAnswers: [String] = []

    func searchLookalikesBulk(_ input: Operations.SearchLookalikesBulk.Input) async throws -> Operations.SearchLookalikesBulk.Output {
        let answer: String? = lock.withLock {
            submitCount += 1
            return rateLimitAnswers.isEmpty ? nil : rateLimitAnswers.removeFirst()
        }
        if let answer { return .tooManyRequests(headers: .init(retryAfter: answer.isEmpty ? nil : answer)) }
        addJob(id: "job-1", rowCount: input.body.limit ?? 100)
        return .ok(BulkLookalikeSubmitResponse(jobID: "job-1", message: "poll it", requestedTopK: input.body.limit ?? 100))
    }

    func searchLookalikesBulkStatus(_ input: Operations.SearchLookalikesBulkStatus.Input) async throws -> Operations.SearchLookalikesBulkStatus.Output {
        lock.withLock {
            statusCalls.append(input.cursor)
            guard var job = jobs[input.jobID] else { return .notFound() }
            let totalPages = max(1, (job.rows.count + job.pageSize - 1) / job.pageSize)
            if !["completed", "failed", "cancelled"].contains(job.status) {
                job.polls += 1
                job.status = "running"
                if job.polls % job.pollsPerPage == 0 { job.pagesWritten = min(totalPages, job.pagesWritten + 1) }
                if let failAt = job.failAfterPages, job.pagesWritten >= failAt {
                    job.status = "failed"
                } else if job.pagesWritten == totalPages {
                    job.status = "completed"
                }
            }
            jobs[input.jobID] = job
            let index = input.cursor.map { Int($0.dropFirst(5)) ?? -1 } ?? 0
            guard index >= 0, index < max(1, job.pagesWritten) else { return .unprocessableContent(HTTPValidationError()) }
            let rows = Array(job.rows[min(job.rows.count, index * job.pageSize)..<min(job.rows.count, (index + 1) * job.pageSize)])
            let written = index < job.pagesWritten ? rows : []
            let hasNext = index + 1 < job.pagesWritten
            let name = cursorOverride?(index) ?? String(format: "page_%04d", index)
            let next = hasNext ? (cursorOverride?(index + 1) ?? String(format: "page_%04d", index + 1)) : nil
            let finished = ["completed", "failed", "cancelled"].contains(job.status)
            let manifest = finished ? BulkLookalikeManifest(count: job.status == "completed" ? job.rows.count : nil,
                                                           pages: job.pagesWritten, pageSize: job.pageSize,
                                                           partial: job.status != "completed") : nil
            return .ok(BulkLookalikeJobResponse(
                jobID: input.jobID, status: job.status, manifest: manifest, errorMessage: job.status == "failed" ? "ranker crashed" : nil,
                rows: written, page: name, nextCursor: next, count: written.count,
                processed: min(job.rows.count, job.pagesWritten * job.pageSize), progressMessage: "qualifying_companies"))
        }
    }

    func searchLookalikesBulkCancel(_ input: Operations.SearchLookalikesBulkCancel.Input) async throws -> Operations.SearchLookalikesBulkCancel.Output {
        lock.withLock {
            cancelCalls += 1
            guard var job = jobs[input.jobID] else { return .notFound() }
            if ["completed", "failed", "cancelled"].contains(job.status) { return .conflict() }
            job.status = "cancelled"
            jobs[input.jobID] = job
            return .ok(BulkLookalikeCancelResponse(jobID: input.jobID, status: "cancelling", message: "poll for the final state"))
        }
    }

    func techIntentSearchSubmit(_ input: Operations.TechIntentSearchSubmit.Input) async throws -> Operations.TechIntentSearchSubmit.Output {
        .serviceUnavailable(ServiceUnavailableResponse(detail: "not scripted"))
    }

    func techIntentSearchStatus(_ input: Operations.TechIntentSearchStatus.Input) async throws -> Operations.TechIntentSearchStatus.Output {
        .notFound()
    }
}

/// A polling policy that never really sleeps, recording the pauses it was asked for.
func instantPolling(deadline: Duration? = .seconds(3600), slept: SleepLog = SleepLog()) -> PollingPolicy {
    let clock = slept
    return PollingPolicy(deadline: deadline, sleep: { clock.add($0) }, now: { clock.now })
}

final class SleepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var pauses: [Duration] = []
    private let origin = ContinuousClock.now

    func add(_ d: Duration) { lock.withLock { pauses.append(d) } }
    var all: [Duration] { lock.withLock { pauses } }
    /// Time as the job sees it: the origin plus every pause taken.
    var now: ContinuousClock.Instant { lock.withLock { origin + pauses.reduce(.zero, +) } }
}
