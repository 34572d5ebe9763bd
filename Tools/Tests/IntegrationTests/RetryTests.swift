import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import Testing

/// The runtime's retries against a server that rate-limits, goes away and drops connections.
/// Waits are recorded by the injected sleep, never slept; attempts are counted by the server.
@Suite struct RetryTests {
    @Test func rateLimitedSubmitWaitsRetryAfterThenSucceeds() async throws {
        try await withFakeServer { server, url in
            await server.inject(.rateLimited(retryAfter: .seconds(2)), into: .searchLookalikesBulk)
            let recorder = SleepRecorder()
            let client = makeClient(url, retry: recorder.retryPolicy())
            let accepted = try await client.searchLookalikesBulk(body: lookalikeRequest())
            #expect(!accepted.jobID.isEmpty)
            #expect(recorder.waits == [.seconds(2)])
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 2)
            // The rate-limited attempt did nothing: one job, not two.
            #expect(await server.jobCount() == 1)
        }
    }

    @Test func retryAfterAsAnHTTPDateIsMeasuredFromNow() async throws {
        try await withFakeServer { server, url in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            await server.inject(.rateLimited(retryAfter: .date(now.addingTimeInterval(9))), into: .searchLookalikesBulk)
            let recorder = SleepRecorder()
            var policy = recorder.retryPolicy()
            policy.now = { now }
            let client = makeClient(url, retry: policy)
            _ = try await client.searchLookalikesBulk(body: lookalikeRequest())
            #expect(recorder.waits == [.seconds(9)])
        }
    }

    @Test func unavailableIsRetriedWithBackoff() async throws {
        try await withFakeServer { server, url in
            await server.inject(.serviceUnavailable(), times: 2, into: .techIntentSearchSubmit)
            let recorder = SleepRecorder()
            let client = makeClient(url, retry: recorder.retryPolicy())
            _ = try await client.techIntentSearchSubmit(body: techIntentRequest())
            // No Retry-After: backoff from the default 500 ms, doubling (jitter fixed at 1).
            #expect(recorder.waits == [.milliseconds(500), .seconds(1)])
            #expect(await server.requestCount(for: .techIntentSearchSubmit) == 3)
        }
    }

    @Test func rateLimitingThatOutlastsTheRetriesIsReturnedAsTheDocumentedCase() async throws {
        try await withFakeServer { server, url async throws in
            await server.inject(.rateLimited(retryAfter: .seconds(1)), times: 10, into: .searchLookalikesBulk)
            let recorder = SleepRecorder()
            let client = makeClient(url, retry: recorder.retryPolicy(maxAttempts: 3))
            #expect(try await client.searchLookalikesBulk(.init(body: lookalikeRequest())) == .tooManyRequests(headers: .init(retryAfter: "1")))
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 3)
            #expect(recorder.waits == [.seconds(1), .seconds(1)])
        }
    }

    @Test func aSubmitWhoseConnectionDropsIsNotSentAgain() async throws {
        try await withFakeServer { server, url in
            await server.inject(.dropConnection, into: .searchLookalikesBulk)
            let recorder = SleepRecorder()
            // A fresh client: the submit is the first request on its connection (see
            // `FakeFault.dropConnection` for what a reused connection does on Linux).
            let client = makeClient(url, retry: recorder.retryPolicy())
            let error = await #expect(throws: ClientError.self) {
                _ = try await client.searchLookalikesBulk(body: lookalikeRequest())
            }
            guard case .transport(let operationID, _) = error else {
                Issue.record("expected a transport error, got \(String(describing: error))")
                return
            }
            #expect(operationID == Operations.SearchLookalikesBulk.id)
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 1)
            #expect(recorder.waits.isEmpty)
            #expect(await server.jobCount() == 0)
        }
    }

    @Test func aSubmitThatTimesOutIsNotSentAgainThoughTheServerActedOnIt() async throws {
        try await withFakeServer { server, url in
            await server.inject(.delay(.seconds(1)), into: .searchLookalikesBulk)
            let recorder = SleepRecorder()
            let client = makeClient(url, retry: recorder.retryPolicy(), requestTimeout: .milliseconds(250))
            let error = await #expect(throws: ClientError.self) {
                _ = try await client.searchLookalikesBulk(body: lookalikeRequest())
            }
            guard case .transport(_, let underlying) = error else {
                Issue.record("expected a transport error, got \(String(describing: error))")
                return
            }
            #expect(underlying is RequestTimeout)
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 1)
            #expect(recorder.waits.isEmpty)
            // Why resending would be wrong: the slow submit still created its job.
            #expect(await eventually { await server.jobCount() == 1 })
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 1)
        }
    }

    @Test func aCancelWhoseConnectionDropsIsNotSentAgain() async throws {
        try await withFakeServer { server, url in
            await server.inject(.dropConnection, into: .searchLookalikesBulkCancel)
            let client = makeClient(url, retry: SleepRecorder().retryPolicy())
            await #expect(throws: ClientError.self) {
                _ = try await client.searchLookalikesBulkCancel(jobID: "any")
            }
            #expect(await server.requestCount(for: .searchLookalikesBulkCancel) == 1)
        }
    }

    @Test func aPollWhoseConnectionDropsIsRetried() async throws {
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true)) { server, url in
            let job = try await makeClient(url).searchLookalikesBulk(body: lookalikeRequest())
            await server.inject(.dropConnection, into: .searchLookalikesBulkStatus)
            let recorder = SleepRecorder()
            let client = makeClient(url, retry: recorder.retryPolicy())
            let page = try await client.searchLookalikesBulkStatus(jobID: job.jobID)
            #expect(page.status == "completed")
            #expect(await server.requestCount(for: .searchLookalikesBulkStatus) == 2)
            // One wait: the runtime retried, not the HTTP stack underneath it.
            #expect(recorder.waits.count == 1)
        }
    }

    @Test func latencyIsAddedToEveryResponse() async throws {
        try await withFakeServer(FakeServerConfiguration(latency: .milliseconds(20))) { _, url in
            let client = makeClient(url)
            let start = ContinuousClock.now
            _ = try await client.searchLookalikesBulkStatus(.init(jobID: "any"))
            _ = try await client.searchLookalikesBulkStatus(.init(jobID: "any"))
            #expect(ContinuousClock.now - start >= .milliseconds(40))
        }
    }
}
