import ClientTestSupport
import Foundation
import Testing
import OpenFunnel

private let apiKey = "of-secret-key"

private func client(_ transport: RecordingTransport) -> OpenFunnelClient {
    OpenFunnelClient(apiKey: apiKey, transport: transport)
}

@Suite("Search Lookalikes Bulk") struct SubmitRequestTests {
    @Test func sendsTheBodyWithTheAPIKey() async throws {
        let transport = RecordingTransport(.json(200, #"{"job_id": "j1", "status": "pending", "message": "Poll it.", "requested_top_k": 2000}"#))
        let submitted = try await client(transport).searchLookalikesBulk(body: BulkLookalikeSearchRequest(
            query: "Healthcare companies building with voice AI", limit: 2000, minEmployees: 50,
            maxEmployees: 500, fundingStages: [.seriesA, .seriesB], locations: ["USA"]))
        #expect(submitted == BulkLookalikeSubmitResponse(jobID: "j1", message: "Poll it.", requestedTopK: 2000))

        let request = try #require(await transport.requests.first)
        #expect(await transport.requests.count == 1)
        #expect(await transport.baseURLs == [URL(string: "https://api.openfunnel.dev")!])
        #expect(request.method == "POST")
        #expect(request.path == "/api/v1/account/search-lookalikes-bulk")
        #expect(request.query == [])
        #expect(request.headers == HTTPFields([
            ("X-API-Key", apiKey), ("Accept", "application/json"), ("Content-Type", "application/json"),
        ]))
        #expect(String(decoding: try #require(request.body), as: UTF8.self)
            == #"{"funding_stages":["Series A","Series B"],"limit":2000,"locations":["USA"],"max_employees":500,"min_employees":50,"query":"Healthcare companies building with voice AI"}"#)
    }

    @Test func documentedErrorStatuses() async throws {
        let input = Operations.SearchLookalikesBulk.Input(body: .init(query: "q"))
        guard case .unprocessableContent(let error, _) = try await client(RecordingTransport(.json(422, Examples.validationError))).searchLookalikesBulk(input) else {
            Issue.record("expected 422")
            return
        }
        #expect(error.detail?.first?.loc == [.string("body"), .string("seed_domains"), .integer(10)])
        #expect(error.detail?.count == 2)

        // `Retry-After: 0` so that a client retrying 429 and 503 doesn't wait before returning them.
        let rateLimited = HTTPResponse(status: 429, headers: HTTPFields([("Retry-After", "0")]))
        #expect(try await client(RecordingTransport(rateLimited)).searchLookalikesBulk(input)
            == .tooManyRequests(headers: .init(retryAfter: "0")))
        let unavailable = HTTPResponse(
            status: 503, headers: HTTPFields([("Content-Type", "application/json"), ("Retry-After", "0")]),
            body: Data(#"{"detail": "Try again shortly."}"#.utf8))
        #expect(try await client(RecordingTransport(unavailable)).searchLookalikesBulk(input)
            == .serviceUnavailable(ServiceUnavailableResponse(detail: "Try again shortly.")))

        let failed = HTTPResponse.raw(500, Data("boom".utf8), contentType: "text/plain")
        #expect(try await client(RecordingTransport(failed)).searchLookalikesBulk(input) == .undocumented(statusCode: 500, failed))
    }

    @Test func invalidInputIsRefusedWithoutARequest() async throws {
        let transport = RecordingTransport()
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).searchLookalikesBulk(body: BulkLookalikeSearchRequest(
                seedDomains: (0...10).map { "s\($0).com" }, limit: 10001))
        }
        guard case .invalidInput(let operationID, let failure) = error else {
            Issue.record("expected invalidInput, got \(error)")
            return
        }
        #expect(operationID == Operations.SearchLookalikesBulk.id)
        #expect(failure.issues == [
            ValidationIssue(path: "seed_domains", message: "11 items, at most 10 allowed"),
            ValidationIssue(path: "limit", message: "10001 is greater than the maximum 10000"),
        ])
        #expect(!error.description.contains(apiKey))
        #expect(await transport.requests.isEmpty)
    }
}

@Suite("Search Lookalikes Bulk Results") struct PollRequestTests {
    @Test func pollsWithAnEncodedJobIDAndQuery() async throws {
        let transport = RecordingTransport(.json(200, Examples.lookalikeJobPoll))
        let job = try await client(transport).searchLookalikesBulkStatus(jobID: "job 1/2", cursor: "page_0001", limit: 50)
        #expect(job.nextCursor == "page_0001")
        #expect(job.rows?.first?.employeeCount == 120)

        let request = try #require(await transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/api/v1/account/search-lookalikes-bulk/job%201%2F2")
        #expect(request.query == [QueryItem(name: "cursor", value: "page_0001"), QueryItem(name: "limit", value: "50")])
        #expect(request.url(relativeTo: Servers.server1).absoluteString
            == "https://api.openfunnel.dev/api/v1/account/search-lookalikes-bulk/job%201%2F2?cursor=page_0001&limit=50")
        #expect(request.headers == HTTPFields([("X-API-Key", apiKey), ("Accept", "application/json")]))
        #expect(request.body == nil)
    }

    @Test func firstPageSendsNoQuery() async throws {
        let transport = RecordingTransport(.json(200, #"{"job_id": "d8a1", "status": "running"}"#))
        let job = try await client(transport).searchLookalikesBulkStatus(jobID: "d8a1")
        #expect(job == BulkLookalikeJobResponse(jobID: "d8a1", status: "running", count: nil))
        let request = try #require(await transport.requests.first)
        #expect(request.query == [])
        #expect(request.url(relativeTo: Servers.server1).absoluteString == "https://api.openfunnel.dev/api/v1/account/search-lookalikes-bulk/d8a1")
    }

    @Test func notFoundAndValidationError() async throws {
        let transport = RecordingTransport(.raw(404), .json(422, Examples.validationError))
        let input = Operations.SearchLookalikesBulkStatus.Input(jobID: "missing")
        #expect(try await client(transport).searchLookalikesBulkStatus(input) == .notFound())
        #expect(try await client(transport).searchLookalikesBulkStatus(input) == .unprocessableContent(decode(HTTPValidationError.self, Examples.validationError)))
    }

    @Test func undecodableRowNamesItsPath() async throws {
        let transport = RecordingTransport(.json(200, #"{"job_id": "j", "status": "completed", "rows": [{"name": "A"}, {"employee_count": "many"}]}"#))
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).searchLookalikesBulkStatus(jobID: "j")
        }
        guard case .undecodableResponse(let operationID, let status, let contentType, let underlying) = error else {
            Issue.record("expected undecodableResponse, got \(error)")
            return
        }
        #expect(operationID == Operations.SearchLookalikesBulkStatus.id)
        #expect(status == 200)
        #expect(contentType == "application/json")
        #expect(underlying == "rows[1].employee_count: expected Int, found String")
        #expect(!error.description.contains(apiKey))
    }

    @Test func outOfRangeLimitIsRefused() async throws {
        let transport = RecordingTransport()
        await #expect(throws: ClientError.self) {
            try await client(transport).searchLookalikesBulkStatus(jobID: "j", limit: 101)
        }
        #expect(await transport.requests.isEmpty)
    }
}

@Suite("Cancel Bulk Lookalike Job") struct CancelRequestTests {
    @Test func everyDocumentedStatus() async throws {
        let transport = RecordingTransport(
            .json(200, Examples.cancel), .raw(404), .raw(409), .json(422, Examples.validationError),
            .raw(500, Data("Internal Server Error".utf8)))
        let c = client(transport)
        let input = Operations.SearchLookalikesBulkCancel.Input(jobID: "d8a1bddb-44f1-4c7f-87a7-f37496354ff6")
        #expect(try await c.searchLookalikesBulkCancel(input) == .ok(decode(BulkLookalikeCancelResponse.self, Examples.cancel)))
        #expect(try await c.searchLookalikesBulkCancel(input) == .notFound())
        #expect(try await c.searchLookalikesBulkCancel(input) == .conflict())
        guard case .unprocessableContent(let validation, _) = try await c.searchLookalikesBulkCancel(input) else {
            Issue.record("expected 422")
            return
        }
        #expect(validation.detail?.map(\.msg) == ["List should have at most 10 items", "Input should be less than or equal to 100"])
        #expect(validation.detail?.last?.loc == [.string("query"), .string("limit")])
        let undocumented = try await c.searchLookalikesBulkCancel(input)
        #expect(undocumented == .undocumented(statusCode: 500, .raw(500, Data("Internal Server Error".utf8))))
        #expect(undocumented.statusCode == 500)

        let requests = await transport.requests
        #expect(requests.count == 5)
        for request in requests {
            #expect(request.method == "POST")
            #expect(request.path == "/api/v1/account/search-lookalikes-bulk/d8a1bddb-44f1-4c7f-87a7-f37496354ff6/cancel")
            #expect(request.headers == HTTPFields([("X-API-Key", apiKey), ("Accept", "application/json")]))
            #expect(request.body == nil)
        }
    }

    @Test func convenienceMethodReturnsTheBody() async throws {
        let transport = RecordingTransport(.json(200, Examples.cancel))
        let cancel = try await client(transport).searchLookalikesBulkCancel(jobID: "d8a1bddb-44f1-4c7f-87a7-f37496354ff6")
        #expect(cancel.status == "cancelling")
        #expect(cancel.jobID == "d8a1bddb-44f1-4c7f-87a7-f37496354ff6")
    }

    @Test func convenienceMethodThrowsTheDecodedErrorCase() async throws {
        let transport = RecordingTransport(.raw(409), .json(422, Examples.validationError))
        let conflict = try await #require(throws: OperationError<Operations.SearchLookalikesBulkCancel.Output>.self) {
            try await client(transport).searchLookalikesBulkCancel(jobID: "done")
        }
        #expect(conflict.output == .conflict())
        #expect(conflict.statusCode == 409)
        #expect(conflict.operationID == Operations.SearchLookalikesBulkCancel.id)
        #expect(conflict.description == "`search_lookalikes_bulk_cancel_api_v1_account_search_lookalikes_bulk__job_id__cancel_post` returned HTTP 409")
        #expect(!conflict.description.contains(apiKey))
        #expect(!String(reflecting: conflict).contains(apiKey))

        let invalid = try await #require(throws: OperationError<Operations.SearchLookalikesBulkCancel.Output>.self) {
            try await client(transport).searchLookalikesBulkCancel(jobID: "done")
        }
        #expect(invalid.output == .unprocessableContent(try decode(HTTPValidationError.self, Examples.validationError)))
    }

    @Test func pathSegmentIsEscaped() async throws {
        let transport = RecordingTransport(.json(200, Examples.cancel))
        _ = try await client(transport).searchLookalikesBulkCancel(jobID: "a/b?c#d%e")
        _ = try await client(transport).searchLookalikesBulkCancel(jobID: "café 1")
        let requests = await transport.requests
        try #require(requests.count == 2)
        #expect(requests[0].path == "/api/v1/account/search-lookalikes-bulk/a%2Fb%3Fc%23d%25e/cancel")
        #expect(requests[1].path == "/api/v1/account/search-lookalikes-bulk/caf%C3%A9%201/cancel")
        #expect(requests[1].url(relativeTo: Servers.server1).absoluteString
            == "https://api.openfunnel.dev/api/v1/account/search-lookalikes-bulk/caf%C3%A9%201/cancel")
    }

    @Test func undecodableBodyThrowsWithItsCodingPath() async throws {
        let transport = RecordingTransport(.json(200, #"{"job_id": 42, "message": "m"}"#))
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).searchLookalikesBulkCancel(jobID: "j")
        }
        guard case .undecodableResponse(_, let status, _, let underlying) = error else {
            Issue.record("expected undecodableResponse, got \(error)")
            return
        }
        #expect(status == 200)
        #expect(underlying == "job_id: expected String, found Number")
    }

    @Test func emptySuccessBodyIsUndecodable() async throws {
        let transport = RecordingTransport(.raw(200, contentType: "application/json"))
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).searchLookalikesBulkCancel(jobID: "j")
        }
        guard case .undecodableResponse(let operationID, 200, "application/json", _) = error else {
            Issue.record("expected undecodableResponse for HTTP 200, got \(error)")
            return
        }
        #expect(operationID == Operations.SearchLookalikesBulkCancel.id)
    }

    @Test func transportFailureDoesNotLeakTheKey() async throws {
        let offline = OpenFunnelClient(apiKey: apiKey, transport: FailingTransport(error: URLError(.timedOut)))
        let error = try await #require(throws: ClientError.self) {
            try await offline.searchLookalikesBulkCancel(jobID: "j")
        }
        guard case .transport(let operationID, _) = error else {
            Issue.record("expected transport, got \(error)")
            return
        }
        #expect(operationID == Operations.SearchLookalikesBulkCancel.id)
        #expect(!error.description.contains(apiKey))
    }
}

@Suite("Tech intent search") struct TechIntentRequestTests {
    @Test func submitSendsDefaultsExplicitly() async throws {
        let transport = RecordingTransport(
            .json(200, #"{"job_id": "t1", "message": "Poll it.", "requested_limit": 50}"#), .raw(400))
        let body = TechIntentSearchRequest(tech: "Snowflake", activity: "migrating off Redshift to Snowflake", lookbackDays: 180, limit: 50)
        let submitted = try await client(transport).techIntentSearchSubmit(body: body)
        #expect(submitted == TechIntentSubmitResponse(jobID: "t1", status: nil, message: "Poll it.", requestedLimit: 50))

        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/api/v2/tech/companies/intent-search")
        #expect(request.headers == HTTPFields([
            ("X-API-Key", apiKey), ("Accept", "application/json"), ("Content-Type", "application/json"),
        ]))
        #expect(String(decoding: try #require(request.body), as: UTF8.self)
            == #"{"activity":"migrating off Redshift to Snowflake","enrich":false,"exclude_aggregators":true,"exclude_vendor":true,"limit":50,"lookback_days":180,"tech":"Snowflake"}"#)

        #expect(try await client(transport).techIntentSearchSubmit(.init(body: body)) == .badRequest())
    }

    @Test func pollDecodesThePublishedExample() async throws {
        let transport = RecordingTransport(.json(200, Examples.techIntentPoll))
        let job = try await client(transport).techIntentSearchStatus(jobID: "8bda2224-3772-4430-94d3-69a526872227", cursor: "page 1&2")
        #expect(job == (try decode(TechIntentJobResponse.self, Examples.techIntentPoll)))
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/api/v2/tech/companies/intent-search/8bda2224-3772-4430-94d3-69a526872227")
        #expect(request.query == [QueryItem(name: "cursor", value: "page 1&2")])
        #expect(request.url(relativeTo: Servers.server1).query == "cursor=page%201%262")
    }

    @Test func invalidSubmitIsRefused() async throws {
        let transport = RecordingTransport()
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).techIntentSearchSubmit(body: .init(tech: "", activity: "a", hqCountryCode: "US"))
        }
        guard case .invalidInput(_, let failure) = error else {
            Issue.record("expected invalidInput, got \(error)")
            return
        }
        #expect(failure.issues.map(\.description) == [
            "tech: 0 characters, at least 1 required",
            "hq_country_code: 2 characters, at least 3 required",
        ])
        #expect(await transport.requests.isEmpty)
    }
}
