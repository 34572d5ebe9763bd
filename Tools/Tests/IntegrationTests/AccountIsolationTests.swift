import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import OpenFunnelJobs
import Testing

/// Jobs belong to the API key that submitted them; other keys are told they don't exist.
@Suite struct AccountIsolationTests {
    @Test func anotherKeysJobIsNotFoundAndCannotBeCancelled() async throws {
        let clock = ManualClock()
        let configuration = FakeServerConfiguration(pageInterval: .milliseconds(10), now: { clock.now() })
        try await withFakeServer(configuration) { _, url in
            let alice = makeClient(url, apiKey: "key-alice")
            let bob = makeClient(url, apiKey: "key-bob")
            let job = try await alice.searchLookalikesBulk(body: lookalikeRequest(limit: 500))

            #expect(try await bob.searchLookalikesBulkStatus(.init(jobID: job.jobID)) == .notFound())
            #expect(try await bob.searchLookalikesBulkCancel(.init(jobID: job.jobID)) == .notFound())

            // Bob's cancel did nothing: Alice's job runs to completion.
            clock.advance(by: .seconds(1))
            let finished = try await alice.searchLookalikesBulkStatus(jobID: job.jobID)
            #expect(finished.status == "completed")
            #expect(finished.manifest?.count == 500)
        }
    }

    @Test func eachKeySeesItsOwnJobsThroughTheJobLayer() async throws {
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true)) { server, url in
            let alice = SearchJobs(api: makeClient(url, apiKey: "key-alice"))
            let bob = SearchJobs(api: makeClient(url, apiKey: "key-bob"))
            let aliceJob = try await alice.submitLookalikes(lookalikeRequest("alice's search", limit: 120))
            let bobJob = try await bob.submitLookalikes(lookalikeRequest("bob's search", limit: 30))

            #expect(try await collect(aliceJob.rows()).count == 120)
            #expect(try await collect(bobJob.rows()).count == 30)
            await #expect(throws: JobError.notFound(jobID: aliceJob.jobID)) {
                _ = try await bob.lookalikeJob(id: aliceJob.jobID).poll()
            }
            await #expect(throws: JobError.notFound(jobID: bobJob.jobID)) {
                try await alice.lookalikeJob(id: bobJob.jobID).cancel()
            }
            // The in-memory service is the same store, seen per key.
            let aliceInMemory = SearchJobs(api: server.service(apiKey: "key-alice"))
            #expect(try await aliceInMemory.lookalikeJob(id: aliceJob.jobID).poll().status == .completed)
        }
    }
}
