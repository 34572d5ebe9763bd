import Foundation
import OpenAPIGenAsyncHTTPClient
import OpenAPIGenRuntime
import OpenFunnel
import OpenFunnelFakeServer
import Testing

/// The generated OpenFunnel client on this transport, against the fake OpenFunnel server.
@Suite struct OpenFunnelTests {
    @Test func aJobIsSubmittedPolledAndCancelled() async throws {
        let transport = AsyncHTTPClientTransport()
        defer { Task { try await transport.shutdown() } }
        let server = FakeOpenFunnelServer(configuration: FakeServerConfiguration(pageInterval: .milliseconds(2)))
        let url = try await server.start()
        do {
            let client = OpenFunnelClient(baseURL: url, apiKey: "key-a", transport: transport,
                                          options: ClientOptions(retry: RetryPolicy(sleep: { _ in }), requestTimeout: .seconds(10)))
            let request = BulkLookalikeSearchRequest(query: "Healthcare companies building with voice AI", limit: 120)
            let accepted = try await client.searchLookalikesBulk(body: request)
            #expect(accepted.requestedTopK == 120)
            let status = try await client.searchLookalikesBulkStatus(jobID: accepted.jobID)
            #expect(status.jobID == accepted.jobID)
            #expect(try await client.searchLookalikesBulkStatus(.init(jobID: "no-such-job")) == .notFound())
            // A key the server does not know: a documented error case, not a transport failure.
            let stranger = OpenFunnelClient(baseURL: url, apiKey: "", transport: transport)
            #expect(try await stranger.searchLookalikesBulkStatus(.init(jobID: accepted.jobID)).statusCode >= 400)
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }
}
