import Foundation

/// A scripted misbehaviour for one request, queued with
/// ``FakeOpenFunnelServer/inject(_:times:into:)``.
///
/// Faults are applied after the request is counted and before anything else looks at it, so a
/// faulted request never creates, reads or cancels a job: exactly what a client sees when a
/// rate limiter, a load balancer or a network in front of the real service misbehaves.
public enum FakeFault: Sendable, Hashable {
    /// HTTP 429 with `Retry-After` when given (`{"detail": "Rate limit reached…"}`).
    case rateLimited(retryAfter: RetryAfter?)
    /// HTTP 503 with a `ServiceUnavailableResponse` body, and `Retry-After` when given.
    case serviceUnavailable(detail: String = FakeFault.unavailableDetail, retryAfter: RetryAfter? = nil)
    /// Closes the connection without sending a single byte of response.
    ///
    /// The request was read in full, so for a submit the client cannot know whether it was
    /// acted on: the case the runtime must not retry for a POST. (The fake does not act on it.)
    ///
    /// With `URLSessionTransport` on Linux the client sees `URLError(.badServerResponse)`
    /// ("Empty reply from server") at once, when the connection is new, as it always is unless
    /// ``FakeServerConfiguration/keepsConnectionsAlive`` is on. On a reused connection libcurl
    /// handles the drop itself: it silently resends a GET (the server counts two requests, the
    /// runtime sees one), and a POST with a body hangs until the client's timeout.
    case dropConnection
    /// Answers normally, but only after `delay`; longer than the client's `requestTimeout`,
    /// it makes the client time out while the server still does the work.
    case delay(Duration)
    /// Answers `status` with `body` as `application/json`, e.g. an undocumented 500.
    case status(Int, body: String = #"{"detail":"Internal Server Error"}"#)

    /// The default 503 detail, worded like the spec's description of the status.
    public static let unavailableDetail = "The service is temporarily unavailable. Please try again shortly."
}
