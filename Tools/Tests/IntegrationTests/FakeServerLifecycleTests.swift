import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import Testing

/// Starting and stopping the fake itself.
@Suite struct FakeServerLifecycleTests {
    @Test func startsOnAFreeLoopbackPortAndStopsListening() async throws {
        let server = FakeOpenFunnelServer()
        let url = try await server.start()
        #expect(url.host == "127.0.0.1")
        #expect((url.port ?? 0) > 0)
        #expect(try await server.start() == url)
        #expect(await server.baseURL == url)

        let client = makeClient(url, retry: .none)
        let job = try await client.searchLookalikesBulk(body: lookalikeRequest())
        await server.stop()
        #expect(await server.baseURL == nil)
        await #expect(throws: ClientError.self) {
            _ = try await makeClient(url, retry: .none).searchLookalikesBulkStatus(jobID: job.jobID)
        }

        // Restarted, it serves the jobs it had.
        let again = try await server.start()
        #expect(try await makeClient(again).searchLookalikesBulkStatus(.init(jobID: job.jobID)).statusCode == 200)
        await server.stop()
    }

    @Test func twoServersDoNotShareJobsOrPorts() async throws {
        try await withFakeServer { first, firstURL in
            try await withFakeServer { second, secondURL in
                #expect(firstURL != secondURL)
                let job = try await makeClient(firstURL).searchLookalikesBulk(body: lookalikeRequest())
                #expect(try await makeClient(secondURL).searchLookalikesBulkStatus(.init(jobID: job.jobID)) == .notFound())
                #expect(await first.jobCount() == 1)
                #expect(await second.jobCount() == 0)
            }
        }
    }
}
