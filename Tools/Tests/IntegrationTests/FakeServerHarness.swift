import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import OpenFunnelJobs
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `body` against a fake server started for it alone, and stops the server however
/// `body` ends (Swift Testing has no async tear-down).
func withFakeServer<T>(
    _ configuration: FakeServerConfiguration = FakeServerConfiguration(pageInterval: .milliseconds(2)),
    _ body: (FakeOpenFunnelServer, URL) async throws -> T
) async throws -> T {
    let server = FakeOpenFunnelServer(configuration: configuration)
    let url = try await server.start()
    do {
        let result = try await body(server, url)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// A client of the fake with its own URL session, so that no connection is shared between
/// tests, and retries whose waits are recorded instead of slept.
func makeClient(
    _ url: URL, apiKey: String = "key-a", retry: RetryPolicy = RetryPolicy(sleep: { _ in }),
    requestTimeout: Duration? = .seconds(5)
) -> OpenFunnelClient {
    OpenFunnelClient(
        baseURL: url, apiKey: apiKey,
        transport: URLSessionTransport(configuration: .ephemeral),
        options: ClientOptions(retry: retry, requestTimeout: requestTimeout))
}

/// Records the waits a `RetryPolicy` asks for and returns at once.
final class SleepRecorder: Sendable {
    private let lock = NSLock()
    private nonisolated(unsafe) var recorded: [Duration] = []

    var waits: [Duration] { lock.withLock { recorded } }

    /// Pass as `RetryPolicy(sleep:)` or `PollingPolicy(sleep:)`.
    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in
            try Task.checkCancellation()
            lock.withLock { recorded.append(duration) }
        }
    }

    /// A policy with no jitter, so backoff waits are predictable, sleeping through this recorder.
    func retryPolicy(maxAttempts: Int = 4) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, jitter: { 1 }, sleep: sleep)
    }
}

/// A polling policy whose every pause advances `clock` instead of waiting: each poll finds the
/// job exactly one pause further on, whatever the machine's speed.
func manualPolling(_ clock: ManualClock, every interval: Duration = .milliseconds(10)) -> PollingPolicy {
    PollingPolicy(
        initialInterval: interval, multiplier: 1, maxInterval: interval, deadline: .seconds(10),
        sleep: { duration in
            try Task.checkCancellation()
            clock.advance(by: duration)
            await Task.yield()
        })
}

/// Polls `condition` until it holds, sleeping briefly between tries, for at most `timeout`;
/// returns whether it held. For conditions that depend on real time, instead of a fixed sleep.
func eventually(
    timeout: Duration = .seconds(3), _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return try await condition()
}

/// Every element of a row stream, in order.
func collect<Row>(_ rows: AsyncThrowingStream<Row, any Error>) async throws -> [Row] {
    var all: [Row] = []
    for try await row in rows {
        all.append(row)
    }
    return all
}

/// Sends a raw request, for what the typed client cannot send (no key, malformed JSON).
func rawRequest(
    _ url: URL, method: String, path: String, headers: [String: String] = [:], body: String? = nil
) async throws -> (status: Int, headers: [String: String], body: Data) {
    var request = URLRequest(url: url.appendingPathComponent(String(path.dropFirst())))
    request.httpMethod = method
    for (name, value) in headers {
        request.setValue(value, forHTTPHeaderField: name)
    }
    request.httpBody = body.map { Data($0.utf8) }
    let session = URLSession(configuration: .ephemeral)
    let (data, response) = try await session.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        if let name = name as? String { fields[name.lowercased()] = value as? String }
    }
    return (http.statusCode, fields, data)
}

/// A lookalike request the client accepts.
func lookalikeRequest(_ query: String = "Healthcare companies building with voice AI", limit: Int = 250)
    -> BulkLookalikeSearchRequest
{
    BulkLookalikeSearchRequest(query: query, limit: limit)
}

/// A tech-intent request the client accepts.
func techIntentRequest(limit: Int = 150, enrich: Bool = false) -> TechIntentSearchRequest {
    TechIntentSearchRequest(tech: "Snowflake", activity: "migrating off Redshift to Snowflake", limit: limit, enrich: enrich)
}
