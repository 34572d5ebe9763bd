import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import OpenFunnelJobs
import Testing

/// The job layer end to end: submit, wait, read, stream, cancel. Most tests drive the fake's
/// clock from the polling policy's sleep, so each poll finds the job one step on and nothing
/// depends on how fast the machine is; one runs on real (short) time.
@Suite struct JobFlowTests {
    private static func manualServer(_ clock: ManualClock, failAfterPages: Int? = nil) -> FakeServerConfiguration {
        FakeServerConfiguration(pageInterval: .milliseconds(10), failAfterPages: failAfterPages, now: { clock.now() })
    }

    @Test func waitReportsGrowingProgressThenRowsArriveInOrder() async throws {
        let clock = ManualClock()
        try await withFakeServer(Self.manualServer(clock)) { _, url in
            let jobs = SearchJobs(api: makeClient(url), polling: manualPolling(clock))
            let request = lookalikeRequest(limit: 450)
            let job = try await jobs.submitLookalikes(request)
            let seen = Recorded<JobProgress>()
            let final = try await job.wait { seen.append($0) }

            #expect(final.status == .completed)
            #expect(final.manifest?.count == 450)
            #expect(final.manifest?.pages == 5)
            #expect(final.manifest?.pageSize == 100)
            #expect(final.manifest?.creditsConsumed == 450)
            #expect(final.manifest?.partial == false)
            let processed = seen.values.compactMap(\.processed)
            #expect(processed == processed.sorted())
            #expect(Set(processed).count >= 4)
            #expect(processed.last == 450)
            #expect(seen.values.first?.status == .pending)
            #expect(Set(seen.values.compactMap(\.message)).isSuperset(of: [
                "retrieving_companies", "qualifying_companies", "reranking_companies", "completed",
            ]))
            #expect(seen.values.last?.fraction == 1)

            let rows = try await collect(job.rows())
            #expect(rows == (0..<450).map { FakeCompanies.lookalikeRow($0, for: request) })
        }
    }

    @Test func aJobOnRealTimeCompletesAndReadsInFull() async throws {
        let configuration = FakeServerConfiguration(pageInterval: .milliseconds(2))
        try await withFakeServer(configuration) { _, url in
            let polling = PollingPolicy(
                initialInterval: .milliseconds(5), multiplier: 1.2, maxInterval: .milliseconds(20), deadline: .seconds(5))
            let jobs = SearchJobs(api: makeClient(url), polling: polling)
            let request = lookalikeRequest("real time", limit: 1_000)
            let rows = try await collect(try await jobs.submitLookalikes(request).rows())
            #expect(rows.count == 1_000)
            #expect(rows.first == FakeCompanies.lookalikeRow(0, for: request))
            #expect(rows.last == FakeCompanies.lookalikeRow(999, for: request))
            #expect(Set(rows.compactMap(\.domain)).count == 1_000)
        }
    }

    @Test func streamingYieldsRowsWhileTheJobIsStillRunning() async throws {
        let clock = ManualClock()
        try await withFakeServer(Self.manualServer(clock)) { _, url in
            let jobs = SearchJobs(api: makeClient(url), polling: manualPolling(clock))
            let request = lookalikeRequest(limit: 420)
            let job = try await jobs.submitLookalikes(request)
            let latest = Recorded<JobStatus>()
            var statusAtEachRow: [JobStatus] = []
            var rows: [BulkLookalikeResultRow] = []
            for try await row in job.rows(streaming: true, progress: { latest.append($0.status) }) {
                rows.append(row)
                statusAtEachRow.append(latest.values.last ?? .pending)
            }
            #expect(rows == (0..<420).map { FakeCompanies.lookalikeRow($0, for: request) })
            // The first page was in hand before the job had finished.
            #expect(statusAtEachRow.first == .running)
            #expect(statusAtEachRow.filter { $0 == .running }.count >= 300)
            #expect(latest.values.last == .completed)
        }
    }

    @Test func cancellingMidRunKeepsTheDeliveredRows() async throws {
        let clock = ManualClock()
        try await withFakeServer(Self.manualServer(clock)) { server, url in
            let jobs = SearchJobs(api: makeClient(url), polling: manualPolling(clock))
            let request = lookalikeRequest(limit: 1_000)
            let job = try await jobs.submitLookalikes(request)

            // Let it deliver some pages: a bounded loop on the fake clock, no real waiting.
            var delivered = 0
            for _ in 0..<100 where delivered < 300 {
                clock.advance(by: .milliseconds(10))
                delivered = try await job.poll().processed ?? 0
            }
            #expect(delivered == 300)

            #expect(try await job.cancel() == .cancelling)
            #expect(try await job.poll().status == .cancelling)
            clock.advance(by: .milliseconds(50))  // later pages would have been written by now
            let final = try await job.wait()
            #expect(final.status == .cancelled)
            let manifest = try #require(final.manifest)
            #expect(manifest.partial == true)
            #expect(manifest.count == nil)
            #expect(manifest.pages == 3)
            #expect(manifest.creditsConsumed == 300)
            #expect(final.processed == 300)
            #expect(final.progressMessage == "cancelled")

            let rows = try await collect(job.rows())
            #expect(rows == (0..<300).map { FakeCompanies.lookalikeRow($0, for: request) })
            await #expect(throws: JobError.alreadyFinished(jobID: job.jobID)) {
                try await job.cancel()
            }
            #expect(await server.requestCount(for: .searchLookalikesBulkCancel) == 2)
        }
    }

    @Test func aFailedJobYieldsItsRowsThenThrows() async throws {
        let clock = ManualClock()
        try await withFakeServer(Self.manualServer(clock, failAfterPages: 2)) { _, url in
            let jobs = SearchJobs(api: makeClient(url), polling: manualPolling(clock))
            let job = try await jobs.submitLookalikes(lookalikeRequest(limit: 500))
            var count = 0
            let error = await #expect(throws: JobError.self) {
                for try await _ in job.rows() { count += 1 }
            }
            #expect(count == 200)
            guard case .failed(let id, let message) = error else {
                Issue.record("expected .failed, got \(String(describing: error))")
                return
            }
            #expect(id == job.jobID)
            #expect(message?.contains("2 page(s)") == true)
        }
    }

    @Test func aCompletedJobDrainsEveryPageInOrder() async throws {
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true)) { server, url in
            let jobs = SearchJobs(api: makeClient(url), pageConcurrency: 8)
            let request = lookalikeRequest("drain", limit: 10_000)
            let job = try await jobs.submitLookalikes(request)
            #expect(try await job.poll().status == .completed)
            let rows = try await collect(job.rows())
            #expect(rows.count == 10_000)
            #expect(rows.first == FakeCompanies.lookalikeRow(0, for: request))
            #expect(rows.last == FakeCompanies.lookalikeRow(9_999, for: request))
            // One poll above, one `wait`, then the 99 pages after the first.
            #expect(await server.requestCount(for: .searchLookalikesBulkStatus) == 101)
        }
    }

    @Test func aTechIntentJobRunsThroughTheSameLayer() async throws {
        let clock = ManualClock()
        try await withFakeServer(Self.manualServer(clock)) { _, url in
            let jobs = SearchJobs(api: makeClient(url), polling: manualPolling(clock))
            let request = techIntentRequest(limit: 250)
            let job = try await jobs.submitTechIntent(request)
            let rows = try await collect(job.rows(streaming: true))
            #expect(rows == (0..<250).map { FakeCompanies.techIntentRow($0, for: request) })
            #expect(rows.allSatisfy { $0.enriched == false && $0.employeeCount == nil && $0.intent?.qualifiedJob != nil })
            let final = try await job.poll()
            #expect(final.manifest?.companiesQualified == 250)
            await #expect(throws: JobError.cancelUnsupported(kind: "tech intent")) {
                try await job.cancel()
            }
        }
    }

    @Test func aSearchThatFindsFewerCompaniesThanAskedForCompletesEarly() async throws {
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true, maxResults: 130)) { _, url in
            let job = try await SearchJobs(api: makeClient(url)).submitLookalikes(lookalikeRequest(limit: 1_000))
            let final = try await job.wait()
            #expect(final.manifest?.count == 130)
            #expect(final.manifest?.pages == 2)
            #expect(try await collect(job.rows()).count == 130)
        }
    }
}

/// Values appended from `@Sendable` callbacks and read by the test.
final class Recorded<Value: Sendable>: Sendable {
    private let lock = NSLock()
    private nonisolated(unsafe) var stored: [Value] = []

    var values: [Value] { lock.withLock { stored } }

    func append(_ value: Value) {
        lock.withLock { stored.append(value) }
    }
}
