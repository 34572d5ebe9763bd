import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into task cancellation while a job runs, so the command can cancel the
/// job on the server and write what it has instead of dying mid-write.
///
/// SIGINT's default action is switched off and a dispatch source delivers it instead. The first
/// interrupt calls `onInterrupt`; a second one, while the command is still cleaning up, ends the
/// process at once with status 130.
final class InterruptMonitor: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var count = 0

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self else { return }
            let count = self.lock.withLock { self.count += 1; return self.count }
            if count == 1 {
                onInterrupt()
            } else {
                _exit(130)
            }
        }
        source.resume()
    }

    /// Stops listening and gives SIGINT its default action back.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }

    /// Runs `body` in a task that Ctrl-C cancels; returns or throws what `body` does.
    static func cancellingOnInterrupt(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let task = Task { try await body() }
        let monitor = InterruptMonitor { task.cancel() }
        defer { monitor.stop() }
        try await task.value
    }
}
