import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import Testing

/// Every operation through the generated client over real HTTP, one test per documented
/// status (and some undocumented ones).
@Suite struct OperationStatusTests {
    @Test func submitPollAndCancelALookalikeJob() async throws {
        let clock = ManualClock()
        try await withFakeServer(FakeServerConfiguration(pageInterval: .milliseconds(10), now: { clock.now() })) { _, url in
            let client = makeClient(url)
            guard case .ok(let accepted, _) = try await client.searchLookalikesBulk(.init(body: lookalikeRequest(limit: 300))) else {
                Issue.record("submit was not accepted")
                return
            }
            #expect(accepted.status == "pending")
            #expect(accepted.requestedTopK == 300)

            guard case .ok(let pending, _) = try await client.searchLookalikesBulkStatus(.init(jobID: accepted.jobID)) else {
                Issue.record("poll failed")
                return
            }
            #expect(pending.status == "pending")
            #expect(pending.processed == nil)
            #expect(pending.rows == [])
            #expect(pending.nextCursor == nil)

            clock.advance(by: .milliseconds(35))  // started, and two pages written
            let running = try await client.searchLookalikesBulkStatus(jobID: accepted.jobID)
            #expect(running.status == "running")
            #expect(running.processed == 200)
            #expect(running.progressMessage == "qualifying_companies")
            #expect(running.page == "page_0000")
            #expect(running.nextCursor == "page_0001")
            #expect(running.count == 100)
            #expect(running.manifest == nil)

            let second = try await client.searchLookalikesBulkStatus(jobID: accepted.jobID, cursor: "page_0001")
            #expect(second.page == "page_0001")
            // The last page written so far: no next cursor although the job is not done.
            #expect(second.nextCursor == nil)
            #expect(second.rows?.first == FakeCompanies.lookalikeRow(100, for: lookalikeRequest(limit: 300)))

            guard case .ok(let cancelled, _) = try await client.searchLookalikesBulkCancel(.init(jobID: accepted.jobID)) else {
                Issue.record("cancel was not accepted")
                return
            }
            #expect(cancelled.status == "cancelling")
            #expect(cancelled.jobID == accepted.jobID)
        }
    }

    @Test func submitAndPollATechIntentJob() async throws {
        let clock = ManualClock()
        try await withFakeServer(FakeServerConfiguration(pageInterval: .milliseconds(10), now: { clock.now() })) { _, url in
            let client = makeClient(url)
            let request = techIntentRequest(limit: 150, enrich: true)
            guard case .ok(let accepted, _) = try await client.techIntentSearchSubmit(.init(body: request)) else {
                Issue.record("submit was not accepted")
                return
            }
            #expect(accepted.requestedLimit == 150)
            #expect(accepted.status == "pending")

            clock.advance(by: .seconds(1))
            guard case .ok(let done, _) = try await client.techIntentSearchStatus(.init(jobID: accepted.jobID)) else {
                Issue.record("poll failed")
                return
            }
            #expect(done.status == "completed")
            #expect(done.manifest?.count == 150)
            #expect(done.manifest?.pages == 2)
            #expect(done.manifest?.tech == "Snowflake")
            #expect(done.manifest?.partial == false)
            #expect(done.nextCursor == "page_0001")
            let row = try #require(done.rows?.first)
            #expect(row == FakeCompanies.techIntentRow(0, for: request))
            #expect(row.enriched == true && row.employeeCount != nil)
            #expect(row.intent?.activity == request.activity)
            #expect(row.intent?.qualifiedJob?.created == row.lastPostedAt)

            let last = try await client.techIntentSearchStatus(jobID: accepted.jobID, cursor: "page_0001")
            #expect(last.count == 50)
            #expect(last.nextCursor == nil)
        }
    }

    @Test func unknownJobIsNotFoundForEveryJobOperation() async throws {
        try await withFakeServer { _, url async throws in
            let client = makeClient(url)
            #expect(try await client.searchLookalikesBulkStatus(.init(jobID: "no-such-job")) == .notFound())
            #expect(try await client.searchLookalikesBulkCancel(.init(jobID: "no-such-job")) == .notFound())
            #expect(try await client.techIntentSearchStatus(.init(jobID: "no-such-job")) == .notFound())
            // The convenience form throws the decoded case.
            let error = await #expect(throws: OperationError<Operations.SearchLookalikesBulkStatus.Output>.self) {
                try await client.searchLookalikesBulkStatus(jobID: "no-such-job")
            }
            #expect(error?.statusCode == 404)
        }
    }

    @Test func jobsOfOneKindAreUnknownToTheOtherKindsEndpoints() async throws {
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true)) { _, url in
            let client = makeClient(url)
            let lookalike = try await client.searchLookalikesBulk(body: lookalikeRequest())
            let tech = try await client.techIntentSearchSubmit(body: techIntentRequest())
            #expect(try await client.techIntentSearchStatus(.init(jobID: lookalike.jobID)) == .notFound())
            #expect(try await client.searchLookalikesBulkStatus(.init(jobID: tech.jobID)) == .notFound())
            #expect(try await client.searchLookalikesBulkCancel(.init(jobID: tech.jobID)) == .notFound())
        }
    }

    @Test func cancellingAFinishedJobIsAConflict() async throws {
        let clock = ManualClock()
        let configuration = FakeServerConfiguration(pageInterval: .milliseconds(10), now: { clock.now() })
        try await withFakeServer(configuration) { _, url in
            let client = makeClient(url)
            let completed = try await client.searchLookalikesBulk(body: lookalikeRequest(limit: 100))
            clock.advance(by: .seconds(1))
            #expect(try await client.searchLookalikesBulkCancel(.init(jobID: completed.jobID)) == .conflict())

            // A cancelled job has finished too, once it has settled.
            let running = try await client.searchLookalikesBulk(body: lookalikeRequest(limit: 1_000))
            clock.advance(by: .milliseconds(25))
            _ = try await client.searchLookalikesBulkCancel(jobID: running.jobID)
            #expect(try await client.searchLookalikesBulkStatus(jobID: running.jobID).status == "cancelling")
            // Cancelling twice while cancelling is answered like the first time.
            #expect(try await client.searchLookalikesBulkCancel(jobID: running.jobID).status == "cancelling")
            clock.advance(by: .milliseconds(10))
            #expect(try await client.searchLookalikesBulkStatus(jobID: running.jobID).status == "cancelled")
            let error = await #expect(throws: OperationError<Operations.SearchLookalikesBulkCancel.Output>.self) {
                try await client.searchLookalikesBulkCancel(jobID: running.jobID)
            }
            #expect(error?.output == .conflict())
        }
    }

    @Test func aBodyTheClientCannotCheckIsRejectedWithDecodedDetails() async throws {
        try await withFakeServer { server, url in
            let client = makeClient(url)
            // Neither `query` nor `seed_domains`: the spec says so only in prose, so the
            // generated validator lets it through and the server answers 422.
            let output = try await client.searchLookalikesBulk(.init(body: BulkLookalikeSearchRequest(limit: 10)))
            guard case .unprocessableContent(let error, _) = output else {
                Issue.record("expected 422, got \(output.statusCode)")
                return
            }
            let detail = try #require(error.detail?.first)
            #expect(detail.loc == [.string("body")])
            #expect(detail.type == "value_error")
            #expect(detail.msg == "Value error, At least one of `query` or `seed_domains` is required.")
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 1)
            #expect(await server.jobCount() == 0)
        }
    }

    @Test func contradictoryTechIntentFiltersAreABadRequest() async throws {
        try await withFakeServer { _, url async throws in
            let client = makeClient(url)
            var request = techIntentRequest()
            request.minEmployeeCount = 500
            request.maxEmployeeCount = 50
            #expect(try await client.techIntentSearchSubmit(.init(body: request)) == .badRequest())
        }
    }

    @Test func aCursorNamingNoPageIsAValidationError() async throws {
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true)) { _, url in
            let client = makeClient(url)
            let job = try await client.searchLookalikesBulk(body: lookalikeRequest())
            guard case .unprocessableContent(let error, _) = try await client.searchLookalikesBulkStatus(
                .init(jobID: job.jobID, cursor: "not-a-page"))
            else {
                Issue.record("expected 422")
                return
            }
            #expect(error.detail?.first?.loc == [.string("query"), .string("cursor")])
        }
    }

    @Test func undocumentedStatusesReachTheCallerWithTheirResponse() async throws {
        try await withFakeServer(FakeServerConfiguration(apiKeys: ["key-a"])) { server, url in
            // An unknown key: 401, which the spec does not list.
            let stranger = makeClient(url, apiKey: "key-unknown")
            guard case .undocumented(let status, let response) = try await stranger.searchLookalikesBulk(
                .init(body: lookalikeRequest()))
            else {
                Issue.record("expected an undocumented status")
                return
            }
            #expect(status == 401)
            let body = try JSONCoding.decode([String: String].self, from: response.body)
            #expect(body["detail"] == "Invalid API key.")

            // A scripted 500.
            await server.inject(.status(500), into: .searchLookalikesBulkStatus)
            let client = makeClient(url)
            let output = try await client.searchLookalikesBulkStatus(.init(jobID: "any"))
            #expect(output.statusCode == 500)
            if case .undocumented(_, let response) = output {
                #expect(response.headers["Content-Type"] == "application/json")
            } else {
                Issue.record("expected .undocumented")
            }
        }
    }
}
