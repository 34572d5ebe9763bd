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
}

@Suite struct HeadersRoundTripTests {
    @Test func typedHeadersAndStatusesSurvive() async throws {
        try await serving({ try await Repos().registerHandlers(on: $0) }) { url in
            let client = GoldenServerHeadersClient(baseURL: url)
            let output = try await client.listRepos(.init(page: 1))
            #expect(output == .ok([Repo(id: 1, name: "one"), Repo(id: 2, name: "two")], headers: Repos.headers))
            #expect(try await client.listRepos(.init(page: 2)) == .notModified(headers: .init(eTag: "\"v7\"")))
            let page = try await raw("GET", url, "/repos?page=two")
            #expect(page.status == 400 && problems(page.text) == ["query:page"])
        }
    }
}
