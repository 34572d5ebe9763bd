import Foundation

/// When and how ``ClientCore`` sends a request again.
///
/// Two kinds of failure are retried, with different rules:
///
/// - **Retryable responses** (``retryableStatuses``, by default 429 and 503) are retried for
///   every method, POST included: with these statuses the server says it did not process the
///   request, so sending it again cannot do the work twice. 502 and 504
///   (``idempotentRetryableStatuses``) come from a gateway that may have forwarded the request
///   before failing, so they are retried only for idempotent methods. The wait is the
///   response's `Retry-After` when it has one, otherwise exponential backoff with full jitter,
///   and never more than ``maxDelay``. When the retries run out the *last response* is
///   returned, not an error, so generated code maps it to its documented case (such as
///   `.tooManyRequests`) as it would without retries.
/// - **Transport errors** (connection reset, timeouts, DNS failures, ``RequestTimeout``) are
///   retried only for idempotent methods (``idempotentMethods``). A POST or PATCH that failed
///   this way may have reached the server, and resubmitting a job could bill its credits
///   twice. The exception is an error that proves the request never left this machine —
///   `URLError` `.cannotConnectToHost`, `.cannotFindHost`, `.dnsLookupFailed`,
///   `.notConnectedToInternet` and POSIX `ECONNREFUSED` — which is retried for every method.
///   Errors that retrying cannot fix (a bad URL, an untrusted certificate) are never retried.
///
/// Retrying stops after ``maxAttempts`` attempts or when the next wait would take the time
/// spent waiting past ``maxTotalDelay``, whichever comes first. Cancelling the calling task
/// stops it at once, with `CancellationError`.
public struct RetryPolicy: Sendable {
    /// The most attempts made, counting the first; values below 1 count as 1.
    public var maxAttempts: Int
    /// The most time spent waiting between attempts, in total; a retry whose wait would go past
    /// it is not made. Time spent in attempts themselves does not count.
    public var maxTotalDelay: Duration
    /// The backoff before the first retry; each further retry doubles it.
    public var baseDelay: Duration
    /// The longest single wait, for backoff and `Retry-After` alike, so a server asking for an
    /// hour cannot park the caller for an hour.
    public var maxDelay: Duration
    /// The fraction of the computed backoff actually waited, a value in `0..<1` ("full
    /// jitter"); values outside `0...1` are clamped.
    ///
    /// Spreading the waits at random keeps many clients that failed together (say, when a
    /// server restarted) from retrying in lock-step and overloading it again. Tests inject a
    /// constant. Not applied to `Retry-After`, which the server chose.
    public var jitter: @Sendable () -> Double
    /// Statuses retried for every method, because the server did not process the request.
    public var retryableStatuses: Set<Int>
    /// Statuses retried for idempotent methods only, because the request may have been
    /// processed before the failure.
    public var idempotentRetryableStatuses: Set<Int>
    /// The current time, against which an HTTP-date `Retry-After` is measured.
    public var now: @Sendable () -> Date
    /// Waits between attempts; must throw `CancellationError` when the task is cancelled, as
    /// `Task.sleep` does. Tests inject a closure that records the wait and returns at once.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a policy; the defaults make at most 4 attempts, waiting at most 60 s in total.
    public init(
        maxAttempts: Int = 4,
        maxTotalDelay: Duration = .seconds(60),
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(20),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        retryableStatuses: Set<Int> = [429, 503],
        idempotentRetryableStatuses: Set<Int> = [502, 504],
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = maxAttempts
        self.maxTotalDelay = maxTotalDelay
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.retryableStatuses = retryableStatuses
        self.idempotentRetryableStatuses = idempotentRetryableStatuses
        self.now = now
        self.sleep = sleep
    }

    /// One attempt and no retries: responses and errors reach the caller as they arrive.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The methods RFC 9110 (section 9.2.2) defines as idempotent, and QUERY (the HTTP QUERY
    /// method draft, OpenAPI 3.2's `query`), which is safe and idempotent: sending one twice has the
    /// same effect as sending it once, so it is safe to resend after any transport error.
    public static let idempotentMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE", "QUERY"]

    /// Whether `method` is idempotent; method names are case-sensitive in HTTP, but generated
    /// code and hand-written requests are not always upper-case, so case is ignored.
    static func isIdempotent(_ method: String) -> Bool {
        idempotentMethods.contains(method.uppercased())
    }

    /// Whether a response with `status` to a request with that idempotency is retried.
    func retries(status: Int, idempotent: Bool) -> Bool {
        retryableStatuses.contains(status) || (idempotent && idempotentRetryableStatuses.contains(status))
    }

    /// The wait before retry number `retry` (1 for the first retry) after `response`: its
    /// `Retry-After` if it has a valid one, otherwise backoff; at most ``maxDelay`` either way.
    func delay(beforeRetry retry: Int, after response: HTTPResponse) -> Duration {
        if let value = response.headers["Retry-After"],
           let requested = RetryAfter.delay(value, now: now()) {
            return min(requested, maxDelay)
        }
        return backoff(beforeRetry: retry)
    }

    /// Exponential backoff with full jitter before retry number `retry` (1 for the first):
    /// a random fraction of `min(maxDelay, baseDelay × 2^(retry − 1))`.
    func backoff(beforeRetry retry: Int) -> Duration {
        var ceiling = max(baseDelay, .zero)
        // Doubling stops at `maxDelay`, so a large retry count cannot overflow `Duration`.
        var step = 1
        while step < retry, ceiling < maxDelay {
            ceiling *= 2
            step += 1
        }
        ceiling = min(ceiling, maxDelay)
        let fraction = min(max(jitter(), 0), 1)
        return ceiling * fraction
    }
}
