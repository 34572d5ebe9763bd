import OpenFunnel

/// A submitted search job: poll it, wait for it, read its rows, cancel it.
public struct SearchJob<Kind: SearchJobKind>: Sendable {
    public typealias Page = JobPage<Kind.Row, Kind.Manifest>

    public let jobID: String
    /// The limit the server accepted at submit time, for progress; nil when attached by id.
    public let limit: Int?
    public let api: any OpenFunnelAPI
    public var polling: PollingPolicy
    /// How many pages `rows()` fetches at once when the manifest gives the page count.
    public var pageConcurrency: Int

    public init(jobID: String, limit: Int? = nil, api: any OpenFunnelAPI, polling: PollingPolicy = PollingPolicy(), pageConcurrency: Int = 8) {
        self.jobID = jobID
        self.limit = limit
        self.api = api
        self.polling = polling
        self.pageConcurrency = max(1, pageConcurrency)
    }

    /// One poll of the job: status, progress, and the page at `cursor` (the first when nil).
    public func poll(cursor: String? = nil) async throws -> Page {
        try await Kind.poll(jobID: jobID, cursor: cursor, using: api)
    }

    /// Polls until the job is completed, failed or cancelled, and returns that poll (which
    /// carries the first page). Completion is decided by `status`, never by `next_cursor`.
    /// Throws ``JobError/deadlineExceeded(jobID:lastStatus:)`` when the policy's deadline passes,
    /// and `CancellationError` promptly when the task is cancelled.
    public func wait(progress: (@Sendable (JobProgress) -> Void)? = nil) async throws -> Page {
        let start = polling.now()
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let page = try await poll()
            progress?(JobProgress(jobID: jobID, status: page.status, processed: page.processed, limit: limit, message: page.progressMessage))
            if page.status.isTerminal { return page }
            if let deadline = polling.deadline, polling.now() - start >= deadline {
                throw JobError.deadlineExceeded(jobID: jobID, lastStatus: page.status)
            }
            try await polling.sleep(polling.interval(after: attempt))
            attempt += 1
        }
    }

    /// Asks the server to stop the job. It moves to `cancelling` and settles to `cancelled`; rows
    /// delivered before that stay readable (`manifest.partial` is true) and are the only ones billed.
    /// Throws ``JobError/alreadyFinished(jobID:)`` (HTTP 409) or ``JobError/notFound(jobID:)`` (404).
    @discardableResult
    public func cancel() async throws -> JobStatus {
        try await Kind.cancel(jobID: jobID, using: api)
    }

    /// Every row of the job, in order.
    ///
    /// By default waits for the job to finish, then reads every page; when the manifest gives the
    /// page count, pages are fetched `pageConcurrency` at a time and still yielded in order. With
    /// `streaming`, rows are yielded as pages are written while the job runs, re-polling while
    /// `next_cursor` is null and the job isn't finished. A job that ends `failed` yields the rows it
    /// delivered and then throws ``JobError/failed(jobID:message:)``; a cancelled job yields its
    /// delivered rows and ends normally. A cursor that repeats throws
    /// ``JobError/repeatedCursor(jobID:cursor:)`` instead of looping.
    public func rows(streaming: Bool = false, progress: (@Sendable (JobProgress) -> Void)? = nil) -> AsyncThrowingStream<Kind.Row, any Error> {
        let job = self
        return AsyncThrowingStream { continuation in
            let producer = Task {
                do {
                    let sink = RowSink(continuation: continuation)
                    let last = streaming
                        ? try await job.streamWhileRunning(into: sink, progress: progress)
                        : try await job.readCompleted(into: sink, progress: progress)
                    if last.status == .failed {
                        throw JobError.failed(jobID: job.jobID, message: last.errorMessage)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in producer.cancel() }
        }
    }
}

/// Where pages' rows go; a struct so the reading code doesn't capture the continuation's type.
struct RowSink<Row: Sendable>: Sendable {
    let continuation: AsyncThrowingStream<Row, any Error>.Continuation

    func yield(_ rows: [Row]) throws {
        for row in rows {
            if case .terminated = continuation.yield(row) { throw CancellationError() }
        }
    }
}
