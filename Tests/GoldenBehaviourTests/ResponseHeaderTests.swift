import ClientTestSupport
import Foundation
import GoldenHeaders
import OpenAPIGenRuntime
import Testing

private func client(_ transport: RecordingTransport) -> GoldenHeadersClient {
    GoldenHeadersClient(baseURL: exampleBaseURL, transport: transport)
}

private func page(_ fields: [(String, String)]) -> HTTPResponse {
    HTTPResponse(status: 200, headers: HTTPFields([("Content-Type", "application/json")] + fields),
                 body: Data(#"[{"id": 1, "name": "a"}]"#.utf8))
}

@Suite("Typed response headers") struct ResponseHeaderTests {
    @Test func everyDocumentedHeaderIsReadIntoItsSchemaType() async throws {
        let response = page([
            ("Link", #"<https://api.example.com/v1/repos?page=2>; rel="next""#),
            ("X-RateLimit-Remaining", "4999"), ("X-RateLimit-Reset", "1700000000"),
            ("X-Generated-At", "2024-05-01T12:30:00Z"), ("X-Tags", "a, b,c"),
            ("X-Shard-Sizes", "1,2"), ("X-Shard-Sizes", "3"),
            ("X-Trace", #"{"id": "t-1", "sampled": true}"#), ("X-Undocumented", "kept"),
        ])
        guard case .ok(let repos, let headers) = try await client(RecordingTransport(response)).listRepos(.init()) else {
            Issue.record("expected 200")
            return
        }
        #expect(repos == [Repo(id: 1, name: "a")])
        #expect(headers.link == #"<https://api.example.com/v1/repos?page=2>; rel="next""#)
        #expect(headers.xRateLimitRemaining == 4999)
        #expect(headers.xRateLimitReset == 1_700_000_000)
        #expect(headers.xGeneratedAt?.date == Date(timeIntervalSince1970: 1_714_566_600))
        #expect(headers.xGeneratedAt?.text == "2024-05-01T12:30:00Z")
        #expect(headers.xTags == ["a", "b", "c"])
        // Repeated field lines join into one list (RFC 9110 section 5.3).
        #expect(headers.xShardSizes == [1, 2, 3])
        #expect(headers.xTrace == Operations.ListRepos.OkXTrace(id: "t-1", sampled: true))
        // Whatever the spec does not document is still in the raw response.
        #expect(headers.raw.headers["x-undocumented"] == "kept")
        #expect(headers.raw.status == 200)
    }

    @Test func optionalHeadersMayBeAbsent() async throws {
        let output = try await client(RecordingTransport(page([("X-RateLimit-Remaining", "0")]))).listRepos(.init())
        #expect(output == .ok([Repo(id: 1, name: "a")], headers: .init(xRateLimitRemaining: 0)))
    }

    @Test func aMissingRequiredHeaderIsAnErrorNamingIt() async throws {
        let error = await #expect(throws: ClientError.self) {
            _ = try await client(RecordingTransport(page([]))).listRepos(.init())
        }
        #expect(error?.description.contains("the required response header `X-RateLimit-Remaining` is missing") == true)

        let notModified = HTTPResponse(status: 304)
        let second = await #expect(throws: ClientError.self) {
            _ = try await client(RecordingTransport(notModified)).listRepos(.init())
        }
        #expect(second?.description.contains("`ETag`") == true)
    }

    @Test func aHeaderItsSchemaCannotReadIsAnError() async throws {
        let error = await #expect(throws: ClientError.self) {
            _ = try await client(RecordingTransport(page([("X-RateLimit-Remaining", "lots")]))).listRepos(.init())
        }
        #expect(error?.description.contains(#"response header `X-RateLimit-Remaining`: "lots" is not a valid Int"#) == true)
    }

    @Test func theConvenienceStillReturnsTheBody() async throws {
        let repos = try await client(RecordingTransport(page([("X-RateLimit-Remaining", "1")]))).listRepos()
        #expect(repos == [Repo(id: 1, name: "a")])
    }

    @Test func linkPagesFollowTheNextRelation() {
        let link = #"<https://api.example.com/v1/repos?page=3>; rel="next", <https://api.example.com/v1/repos?page=9>; rel="last""#
        #expect(LinkHeader.url(link, rel: "next") == URL(string: "https://api.example.com/v1/repos?page=3"))
        #expect(LinkHeader.url(link, rel: "last") == URL(string: "https://api.example.com/v1/repos?page=9"))
        #expect(LinkHeader.url(link, rel: "prev") == nil)
    }
}
