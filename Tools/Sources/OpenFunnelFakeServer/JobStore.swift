import Foundation
import OpenFunnel

/// Every job the fake knows, by id: created by submits, looked up by polls, cancelled by
/// cancels. An actor because FlyingFox handles connections concurrently.
actor JobStore {
    /// What a cancel request found.
    enum CancelOutcome: Sendable {
        case accepted
        case notFound
        case alreadyFinished(JobPhase.Status)
    }

    private let configuration: FakeServerConfiguration
    private var jobs: [String: FakeJob] = [:]

    init(configuration: FakeServerConfiguration) {
        self.configuration = configuration
    }

    /// How many jobs have been submitted, by any key.
    var count: Int { jobs.count }

    /// Starts a job for `owner` and returns it.
    func submit(_ request: FakeJob.Request, owner: String) -> FakeJob {
        let limit: Int
        switch request {
        // Absent means the spec's default, 100 for both.
        case .lookalike(let body): limit = body.limit ?? 100
        case .techIntent(let body): limit = body.limit ?? 100
        }
        let totalRows = max(0, min(limit, configuration.maxResults ?? limit))
        let pageSize = configuration.pageSize
        let job = FakeJob(
            id: UUID().uuidString.lowercased(),
            owner: owner,
            request: request,
            totalRows: totalRows,
            pageSize: pageSize,
            timeline: JobTimeline(
                submittedAt: configuration.now(),
                totalPages: (totalRows + pageSize - 1) / pageSize,
                startDelay: configuration.startDelay,
                pageInterval: configuration.pageInterval,
                cancelSettleDelay: configuration.cancelSettleDelay,
                completesOnSubmit: configuration.completesOnSubmit,
                failAfterPages: configuration.failAfterPages))
        jobs[job.id] = job
        return job
    }

    /// The job `id` of `kind` as `owner` may see it, with where it stands now; nil when there
    /// is no such job for that key.
    func lookup(_ id: String, kind: FakeJob.Kind, owner: String) -> (job: FakeJob, phase: JobPhase)? {
        guard let job = jobs[id], job.owner == owner, job.kind == kind else { return nil }
        return (job, job.timeline.phase(at: configuration.now()))
    }

    /// Asks lookalike job `id` to stop, freezing the pages it has written.
    func cancel(_ id: String, owner: String) -> CancelOutcome {
        guard var job = jobs[id], job.owner == owner, job.kind == .lookalike else { return .notFound }
        let now = configuration.now()
        let phase = job.timeline.phase(at: now)
        switch phase.status {
        case .completed, .failed, .cancelled:
            return .alreadyFinished(phase.status)
        case .cancelling:
            // Asked twice: the first request already did it; answering the same again is what
            // a client retrying a cancel needs.
            return .accepted
        case .pending, .running:
            job.timeline.cancellation = JobTimeline.Cancellation(
                requestedAt: now, pagesWritten: phase.pagesWritten, stage: phase.stage)
            jobs[id] = job
            return .accepted
        }
    }
}
