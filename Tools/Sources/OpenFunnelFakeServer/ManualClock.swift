import Foundation

/// A clock that moves only when told to, for tests that must not depend on real time.
///
/// Pass ``now()`` as ``FakeServerConfiguration/now`` and advance it from the test, or from the
/// `sleep` of a polling policy so that every poll finds the job one step further:
///
/// ```swift
/// let clock = ManualClock()
/// let server = FakeOpenFunnelServer(configuration: FakeServerConfiguration(now: { clock.now() }))
/// let polling = PollingPolicy(sleep: { clock.advance(by: $0) })
/// ```
public final class ManualClock: Sendable {
    // A lock rather than an actor: the server reads the time synchronously, like `ContinuousClock.now`.
    private let lock = NSLock()
    private nonisolated(unsafe) var current: ContinuousClock.Instant

    /// Creates a clock standing at `start`.
    public init(start: ContinuousClock.Instant = .now) {
        current = start
    }

    /// The clock's current time.
    public func now() -> ContinuousClock.Instant {
        lock.withLock { current }
    }

    /// Moves the clock forward by `duration`; negative durations are ignored, since time the
    /// server has already acted on cannot be taken back.
    public func advance(by duration: Duration) {
        guard duration > .zero else { return }
        lock.withLock { current += duration }
    }
}
