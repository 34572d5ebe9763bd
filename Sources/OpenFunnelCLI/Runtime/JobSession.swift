import ArgumentParser
import Foundation
import OpenFunnel
import OpenFunnelJobs

/// Follows one job to its end and writes its rows: the run loop of `lookalikes`, `tech-intent`
/// and `rows`.
///
/// Cancelling the task that runs ``run(announce:start:)`` is how an interrupt arrives (Ctrl-C cancels it,
/// see ``InterruptMonitor``): the loop stops, a lookalike job is cancelled on the server so it
/// stops spending credits, the rows written so far are flushed (and the `--output` file moved
/// into place), and the run ends with exit code 130.
struct JobSession<Kind: CLIJobKind> {
    var format: OutputFormat
    var streaming: Bool
    var output: RowOutput
    var context: CLIContext

    /// Submits (or attaches to) the job with `start`, then streams its rows out.
    ///
    /// `start` runs in a task of its own that an interrupt does not cancel: a submit that was
    /// interrupted mid-flight may still have created the job, and it must be known to be
    /// cancelled.
    func run(announce: Bool, start: @escaping @Sendable () async throws -> SearchJob<Kind>) async throws {
        let job: SearchJob<Kind>
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
        // Rows and the bar share the terminal: erase the bar before each write.
        let sharesTerminal = context.stderrIsTerminal && context.stdoutIsTerminal && output.filePath == nil
        var renderer = RowRenderer<Kind.Row>(format: format, terminalWidth: output.filePath == nil ? context.terminalWidth : nil)
        var written = 0
        var failure: (any Error)?

        func emit(_ text: String) throws {
            guard !text.isEmpty else { return }
            if sharesTerminal {
                try reporter.withBarErased { try output.write(text) }
            } else {
                try output.write(text)
            }
        }

        do {
            try emit(renderer.begin())
            let rows = job.rows(streaming: streaming, progress: { reporter.update($0) })
            for try await row in rows {
                try emit(try renderer.render(row))
                written += 1
            }
        } catch {
            failure = error
        }
        let interrupted = Task.isCancelled
        reporter.finish()
        try? emit(renderer.finish())

        if interrupted {
            try await stop(job, written: written, lastStatus: reporter.lastStatus)
        }
        if let failure {
            // Rows delivered before a failure were paid for: keep them.
            if written > 0 {
                try output.commit()
                let kept = output.filePath.map { "wrote the \(rowsText(written)) delivered before the error to \($0)" }
                    ?? "the \(rowsText(written)) above were delivered before the error"
                context.stderr.line(kept)
            } else {
                output.discard()
            }
            throw failure
        }
        try output.commit()
        let status = reporter.lastStatus.map { "\($0)" } ?? "finished"
        context.stderr.line("job \(job.jobID) \(status): \(rowsText(written))\(destination)")
    }

    /// After an interrupt: cancels a lookalike job on the server, keeps the rows written, says
    /// what happened and ends with 130.
    private func stop(_ job: SearchJob<Kind>, written: Int, lastStatus: JobStatus?) async throws -> Never {
        let rows = rowsText(written)
        let readLater = "openfunnel rows \(job.jobID)\(Kind.cliKind.flag)"
        let headline: String
        var notes: [String] = []
        if Kind.cliKind == .techIntent {
            headline = "interrupted job \(job.jobID) after \(rows)"
            notes.append("note: the API cannot cancel tech-intent jobs; the job keeps running on the server")
            notes.append("note: read its rows later with: \(readLater)")
        } else if let lastStatus, lastStatus.isTerminal {
            headline = "interrupted after \(rows); job \(job.jobID) had already \(lastStatus)"
            notes.append("note: read all its rows with: \(readLater)")
        } else {
            // A fresh task: this one is cancelled, and the request must still go out.
            let timeout = context.cancelTimeout
            let outcome = await Task { () -> Result<JobStatus, any Error> in
                do { return .success(try await withTimeout(timeout) { try await job.cancel() }) } catch { return .failure(error) }
            }.value
            switch outcome {
            case .success:
                headline = "cancelled job \(job.jobID) after \(rows)"
                notes.append("note: you are billed only for the rows the job delivered; read them all with: \(readLater)")
            case .failure(JobError.alreadyFinished):
                headline = "interrupted after \(rows); job \(job.jobID) had already finished"
                notes.append("note: read all its rows with: \(readLater)")
            case .failure(let error):
                headline = "interrupted after \(rows), but cancelling job \(job.jobID) failed: \(ErrorReporter.describe(error).description)"
                notes.append("hint: to stop it spending credits, run: openfunnel cancel \(job.jobID)")
            }
        }
        var lines = [headline]
        do {
            try output.commit()
            if let path = output.filePath { lines.append("wrote \(rows) to \(path)") }
        } catch {
            lines.append("error: \(ErrorReporter.describe(error).description)")
        }
        for line in lines + notes { context.stderr.line(line) }
        throw ExitCode(130)
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
