import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import OpenFunnelJobs
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where one poll's time goes when nothing is added: the client (request, decoding, the job
/// layer), the fake server (``FakeOpenFunnelServer/handlingTime()``), and the rest of the
/// round trip, which is the transport (URLSession and libcurl, the loopback, FlyingFox).
struct RequestCost {
    var roundTrip: Double
    /// The client's processor time per poll answered in memory. Nothing else of the process
    /// runs then, so it is the client's time on an idle core; its wall time, on a loaded
    /// machine, counts the waits for a core too and can exceed the whole round trip's.
    var client: Double
    var server: Double
    var cpuPerRequest: Double
    var transport: Double { max(0, roundTrip - client - server) }

    /// Means over `requests` sequential polls of one 100-row page; seconds.
    static func measure(requests: Int, keepAlive: Bool, session: URLSessionConfiguration) async throws -> RequestCost {
        let server = FakeOpenFunnelServer(configuration: FakeServerConfiguration(
            completesOnSubmit: true, keepsConnectionsAlive: keepAlive))
        let url = try await server.start()
        let capturing = CapturingTransport(URLSessionTransport(configuration: session))
        let client = OpenFunnelClient(baseURL: url, apiKey: "bench-key", transport: capturing)
        let job = try await SearchJobs(api: client).submitLookalikes(
            BulkLookalikeSearchRequest(query: "drain benchmark", limit: 10_000))
        let cursor = "page_0001"
        for _ in 0..<10 { _ = try await job.poll(cursor: cursor) }  // connections and caches warm

        let before = server.handlingTime()
        let watch = Stopwatch()
        for _ in 0..<requests { _ = try await job.poll(cursor: cursor) }
        let (wall, cpu) = watch.read()
        let handled = server.handlingTime().since(before)
        await server.stop()

        guard let response = capturing.last, response.status == 200 else { throw CostError.noPage }
        let canned = OpenFunnelClient(baseURL: url, apiKey: "bench-key", transport: CannedTransport(response: response))
        let memoryJob = SearchJobs(api: canned).lookalikeJob(id: job.jobID)
        for _ in 0..<10 { _ = try await memoryJob.poll(cursor: cursor) }
        let clientWatch = Stopwatch()
        for _ in 0..<requests { _ = try await memoryJob.poll(cursor: cursor) }
        let clientCPU = clientWatch.read().cpu

        return RequestCost(
            roundTrip: wall / Double(requests), client: clientCPU / Double(requests),
            server: seconds(handled.mean), cpuPerRequest: cpu / Double(requests))
    }

    enum CostError: Error { case noPage }
}
