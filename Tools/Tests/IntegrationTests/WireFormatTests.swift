import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import Testing

/// What the typed client never sends, sent raw: the fake must answer like FastAPI, and its
/// answers must decode with the generated types.
@Suite struct WireFormatTests {
    private let submitPath = "/api/v1/account/search-lookalikes-bulk"

    @Test func aMissingAPIKeyIsAFastAPIValidationError() async throws {
        try await withFakeServer { server, url in
            let response = try await rawRequest(
                url, method: "POST", path: submitPath, headers: ["Content-Type": "application/json"],
                body: #"{"query": "voice AI"}"#)
            #expect(response.status == 422)
            #expect(response.headers["content-type"] == "application/json")
            let expected = #"{"detail":[{"loc":["header","X-API-Key"],"msg":"Field required","type":"missing"}]}"#
            #expect(try JSONCoding.decode(JSONValue.self, from: response.body)
                == JSONCoding.decode(JSONValue.self, from: Data(expected.utf8)))
            #expect(await server.requestCount(for: .searchLookalikesBulk) == 1)
            #expect(await server.jobCount() == 0)
        }
    }

    @Test func malformedJSONIsLocatedByAnIntegerOffset() async throws {
        try await withFakeServer { _, url in
            let response = try await rawRequest(
                url, method: "POST", path: submitPath, headers: ["X-API-Key": "key-a"], body: #"{"query": "x",, }"#)
            #expect(response.status == 422)
            let error = try JSONCoding.decode(HTTPValidationError.self, from: response.body)
            let detail = try #require(error.detail?.first)
            #expect(detail.type == "json_invalid")
            #expect(detail.loc == [.string("body"), .integer(14)])
        }
    }

    @Test(arguments: [
        (#"{"query": "x", "limit": 20000}"#, ["body", "limit"], "less_than_equal"),
        (#"{"query": "x", "limit": 0}"#, ["body", "limit"], "greater_than_equal"),
        (#"{"query": "x", "limit": "many"}"#, ["body", "limit"], "int_type"),
        (#"{"query": ""}"#, ["body", "query"], "string_too_short"),
        (#"{"seed_domains": ["a.com","b.com","c.com","d.com","e.com","f.com","g.com","h.com","i.com","j.com","k.com"]}"#,
         ["body", "seed_domains"], "too_long"),
        ("[1, 2]", ["body"], "model_attributes_type"),
        ("", ["body"], "missing"),
    ])
    func constraintViolationsTheClientWouldCatchAreCaughtByTheServerToo(
        body: String, loc: [String], type: String
    ) async throws {
        try await withFakeServer { _, url in
            let response = try await rawRequest(
                url, method: "POST", path: submitPath, headers: ["X-API-Key": "key-a"], body: body)
            #expect(response.status == 422)
            let error = try JSONCoding.decode(HTTPValidationError.self, from: response.body)
            #expect(error.detail?.map(\.type) == [type])
            #expect(error.detail?.first?.loc == loc.map { .string($0) })
        }
    }

    @Test func everyProblemIsReportedAtOnceWithArrayIndices() async throws {
        try await withFakeServer { _, url in
            let response = try await rawRequest(
                url, method: "POST", path: "/api/v2/tech/companies/intent-search", headers: [:],
                body: #"{"tech": "", "activity": "x", "variations": ["ok", 7], "limit": 2.5}"#)
            let error = try JSONCoding.decode(HTTPValidationError.self, from: response.body)
            #expect(error.detail?.map(\.loc) == [
                [.string("header"), .string("X-API-Key")],
                [.string("body"), .string("tech")],
                [.string("body"), .string("variations"), .integer(1)],
                [.string("body"), .string("limit")],
            ])
            #expect(error.detail?.map(\.type) == ["missing", "string_too_short", "string_type", "int_from_float"])
        }
    }

    @Test func anUnknownFundingStageIsAnEnumErrorAtItsIndex() async throws {
        try await withFakeServer { _, url in
            let response = try await rawRequest(
                url, method: "POST", path: submitPath, headers: ["X-API-Key": "key-a"],
                body: #"{"query": "x", "funding_stages": ["Seed", "Series Z"]}"#)
            let detail = try #require(try JSONCoding.decode(HTTPValidationError.self, from: response.body).detail?.first)
            #expect(detail.loc == [.string("body"), .string("funding_stages"), .integer(1)])
            #expect(detail.type == "enum")
            #expect(detail.msg.hasPrefix("Input should be 'Pre-Seed', 'Seed', "))
            #expect(detail.msg.hasSuffix(" 'Private' or 'Public'"))
        }
    }

    @Test func unknownPathsAndMethodsAreNotOperations() async throws {
        try await withFakeServer { server, url async throws in
            let headers = ["X-API-Key": "key-a"]
            #expect(try await rawRequest(url, method: "GET", path: "/api/v1/nothing", headers: headers).status == 404)
            #expect(try await rawRequest(url, method: "GET", path: submitPath, headers: headers).status == 405)
            #expect(try await rawRequest(url, method: "DELETE", path: submitPath + "/some-job", headers: headers).status == 405)
            #expect(await server.totalRequestCount() == 3)
            for operation in FakeOperation.allCases {
                #expect(await server.requestCount(for: operation) == 0)
            }
        }
    }

    @Test func absentOptionalFieldsAreWrittenAsNull() async throws {
        let clock = ManualClock()
        try await withFakeServer(FakeServerConfiguration(now: { clock.now() })) { _, url in
            let submitted = try await makeClient(url).searchLookalikesBulk(body: lookalikeRequest())
            let response = try await rawRequest(
                url, method: "GET", path: submitPath + "/" + submitted.jobID, headers: ["X-API-Key": "key-a"])
            guard case .object(let object) = try JSONCoding.decode(JSONValue.self, from: response.body) else {
                Issue.record("not an object")
                return
            }
            for key in ["next_cursor", "manifest", "processed", "progress_message", "page", "error_message"] {
                #expect(object[key] == .null, "\(key)")
            }
            #expect(object["status"] == .string("pending"))
        }
    }

    @Test func faultsCarryRetryAfterInBothForms() async throws {
        try await withFakeServer { server, url in
            let date = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
            await server.inject(.rateLimited(retryAfter: .seconds(7)), into: .searchLookalikesBulk)
            await server.inject(.serviceUnavailable(retryAfter: .date(date)), into: .searchLookalikesBulk)
            let headers = ["X-API-Key": "key-a"]
            let limited = try await rawRequest(url, method: "POST", path: submitPath, headers: headers, body: "{}")
            #expect(limited.status == 429)
            #expect(limited.headers["retry-after"] == "7")
            let unavailable = try await rawRequest(url, method: "POST", path: submitPath, headers: headers, body: "{}")
            #expect(unavailable.status == 503)
            #expect(unavailable.headers["retry-after"] == "Wed, 21 Oct 2015 07:28:00 GMT")
            let body = try JSONCoding.decode(ServiceUnavailableResponse.self, from: unavailable.body)
            #expect(body.detail == FakeFault.unavailableDetail)
            #expect(await server.pendingFaults(for: .searchLookalikesBulk) == 0)
        }
    }
}
