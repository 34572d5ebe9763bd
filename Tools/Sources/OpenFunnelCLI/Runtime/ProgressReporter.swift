import Foundation
import OpenFunnelJobs

/// Shows a job's progress on standard error while it runs.
///
/// On a terminal, one line redrawn in place: `[##########----------] 1200/2000 qualifying_companies`.
/// Otherwise (a log file, CI) plain lines, `status: running 1200/2000 qualifying_companies`, and
/// only when something changed. Safe to call from any task: `SearchJob` reports from its own.
final class ProgressReporter: @unchecked Sendable {
    private let sink: any ByteSink
    private let isTerminal: Bool
    private let barWidth: Int
    private let lock = NSLock()
    private var lastLine: String?
    private var barDrawn = false
    private var finished = false
    private var last: JobProgress?

    init(sink: any ByteSink, isTerminal: Bool, barWidth: Int = 20) {
        self.sink = sink
        self.isTerminal = isTerminal
        self.barWidth = barWidth
    }

    /// The status of the last report.
    var lastStatus: JobStatus? { lock.withLock { last?.status } }

    /// The last report: status and the rows the server says it has processed.
    var lastProgress: JobProgress? { lock.withLock { last } }

    /// Prints `line` on its own line, above the bar when one is drawn; for what happens while
    /// the job runs (an interrupt being handled, say).
    func note(_ line: String) {
        lock.withLock {
            if barDrawn {
                try? sink.write("\r\u{1B}[K" + line + "\n")
                barDrawn = false
                lastLine = nil
            } else {
                try? sink.write(line + "\n")
            }
        }
    }

    func update(_ progress: JobProgress) {
        lock.withLock {
            last = progress
            guard !finished else { return }
            if isTerminal {
                let line = Self.bar(progress, width: barWidth)
                if line != lastLine || !barDrawn { draw(line) }
                // The job is over: leave its final state on screen.
                if progress.status.isTerminal {
                    endBar()
                    finished = true
                }
            } else {
                let line = Self.plain(progress)
                if line != lastLine {
                    lastLine = line
                    try? sink.write(line + "\n")
                }
            }
        }
    }

    /// Ends the progress display: a drawn bar keeps its line, later updates are ignored.
    func finish() {
        lock.withLock {
            endBar()
            finished = true
        }
    }

    /// Runs `body` (which writes to the same terminal) with the bar erased; the bar comes back
    /// with the next update.
    func withBarErased<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock {
            if barDrawn {
                try? sink.write("\r\u{1B}[K")
                barDrawn = false
                lastLine = nil
            }
            return try body()
        }
    }

    private func draw(_ line: String) {
        lastLine = line
        barDrawn = true
        try? sink.write("\r" + line + "\u{1B}[K")
    }

    private func endBar() {
        if barDrawn { try? sink.write("\n") }
        barDrawn = false
    }

    /// `[#####---------------] 1200/2000 qualifying_companies`; an empty bar when the fraction
    /// isn't known yet. The status is named unless it is `running`, which the bar shows.
    static func bar(_ progress: JobProgress, width: Int) -> String {
        let filled = progress.fraction.map { Int(($0 * Double(width)).rounded(.down)) } ?? 0
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        var parts = [bar] + counts(progress)
        let message = stage(progress)
        if progress.status != .running || (message == nil && parts.count == 1) { parts.append(progress.status.description) }
        if let message { parts.append(message) }
        return parts.joined(separator: " ")
    }

    /// `status: running 1200/2000 qualifying_companies`.
    static func plain(_ progress: JobProgress) -> String {
        (["status:", progress.status.description] + counts(progress) + [stage(progress)].compactMap { $0 }).joined(separator: " ")
    }

    /// `1200/2000`, or `1200` without a limit, or nothing before the server counts.
    private static func counts(_ progress: JobProgress) -> [String] {
        switch (progress.processed, progress.limit) {
        case (let processed?, let limit?): return ["\(processed)/\(limit)"]
        case (let processed?, nil): return ["\(processed)"]
        case (nil, _): return []
        }
    }

    /// The stage label, unless it only repeats the status.
    private static func stage(_ progress: JobProgress) -> String? {
        guard let message = progress.message, !message.isEmpty, message != progress.status.description else { return nil }
        return message
    }
}
