import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import OpenFunnelJobs
import Testing

/// Input the spec forbids never leaves the client: the server sees no request at all.
@Suite struct ClientValidationTests {
    @Test(arguments: [
        (BulkLookalikeSearchRequest(query: "x", limit: 20_000), "limit"),
        (BulkLookalikeSearchRequest(seedDomains: (0..<11).map { "seed\($0).example" }), "seed_domains"),
        (BulkLookalikeSearchRequest(query: "", limit: 10), "query"),
        (BulkLookalikeSearchRequest(query: "x", minEmployees: -1), "min_employees"),
    ])
    func anInvalidLookalikeSubmitIsNotSent(request: BulkLookalikeSearchRequest, path: String) async throws {
        try await withFakeServer { server, url in
            let error = await #expect(throws: ClientError.self) {
                _ = try await SearchJobs(api: makeClient(url)).submitLookalikes(request)
            }
            guard case .invalidInput(let operationID, let failure) = error else {
                Issue.record("expected invalid input, got \(String(describing: error))")
                return
            }
            #expect(operationID == Operations.SearchLookalikesBulk.id)
            #expect(failure.issues.map(\.path) == [path])
            #expect(await server.totalRequestCount() == 0)
        }
    }

    @Test func anInvalidTechIntentSubmitIsNotSent() async throws {
        try await withFakeServer { server, url in
            let request = TechIntentSearchRequest(tech: "", activity: "migrating", lookbackDays: 400)
            let error = await #expect(throws: ClientError.self) {
                _ = try await makeClient(url).techIntentSearchSubmit(body: request)
            }
            guard case .invalidInput(_, let failure) = error else {
                Issue.record("expected invalid input")
                return
            }
            #expect(failure.issues.map(\.path) == ["tech", "lookback_days"])
            #expect(await server.totalRequestCount() == 0)
        }
    }

    @Test func anOutOfRangePageLimitIsNotSent() async throws {
        try await withFakeServer { server, url in
            await #expect(throws: ClientError.self) {
                _ = try await makeClient(url).searchLookalikesBulkStatus(jobID: "any", limit: 500)
            }
            #expect(await server.requestCount(for: .searchLookalikesBulkStatus) == 0)
        }
    }
}
