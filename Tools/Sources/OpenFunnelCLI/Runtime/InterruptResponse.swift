import Foundation
import OpenFunnelJobs

/// What a job session does about interrupts while it reads a job, in a task of its own.
///
/// On the first interrupt it asks the server to cancel the job (so spending stops) and gives the
/// reader up to the drain deadline to fetch and write every row the job delivered: a cancelled
/// job settles with its pages readable, and the reader ends by itself once it has them. On a
/// second interrupt, or when the deadline passes, it stops the reader, and the session says what
/// it did not fetch.
///
/// Jobs the API cannot cancel (tech-intent) keep running; for those, and when the cancel fails,
/// the reader stops as soon as it has caught up with what the job has written so far (see
/// ``drainsUntilCaughtUp``).
final class InterruptResponse<Kind: CLIJobKind>: @unchecked Sendable {
    /// Why the reader was stopped before it finished.
    enum Stop: Sendable {
        case secondInterrupt
        case deadline
    }

    /// What the cancel request got.
    enum CancelOutcome: Sendable {
        case cancelled
        case alreadyFinished
        case failed(any Error)
        /// No answer yet when the session stopped at once.
        case unanswered
    }

    /// What happened, once the session is over.
    struct Report {
        var stop: Stop?
        /// Nil for jobs the API cannot cancel.
        var cancel: CancelOutcome?
    }

    private let lock = NSLock()
    private var interrupted = false
    private var stop: Stop?
    private var cancelFailed = false
    private var cancelTask: Task<CancelOutcome, Never>?
    private var cancelOutcome: CancelOutcome?
    private var reader: RowReader<Kind.Row>?
    private var watcher: Task<Void, Never>?
    /// Signalled once by ``finish()``: the session is done reading (a counting event like the
    /// interrupts, so it is waited for the same way).
    private let readingEnded = Interruption()

    /// Starts watching `context.interruption` for the session reading `job`.
    init(job: SearchJob<Kind>, context: CLIContext, reporter: ProgressReporter) {
        let interruption = context.interruption
        let deadline = context.drainDeadline
        let cancelTimeout = context.cancelTimeout
        let readingEnded = self.readingEnded
        watcher = Task { [self] in
            _ = await Self.first({ await interruption.wait(for: 1) }, { await readingEnded.wait(for: 1) })
            // An interrupt that came as the reading ended still counts: the user wants out.
            guard interruption.count > 0 else { return }
            let seconds = deadline.secondsText
            if Kind.isCancellable, reporter.lastStatus?.isTerminal != true {
                lock.withLock {
                    interrupted = true
                    cancelTask = Task { [self] in
                        let outcome: CancelOutcome
                        do {
                            _ = try await withTimeout(cancelTimeout) { try await job.cancel() }
                            outcome = .cancelled
                        } catch JobError.alreadyFinished {
                            outcome = .alreadyFinished
                        } catch {
                            outcome = .failed(error)
                        }
                        lock.withLock {
                            cancelOutcome = outcome
                            if case .failed = outcome { cancelFailed = true }
                        }
                        return outcome
                    }
                }
                reporter.note("interrupted: cancelling job \(job.jobID) and writing every row it delivered "
                    + "(up to \(seconds); Ctrl-C again to stop now)")
            } else {
                lock.withLock { interrupted = true }
                let what = Kind.isCancellable ? "the rest of its rows" : "the rows it has delivered so far"
                reporter.note("interrupted: writing \(what) (up to \(seconds); Ctrl-C again to stop now)")
            }
            let reason: Stop? = await Self.first(
                { await interruption.wait(for: 2); return .secondInterrupt },
                { try? await Task.sleep(for: deadline); return .deadline },
                { await readingEnded.wait(for: 1); return nil })
            guard let reason else { return }
            let reader = lock.withLock { () -> RowReader<Kind.Row>? in
                stop = reason
                return self.reader
            }
            reader?.stop()
        }
    }

    /// The reader to stop on a second interrupt; stopped at once if that has already come.
    func attach(_ reader: RowReader<Kind.Row>) {
        let stopNow = lock.withLock { () -> Bool in
            self.reader = reader
            return stop != nil
        }
        if stopNow { reader.stop() }
    }

    /// Whether an interrupt has arrived.
    var wasInterrupted: Bool { lock.withLock { interrupted } }

    /// True once reading should end as soon as the reader would wait for the job to write more:
    /// after an interrupt, when the job goes on running on the server.
    var drainsUntilCaughtUp: Bool {
        lock.withLock { interrupted && (!Kind.isCancellable || cancelFailed || cancelTask == nil) }
    }

    /// Ends the watching, once the reader is done; nil when no interrupt came. The cancel
    /// request is waited for (it has its own timeout), except after a stop, where the user asked
    /// to be let go: then it gets a second.
    func finish() async -> Report? {
        readingEnded.signal()
        await watcher?.value
        let (interrupted, stop, cancelTask) = lock.withLock { (self.interrupted, self.stop, self.cancelTask) }
        guard interrupted else { return nil }
        guard let cancelTask else { return Report(stop: stop, cancel: nil) }
        if stop == nil { return Report(stop: nil, cancel: await cancelTask.value) }
        // `Task.value` can't be given up on, so look for the answer for up to a second, in a
        // task of its own: the session's may be cancelled, and its sleeps would end at once.
        let outcome = await Task { [self] in
            for _ in 0..<100 {
                if let outcome = lock.withLock({ cancelOutcome }) { return outcome }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return lock.withLock { cancelOutcome } ?? .unanswered
        }.value
        return Report(stop: stop, cancel: outcome)
    }

    /// The result of whichever of `waits` returns first; the others are cancelled (each must
    /// end promptly when cancelled).
    private static func first<T: Sendable>(_ waits: (@Sendable () async -> T)...) async -> T {
        await withTaskGroup(of: T.self) { group in
            for wait in waits { group.addTask(operation: wait) }
            defer { group.cancelAll() }
            return await group.next()!
        }
    }
}

extension Duration {
    /// `15 s`, `0.5 s`: for messages.
    var secondsText: String {
        let (seconds, attoseconds) = components
        if attoseconds == 0 { return "\(seconds) s" }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\((value * 10).rounded() / 10) s"
    }
}
