import ClientTestSupport
import Foundation
import GoldenHeaders
import OpenAPIGenRuntime
import Testing

private func client(_ response: HTTPResponse) -> GoldenHeadersClient {
    GoldenHeadersClient(baseURL: exampleBaseURL, transport: RecordingTransport(response))
}

private let rateLimitFields: [(String, String)] = [
    ("X-RateLimit-Limit", "60"), ("X-RateLimit-Quota", "remaining=12,resource=core"),
    ("X-RateLimit-Scopes", "repo,read,user,write"),
]

/// Responses of the `Headers` fixture that document the same headers share one struct under
/// `ResponseHeaderSets`; each response's `Output` still names it (`OkHeaders`).
@Suite("Shared response header sets") struct SharedHeaderSetTests {
    @Test func equalSetsAreOneTypeAndDifferentOnesAreNot() {
        #expect(Operations.ListIssues.Output.OkHeaders.self == ResponseHeaderSets.XRateLimit.self)
        #expect(Operations.ListIssues.Output.TooManyRequestsHeaders.self == ResponseHeaderSets.XRateLimit.self)
        #expect(Operations.GetIssue.Output.OkHeaders.self == ResponseHeaderSets.XRateLimit.self)
        // The 404s require the limit: a set of its own, shared by the two 404s.
        #expect(Operations.GetIssue.Output.NotFoundHeaders.self == ResponseHeaderSets.XRateLimit2.self)
        #expect(Operations.ListIssues.Output.NotFoundHeaders.self == ResponseHeaderSets.XRateLimit2.self)
        #expect(Operations.GetIssue.Output.NotFoundHeaders.self != Operations.GetIssue.Output.OkHeaders.self)
    }

    @Test func aSharedSetReadsEachOperationsResponse() async throws {
        let json = HTTPResponse(status: 200, headers: HTTPFields([("Content-Type", "application/json")] + rateLimitFields),
                                body: Data(#"["first"]"#.utf8))
        guard case .ok(let issues, let headers) = try await client(json).listIssues(.init()) else {
            Issue.record("expected 200")
            return
        }
        #expect(issues == ["first"])
        #expect(headers.xRateLimitLimit == 60)
        // `explode: true` on the quota, not on the scopes.
        #expect(headers.xRateLimitQuota == .init(remaining: 12, resource: "core"))
        #expect(headers.xRateLimitScopes == ["repo": "read", "user": "write"])
        #expect(headers.raw.status == 200)

        let text = HTTPResponse(status: 200, headers: HTTPFields([("Content-Type", "text/plain")] + rateLimitFields),
                                body: Data("an issue".utf8))
        let output = try await client(text).getIssue(.init(number: 7))
        #expect(output == .ok("an issue", headers: headers), "equal headers compare equal across operations")
    }

    @Test func theRequiredVariantStillNamesWhatIsMissing() async throws {
        let error = await #expect(throws: ClientError.self) {
            _ = try await client(HTTPResponse(status: 404)).getIssue(.init(number: 7))
        }
        #expect(error?.description.contains("the required response header `X-RateLimit-Limit` is missing") == true)
        #expect(error?.description.contains("getIssue") == true)
        let found = try await client(HTTPResponse(status: 404, headers: HTTPFields([("X-RateLimit-Limit", "5")]))).listIssues(.init())
        #expect(found == .notFound(headers: .init(xRateLimitLimit: 5)))
    }

    @Test func valuesBuiltInCodeSayTheirCasesStatus() {
        // One struct serves 200 and 429; each case's default names its own status.
        guard case .ok(_, let ok) = Operations.ListIssues.Output.ok([]),
              case .tooManyRequests(let limited) = Operations.ListIssues.Output.tooManyRequests()
        else {
            Issue.record("unexpected cases")
            return
        }
        #expect(ok.raw.status == 200)
        #expect(limited.raw.status == 429)
        #expect(Operations.ListIssues.Output.ok([]) == .ok([], headers: .init()))
    }
}
