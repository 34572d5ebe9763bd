/// Where a job stands at a given time: the wire status, the pages written and the stage label.
struct JobPhase: Sendable, Hashable {
    enum Status: String, Sendable {
        case pending, running, cancelling, cancelled, completed, failed

        /// Completed, failed or cancelled: nothing will change any more, so cancel answers 409.
        var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
    }

    var status: Status
    /// Pages written so far; they stay readable whatever happens to the job later.
    var pagesWritten: Int
    /// The coarse stage label (`progress_message`); nil while pending.
    var stage: String?
}

/// A job's life as a function of time, so that nothing runs in the background: each request
/// works out where the job stands from the clock. That keeps the fake deterministic (a manual
/// clock gives the same answers every run) and leaves no timers to cancel when it stops.
///
/// Uncancelled, a job is `pending` for `startDelay`, then `running`: one `pageInterval`
/// retrieving, one per page written (`qualifying_companies`), one reranking after the last
/// page, then `completed`. A cancel freezes the pages written at that moment; the job is
/// `cancelling` for `cancelSettleDelay`, then `cancelled`.
struct JobTimeline: Sendable {
    /// The moment the cancel was accepted and the pages written by then.
    struct Cancellation: Sendable {
        var requestedAt: ContinuousClock.Instant
        var pagesWritten: Int
        var stage: String?
    }

    var submittedAt: ContinuousClock.Instant
    var totalPages: Int
    var startDelay: Duration
    var pageInterval: Duration
    var cancelSettleDelay: Duration
    var completesOnSubmit: Bool
    var failAfterPages: Int?
    var cancellation: Cancellation?

    func phase(at now: ContinuousClock.Instant) -> JobPhase {
        if let cancellation {
            let settled = now - cancellation.requestedAt >= cancelSettleDelay
            return JobPhase(
                status: settled ? .cancelled : .cancelling, pagesWritten: cancellation.pagesWritten,
                stage: settled ? "cancelled" : cancellation.stage)
        }
        return uncancelledPhase(at: now)
    }

    private func uncancelledPhase(at now: ContinuousClock.Instant) -> JobPhase {
        let failurePage = failAfterPages.flatMap { $0 < totalPages ? max(0, $0) : nil }
        if completesOnSubmit {
            if let failurePage { return JobPhase(status: .failed, pagesWritten: failurePage, stage: "failed") }
            return JobPhase(status: .completed, pagesWritten: totalPages, stage: "completed")
        }
        let elapsed = now - submittedAt
        guard elapsed >= startDelay else { return JobPhase(status: .pending, pagesWritten: 0, stage: nil) }
        // Intervals completed since the job started; a zero interval means everything at once.
        let ticks: Int
        if pageInterval <= .zero {
            ticks = Int.max
        } else {
            let ratio = (elapsed - startDelay) / pageInterval
            ticks = ratio >= Double(Int.max / 2) ? Int.max / 2 : Int(ratio.rounded(.down))
        }
        if let failurePage, ticks > failurePage {
            return JobPhase(status: .failed, pagesWritten: failurePage, stage: "failed")
        }
        switch ticks {
        case ..<1 where totalPages > 0:
            return JobPhase(status: .running, pagesWritten: 0, stage: "retrieving_companies")
        case ..<totalPages:
            return JobPhase(status: .running, pagesWritten: ticks, stage: "qualifying_companies")
        case totalPages:
            return JobPhase(status: .running, pagesWritten: totalPages, stage: "reranking_companies")
        default:
            return JobPhase(status: .completed, pagesWritten: totalPages, stage: "completed")
        }
    }
}
