/// How often to poll a job and for how long: polls start fast (a small job finishes in seconds)
/// and back off toward `maxInterval` (a large one takes minutes, and each poll is a request).
public struct PollingPolicy: Sendable {
    public var initialInterval: Duration
    public var multiplier: Double
    public var maxInterval: Duration
    /// How long `wait` may take in all; nil waits as long as the job runs.
    public var deadline: Duration?
    /// How to pause between polls; tests replace it to run without real waiting.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A monotonic clock for the deadline.
    public var now: @Sendable () -> ContinuousClock.Instant

    public init(initialInterval: Duration = .milliseconds(500), multiplier: Double = 1.5, maxInterval: Duration = .seconds(10),
                deadline: Duration? = .seconds(3600),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.initialInterval = initialInterval
        self.multiplier = multiplier
        self.maxInterval = maxInterval
        self.deadline = deadline
        self.sleep = sleep
        self.now = now
    }

    /// The pause before poll number `attempt` (0-based) after the first.
    public func interval(after attempt: Int) -> Duration {
        var interval = initialInterval
        for _ in 0..<attempt {
            interval = interval * multiplier
            if interval >= maxInterval { return maxInterval }
        }
        return min(interval, maxInterval)
    }
}
