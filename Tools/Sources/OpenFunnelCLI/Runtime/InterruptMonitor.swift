import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into ``Interruption`` signals while a job runs, so that the
/// command can cancel the job on the server and write the rows it delivered instead of dying
/// mid-write.
///
/// The signals' default action is switched off and dispatch sources deliver them instead. The
/// job session handles the first two (see ``JobSession``); a third, for a session that does not
/// answer, ends the process at once with status 130. SIGPIPE is ignored while the monitor runs,
/// so that a closed pipe is a write error the session reports (and cancels the job for), not a
/// silent death that leaves the job spending credits.
final class InterruptMonitor: @unchecked Sendable {
    static let signals = [SIGINT, SIGTERM]
    private let sources: [any DispatchSourceSignal]

    init(interruption: Interruption) {
        signal(SIGPIPE, SIG_IGN)
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                interruption.signal()
                if interruption.count >= 3 { _exit(130) }
            }
            source.resume()
            return source
        }
    }

    /// Stops listening and gives the signals their default actions back.
    func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals + [SIGPIPE] { signal(number, SIG_DFL) }
    }

    /// Runs `body` against the live context, with Ctrl-C and SIGTERM delivered to its
    /// ``CLIContext/interruption``; returns or throws what `body` does.
    static func handlingInterrupts(_ body: @escaping @Sendable (CLIContext) async throws -> Void) async throws {
        let context = CLIContext.live()
        let monitor = InterruptMonitor(interruption: context.interruption)
        defer { monitor.stop() }
        try await body(context)
    }
}
