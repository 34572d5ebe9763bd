import Foundation
import OpenAPIGenRuntime
import RoundTripHeaders
import Testing

/// Page 1 is a full page with every header; page 2 is not modified.
private struct Repos: GoldenServerHeadersAPI {
    static let headers = Operations.ListRepos.Output.OkHeaders(
        link: "<https://x/repos?page=2>; rel=\"next\"", xRateLimitRemaining: 41, xRateLimitReset: 1_700_000_000_123,
        xGeneratedAt: DateTime(rfc3339: "2026-12-02T07:00:00Z"), xTags: ["a", "b c"], xShardSizes: [3, 0, 12],
        xTrace: .init(id: "t-1", sampled: true))

    func listRepos(_ input: Operations.ListRepos.Input) async throws -> Operations.ListRepos.Output {
        if input.page == 2 { return .notModified(headers: .init(eTag: "\"v7\"")) }
        return .ok([Repo(id: 1, name: "one"), Repo(id: 2, name: "two")], headers: Self.headers)
    }

    static let limits = ResponseHeaderSets.XRateLimit(
        xRateLimitLimit: 60, xRateLimitQuota: .init(remaining: 12, resource: "core"), xRateLimitScopes: ["repo": "read", "user": "write"])

    func listIssues(_ input: Operations.ListIssues.Input) async throws -> Operations.ListIssues.Output {
        .tooManyRequests(headers: Self.limits)
    }

    func getIssue(_ input: Operations.GetIssue.Input) async throws -> Operations.GetIssue.Output {
        if input.number == 1 { return .ok("issue 1", headers: Self.limits) }
        return .notFound(headers: .init(xRateLimitLimit: 60, xRateLimitScopes: ["repo": "none"]))
    }
}

@Suite struct HeadersRoundTripTests {
    @Test func typedHeadersAndStatusesSurvive() async throws {
        try await serving({ try await Repos().registerHandlers(on: $0) }) { url in
            // No retries: the 429 is the answer under test.
            let client = GoldenServerHeadersClient(baseURL: url, options: ClientOptions(retry: .none))
            let output = try await client.listRepos(.init(page: 1))
            #expect(output == .ok([Repo(id: 1, name: "one"), Repo(id: 2, name: "two")], headers: Repos.headers))
            #expect(try await client.listRepos(.init(page: 2)) == .notModified(headers: .init(eTag: "\"v7\"")))
            // Header sets shared between responses; objects exploded (`k=v,…`) and not (`k,v,…`).
            #expect(try await client.getIssue(.init(number: 1)) == .ok("issue 1", headers: Repos.limits))
            #expect(try await client.getIssue(.init(number: 2)) == .notFound(headers: .init(xRateLimitLimit: 60, xRateLimitScopes: ["repo": "none"])))
            #expect(try await client.listIssues(.init()) == .tooManyRequests(headers: Repos.limits))
            let issue = try await raw("GET", url, "/issues/1")
            #expect(issue.headers["x-ratelimit-quota"] == "remaining=12,resource=core")
            #expect(issue.headers["x-ratelimit-scopes"] == "repo,read,user,write")
            let page = try await raw("GET", url, "/repos?page=two")
            #expect(page.status == 400 && problems(page.text) == ["query:page"])
        }
    }
}
