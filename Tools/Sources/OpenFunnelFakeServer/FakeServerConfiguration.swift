import Foundation

/// How a ``FakeOpenFunnelServer`` behaves: who may call it, how fast jobs progress, how
/// large they get.
///
/// The defaults resemble the real service slowed down to test speed: any non-empty API key,
/// pages of 100 rows, one page every 50 ms.
public struct FakeServerConfiguration: Sendable {
    /// The TCP port on 127.0.0.1; 0 picks a free one, which ``FakeOpenFunnelServer/start()``
    /// reports in the URL it returns.
    public var port: UInt16
    /// The accepted `X-API-Key` values; `nil` accepts any non-empty key. Another key is
    /// answered with HTTP 401, a status the spec does not document.
    public var apiKeys: Set<String>?
    /// Rows per result page; the real service writes 100.
    public var pageSize: Int
    /// The time the job takes to write each page. A job also spends one interval retrieving
    /// before its first page and one reranking after its last, so a job of `n` pages completes
    /// `startDelay + (n + 1) × pageInterval` after it was submitted.
    public var pageInterval: Duration
    /// How long a job stays `pending` before it starts running.
    public var startDelay: Duration
    /// How long a cancelled job stays `cancelling` before it settles to `cancelled`.
    public var cancelSettleDelay: Duration
    /// When true, jobs are already completed (every page written) when the submit returns;
    /// for benchmarks that measure reading rather than waiting.
    public var completesOnSubmit: Bool
    /// At most this many rows per job, whatever its `limit`: a search that finds fewer
    /// companies than asked for. `nil` produces exactly `limit` rows.
    public var maxResults: Int?
    /// When set, every job fails after writing this many pages (if it has more), keeping those
    /// pages readable and reporting `status: failed` with a `partial` manifest.
    public var failAfterPages: Int?
    /// Time added before every response, for latency-sensitive tests and benchmarks.
    public var latency: Duration
    /// The longest a request may take in the server before FlyingFox answers 500 on its own.
    public var requestTimeout: Duration
    /// Whether connections stay open between requests. Off by default, so that every request
    /// meets a new connection and ``FakeFault/dropConnection`` reaches the client as the error
    /// it is (on a reused connection libcurl resends a dropped GET itself). Turn it on to test
    /// what clients do with reused connections, or to measure them: the server sets
    /// `TCP_NODELAY`, so a reused connection answers no slower than a new one (and costs both
    /// sides less: no connection set up per request).
    public var keepsConnectionsAlive: Bool
    /// The current time as jobs see it: `ContinuousClock.now`, or a ``ManualClock`` in tests
    /// that drive progress themselves.
    public var now: @Sendable () -> ContinuousClock.Instant

    /// Creates a configuration; every parameter defaults to the behaviour described on its
    /// property, and `startDelay` and `cancelSettleDelay` default to one `pageInterval`.
    public init(
        port: UInt16 = 0,
        apiKeys: Set<String>? = nil,
        pageSize: Int = 100,
        pageInterval: Duration = .milliseconds(50),
        startDelay: Duration? = nil,
        cancelSettleDelay: Duration? = nil,
        completesOnSubmit: Bool = false,
        maxResults: Int? = nil,
        failAfterPages: Int? = nil,
        latency: Duration = .zero,
        requestTimeout: Duration = .seconds(60),
        keepsConnectionsAlive: Bool = false,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.port = port
        self.apiKeys = apiKeys
        self.pageSize = max(1, pageSize)
        self.pageInterval = pageInterval
        self.startDelay = startDelay ?? pageInterval
        self.cancelSettleDelay = cancelSettleDelay ?? pageInterval
        self.completesOnSubmit = completesOnSubmit
        self.maxResults = maxResults
        self.failAfterPages = failAfterPages
        self.latency = latency
        self.requestTimeout = requestTimeout
        self.keepsConnectionsAlive = keepsConnectionsAlive
        self.now = now
    }
}
