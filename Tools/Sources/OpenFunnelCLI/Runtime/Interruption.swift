import Foundation

/// The interrupts (Ctrl-C, SIGTERM) a command has received, as a count that tasks can wait on.
///
/// A job session reacts in two steps: the first interrupt cancels the job on the server and
/// keeps writing the rows it delivered; the second stops at once. ``InterruptMonitor`` feeds it
/// from real signals; tests and programs embedding the CLI call ``signal()`` themselves.
public final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var received = 0
    private var nextWaiter = 0
    private var waiters: [Int: (count: Int, continuation: CheckedContinuation<Void, Never>)] = [:]

    public init() {}

    /// How many interrupts have arrived.
    public var count: Int { lock.withLock { received } }

    /// Records one interrupt and wakes whoever waits for this many.
    public func signal() {
        let ready = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            received += 1
            let due = waiters.filter { $0.value.count <= received }
            for id in due.keys { waiters[id] = nil }
            return due.map(\.value.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once `count` interrupts have arrived (at once if they already have), or when the
    /// calling task is cancelled.
    func wait(for count: Int) async {
        let id = lock.withLock { () -> Int in
            nextWaiter += 1
            return nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock { () -> Bool in
                    if received >= count || Task.isCancelled { return true }
                    waiters[id] = (count, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
    }

    /// Sleeps for `duration` with `sleep`, but not past the first interrupt, and at most
    /// `afterInterrupt` once one has arrived: after Ctrl-C the session polls the job quickly
    /// to see it settle, instead of finishing a backoff interval of up to 10 s.
    func sleep(_ duration: Duration, afterInterrupt: Duration, using sleep: @escaping @Sendable (Duration) async throws -> Void)
        async throws
    {
        if count > 0 {
            try await sleep(min(duration, afterInterrupt))
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sleep(duration) }
            group.addTask { await self.wait(for: 1) }
            defer { group.cancelAll() }
            try await group.next()
        }
        try Task.checkCancellation()
    }
}
