import Foundation

/// What the fake itself spent on the requests it answered: the time between a request reaching
/// ``RequestHandler`` and its outcome, less the configured latency and any `delay` fault.
///
/// Benchmarks subtract it from a round trip to tell the server's share from the client's and
/// the transport's. A lock rather than an actor: recording it must not add a hop per request.
public struct HandlingTime: Sendable, Hashable {
    /// Requests answered (or dropped) so far.
    public var requests: Int
    /// Their handling time, summed.
    public var total: Duration

    /// Creates a tally.
    public init(requests: Int = 0, total: Duration = .zero) {
        self.requests = requests
        self.total = total
    }

    /// The mean per request, zero before any.
    public var mean: Duration {
        requests == 0 ? .zero : total / requests
    }

    /// What was handled between `earlier` and this tally.
    public func since(_ earlier: HandlingTime) -> HandlingTime {
        HandlingTime(requests: requests - earlier.requests, total: total - earlier.total)
    }
}

/// The running ``HandlingTime`` of one server, shared by its request handlers.
final class HandlingTimeTally: Sendable {
    private let lock = NSLock()
    private nonisolated(unsafe) var tally = HandlingTime()

    var current: HandlingTime { lock.withLock { tally } }

    func record(_ elapsed: Duration) {
        lock.withLock {
            tally.requests += 1
            tally.total += elapsed
        }
    }
}
