import ArgumentParser
import Foundation
import OpenFunnel
import OpenFunnelJobs

/// Follows one job to its end and writes its rows: the run loop of `lookalikes`, `tech-intent`
/// and `rows`.
///
/// Rows are read in a task of their own (``RowReader``) and written here as they arrive. Nothing
/// the job delivered is lost to an interrupt: the first Ctrl-C (or SIGTERM) cancels a lookalike
/// job on the server and the session goes on writing every row the job delivered, for up to
/// ``CLIContext/drainDeadline``; a second one stops at once, and the session says what it did
/// not fetch and the command that fetches it (``InterruptResponse``). Either way the rows
/// written are kept (the `--output` file moved into place) and the run ends with 130.
/// Cancelling the task that runs the session counts as two interrupts.
///
/// A write error (a full disk, a closed pipe) stops the reading and cancels a lookalike job, so
/// that it does not go on spending credits on rows nobody receives.
struct JobSession<Kind: CLIJobKind> {
    var format: OutputFormat
    var streaming: Bool
    var output: RowOutput
    var context: CLIContext
    /// The API the job runs on, for the commands the session suggests.
    var baseURL: URL
    /// Rows to leave out at the start: the ones an interrupted run already wrote.
    var skip = 0

    /// How often an interrupted session polls the job while it settles.
    static var pollIntervalAfterInterrupt: Duration { .milliseconds(250) }

    private enum Failure {
        case reading(any Error)
        case writing(any Error)
    }

    /// Submits (or attaches to) the job with `start`, then writes its rows out.
    ///
    /// `start` runs in a task of its own that an interrupt does not cancel: a submit that was
    /// interrupted mid-flight may still have created the job, and it must be known to be
    /// cancelled.
    func run(announce: Bool, start: @escaping @Sendable () async throws -> SearchJob<Kind>) async throws {
        var job: SearchJob<Kind>
        do {
            job = try await Task { try await start() }.value
        } catch {
            output.discard()
            throw error
        }
        if announce {
            let limit = job.limit.map { " (limit \($0))" } ?? ""
            context.stderr.line("submitted \(Kind.displayName) job \(job.jobID)\(limit)")
        }

        let reporter = ProgressReporter(sink: context.stderr, isTerminal: context.stderrIsTerminal)
        let response = InterruptResponse<Kind>(job: job, context: context, reporter: reporter)
        let interruption = context.interruption
        let sleep = job.polling.sleep
        job.polling.sleep = { duration in
            if response.drainsUntilCaughtUp { throw CaughtUp() }
            try await interruption.sleep(duration, afterInterrupt: Self.pollIntervalAfterInterrupt, using: sleep)
        }
        let reader = RowReader<Kind.Row> { [job, streaming] yield in
            try await Self.read(job, streaming: streaming, attached: !announce, progress: { reporter.update($0) }, yield: yield)
        }
        response.attach(reader)

        // Rows and the bar share the terminal: erase the bar before each write.
        let sharesTerminal = context.stderrIsTerminal && context.stdoutIsTerminal && output.filePath == nil
        var renderer = RowRenderer<Kind.Row>(format: format, terminalWidth: output.filePath == nil ? context.terminalWidth : nil)
        var written = 0
        var skipped = 0
        var failure: Failure?

        func emit(_ text: String) throws {
            guard !text.isEmpty else { return }
            if sharesTerminal {
                try reporter.withBarErased { try output.write(text) }
            } else {
                try output.write(text)
            }
        }

        await withTaskCancellationHandler {
            do {
                try emit(renderer.begin())
            } catch {
                failure = .writing(error)
                return
            }
            do {
                for try await row in reader.rows {
                    if skipped < skip {
                        skipped += 1
                        continue
                    }
                    do {
                        try emit(try renderer.render(row))
                    } catch {
                        failure = .writing(error)
                        break
                    }
                    written += 1
                }
            } catch {
                failure = .reading(error)
            }
        } onCancel: {
            interruption.signal()
            interruption.signal()
        }
        reader.stop()
        let report = await response.finish()
        reporter.finish()
        if case .writing = failure {} else {
            do { try emit(renderer.finish()) } catch { failure = .writing(error) }
        }

        let rowsCommand = RowsCommandLine(jobID: job.jobID, kind: Kind.cliKind, baseURL: baseURL, format: format, outputPath: output.filePath)
        if case .writing(let error) = failure {
            try await stopAfterWriteError(error, job: job, reporter: reporter, interrupted: report != nil, rowsCommand: rowsCommand)
        }
        var readingError: (any Error)?
        if case .reading(let error) = failure, !(error is CaughtUp), !(error is CancellationError) { readingError = error }
        if let report {
            try finishInterrupted(report, job: job, written: written, readingError: readingError, reporter: reporter, rowsCommand: rowsCommand)
        }
        if let readingError {
            try keepRowsAfterReadError(readingError, written: written, rowsCommand: rowsCommand)
        }
        try output.commit()
        let status = reporter.lastStatus.map { "\($0)" } ?? "finished"
        context.stderr.line("job \(job.jobID) \(status): \(rowsText(written))\(destination)")
    }

    /// Every row of `job`, into `yield`. When an interrupt finds a tech-intent job still running
    /// while the session waits for it to finish, nothing has been read: the pages it has written
    /// so far are then read as they are when streaming.
    private static func read(
        _ job: SearchJob<Kind>, streaming: Bool, attached: Bool, progress: @escaping @Sendable (JobProgress) -> Void,
        yield: @Sendable (Kind.Row) -> Void
    ) async throws {
        // A job submitted earlier may have finished: it is read faster all at once, its pages
        // fetched together, than page after page.
        var streaming = streaming
        if streaming, attached, try await job.poll().status.isTerminal { streaming = false }
        var count = 0
        do {
            for try await row in job.rows(streaming: streaming, progress: progress) {
                yield(row)
                count += 1
            }
        } catch is CaughtUp where !streaming && count == 0 {
            for try await row in job.rows(streaming: true, progress: progress) { yield(row) }
        }
    }

    /// After a write error: cancels a lookalike job (unless an interrupt did already), drops the
    /// unfinished `--output` file and says how to fetch the rows again; ends with status 1.
    private func stopAfterWriteError(
        _ error: any Error, job: SearchJob<Kind>, reporter: ProgressReporter, interrupted: Bool, rowsCommand: RowsCommandLine
    ) async throws -> Never {
        output.discard()
        let target = output.filePath ?? "standard output"
        var lines = ["error: cannot write rows to \(target): \(ErrorReporter.describe(error).description)"]
        if Kind.isCancellable, !interrupted, reporter.lastStatus?.isTerminal != true {
            let outcome = await cancel(job)
            switch outcome {
            case .success:
                lines.append("cancelled job \(job.jobID) so that it stops spending credits")
            case .failure(JobError.alreadyFinished):
                break
            case .failure(let cancelError):
                lines.append("error: cancelling job \(job.jobID) failed: \(ErrorReporter.describe(cancelError).description)")
                lines.append("hint: to stop it spending credits, run: openfunnel cancel \(job.jobID)")
            }
        }
        lines.append("hint: the rows it delivered stay readable: \(rowsCommand.text(skipping: skip))")
        for line in lines { context.stderr.line(line) }
        throw ExitCode.failure
    }

    /// After an interrupt: keeps the rows written, says what became of the job and of its rows,
    /// and ends with 130.
    private func finishInterrupted(
        _ report: InterruptResponse<Kind>.Report, job: SearchJob<Kind>, written: Int, readingError: (any Error)?,
        reporter: ProgressReporter, rowsCommand: RowsCommandLine
    ) throws -> Never {
        let rows = rowsText(written)
        var lines: [String] = []
        var notes: [String] = []
        switch report.cancel {
        case nil where !Kind.isCancellable:
            lines.append("interrupted job \(job.jobID) after \(rows)")
            notes.append("note: the API cannot cancel tech-intent jobs; the job keeps running on the server")
        case nil, .alreadyFinished?:
            lines.append("interrupted after \(rows); job \(job.jobID) had already \(reporter.lastStatus?.description ?? "finished")")
        case .cancelled?:
            lines.append("cancelled job \(job.jobID) after \(rows)")
            notes.append("note: you are billed only for the rows the job delivered")
        case .failed(let error)?:
            lines.append("interrupted after \(rows), but cancelling job \(job.jobID) failed: \(ErrorReporter.describe(error).description)")
            notes.append("hint: to stop it spending credits, run: openfunnel cancel \(job.jobID)")
        case .unanswered?:
            lines.append("interrupted after \(rows); the server had not answered the request to cancel job \(job.jobID)")
            notes.append("hint: to make sure it stops spending credits, run: openfunnel cancel \(job.jobID)")
        }
        do {
            try output.commit()
            if let path = output.filePath { lines.append("wrote \(rows) to \(path)") }
        } catch {
            lines.append("error: \(ErrorReporter.describe(error).description)")
        }
        let rest = rowsCommand.text(skipping: skip + written)
        if let readingError {
            lines.append("error: reading the job's rows failed: \(ErrorReporter.describe(readingError).description)")
            notes.append("note: fetch the rows not written with: \(rest)")
        } else if let stop = report.stop {
            let why = switch stop {
            case .secondInterrupt: "stopped by a second interrupt"
            case .deadline: "stopped after \(context.drainDeadline.secondsText)"
            }
            let processed = reporter.lastProgress?.processed.map { " (the server last reported \($0) processed)" } ?? ""
            lines.append("\(why): the rows of job \(job.jobID) after the first \(skip + written) were not fetched\(processed)")
            notes.append("note: fetch them with: \(rest)")
        } else if Kind.isCancellable {
            lines.append("every row the job delivered was written")
        } else {
            notes.append("note: fetch the rows it writes from here on with: \(rest)")
        }
        for line in lines + notes { context.stderr.line(line) }
        throw ExitCode(130)
    }

    /// After a failed read: keeps the rows written before it (they were paid for), and throws
    /// the error with the command that fetches the rest.
    private func keepRowsAfterReadError(_ error: any Error, written: Int, rowsCommand: RowsCommandLine) throws -> Never {
        if written > 0 {
            try output.commit()
            let kept = output.filePath.map { "wrote the \(rowsText(written)) delivered before the error to \($0)" }
                ?? "the \(rowsText(written)) above were delivered before the error"
            context.stderr.line(kept)
        } else {
            output.discard()
        }
        // A failed job has delivered all it will; any other error leaves rows to fetch.
        if case JobError.failed = error { throw error }
        var failure = ErrorReporter.describe(error)
        failure.hints.append("fetch the rows not written with: \(rowsCommand.text(skipping: skip + written))")
        throw failure
    }

    private func cancel(_ job: SearchJob<Kind>) async -> Result<JobStatus, any Error> {
        let timeout = context.cancelTimeout
        return await Task { () -> Result<JobStatus, any Error> in
            do { return .success(try await withTimeout(timeout) { try await job.cancel() }) } catch { return .failure(error) }
        }.value
    }

    private var destination: String {
        output.filePath.map { " written to \($0)" } ?? ""
    }

    private func rowsText(_ count: Int) -> String {
        count == 1 ? "1 row" : "\(count) rows"
    }
}

struct TimeoutError: Error, CustomStringConvertible {
    let duration: Duration
    var description: String { "no answer within \(duration)" }
}

/// `operation`'s result, or ``TimeoutError`` when it takes longer than `duration`.
func withTimeout<T: Sendable>(_ duration: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw TimeoutError(duration: duration)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
