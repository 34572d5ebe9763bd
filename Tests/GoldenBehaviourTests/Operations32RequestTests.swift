import ClientTestSupport
import Foundation
import GoldenOperations32
import OpenAPIGenRuntime
import Testing

/// Retries without waiting, so a retried request shows up as a second recorded request.
private func client(_ transport: RecordingTransport, attempts: Int = 1) -> GoldenOperations32Client {
    GoldenOperations32Client(
        transport: transport,
        options: ClientOptions(retry: RetryPolicy(maxAttempts: attempts, jitter: { 0 }, sleep: { _ in })))
}

/// OpenAPI 3.2's `query` method, `additionalOperations` and `in: querystring` parameters.
@Suite("Operations32") struct Operations32RequestTests {
    @Test func queryMethodSendsItsBody() async throws {
        let transport = RecordingTransport(.json(200, #"[{"id": "a"}]"#))
        let items = try await client(transport).searchItems(body: .init(text: "red", limit: 2))
        #expect(items == [.init(id: "a")])
        let request = try #require(await transport.requests.first)
        #expect(request.method == "QUERY")
        #expect(request.path == "/items")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = try JSONSerialization.jsonObject(with: try #require(request.body)) as? [String: Any]
        #expect(body?["text"] as? String == "red")
        #expect(body?["limit"] as? Int == 2)
    }

    /// 502 is retried only for idempotent methods: QUERY is one, an unknown method is not.
    @Test func queryIsRetriedLikeGetAndAnAdditionalMethodIsNot() async throws {
        let query = RecordingTransport(.raw(502), .json(200, "[]"))
        _ = try await client(query, attempts: 3).searchItems(body: .init(text: "x"))
        let sent = await query.requests
        #expect(sent.map(\.method) == ["QUERY", "QUERY"])
        #expect(sent[1].body != nil && sent[1].body == sent[0].body)

        let purge = RecordingTransport(.raw(502), .raw(204))
        let output = try await client(purge, attempts: 3).purgeItems(.init())
        #expect(await purge.requests.map(\.method) == ["PURGE"])
        #expect(output == .undocumented(statusCode: 502, .raw(502)))
    }

    @Test func additionalOperationsSendTheirMethodAsWritten() async throws {
        let transport = RecordingTransport(.raw(204))
        try await client(transport).linkItems(link: "</items/2>; rel=next")
        try await client(transport).purgeItems()
        let requests = await transport.requests
        #expect(requests.map(\.method) == ["LINK", "PURGE"])
        #expect(requests[0].headers["Link"] == "</items/2>; rel=next")
    }

    /// `style: cookie` sends the value as it is; the default (form) style percent-encodes it.
    @Test func cookieStyleSendsTheValueAsIs() async throws {
        let transport = RecordingTransport(.raw(204))
        try await client(transport).linkItems(link: "<a>", session: "Hello%2C world")
        #expect(await transport.requests.first?.headers["Cookie"] == "session=Hello%2C world")
    }

    @Test func formQueryStringIsTheWholeQuery() async throws {
        let transport = RecordingTransport(.json(200, "[]"))
        _ = try await client(transport).filterItems(filter: .init(color: "dark red", tags: ["a", "b&c"], size: 3))
        let request = try #require(await transport.requests.first)
        #expect(request.query.isEmpty)
        #expect(request.queryString == "color=dark%20red&size=3&tags=a&tags=b%26c")
        #expect(request.url(relativeTo: Servers.server1).absoluteString
            == "https://api.example.com/filter?color=dark%20red&size=3&tags=a&tags=b%26c")
    }

    /// The form's Encoding Objects: `tags` pipeDelimited, `range` deepObject, `meta` as JSON
    /// (`contentType` alone), `sizes` form not exploded; `color` has none and is written as before.
    @Test func formQueryStringAppliesEncodingObjects() async throws {
        let transport = RecordingTransport(.raw(204))
        let filter = EncodedFilter(color: "red", tags: ["a", "b"], sizes: [1, 2], range: .init(min: 1, max: 9), meta: .init(note: "x y"))
        try await client(transport).filterEncoded(filter: filter)
        let request = try #require(await transport.requests.first)
        #expect(request.queryString == "color=red&meta=%7B%22note%22%3A%22x%20y%22%7D&range%5Bmax%5D=9&range%5Bmin%5D=1&sizes=1%2C2&tags=a%7Cb")
        // Exploded form (the default for `style: form`) and absent members.
        let items = try QueryStringEncoding.form(filter, encoding: ["tags": FormMemberEncoding(), "range": FormMemberEncoding(explode: true)])
        #expect(items == "color=red&meta%5Bnote%5D=x%20y&max=9&min=1&sizes=1&sizes=2&tags=a&tags=b")
        #expect(try QueryStringEncoding.form(EncodedFilter(), encoding: ["tags": FormMemberEncoding(style: .pipeDelimited, explode: false)]) == "")
    }

    @Test func jsonQueryStringIsPercentEncodedJSON() async throws {
        let transport = RecordingTransport(.raw(204))
        _ = try await client(transport).selectItems(selector: .init(numbers: [1, 2], flag: true))
        try await client(transport).selectItems()
        let requests = await transport.requests
        #expect(requests[0].queryString == "%7B%22flag%22%3Atrue%2C%22numbers%22%3A%5B1%2C2%5D%7D")
        #expect(requests[0].url(relativeTo: Servers.server1).absoluteString
            == "https://api.example.com/select?%7B%22flag%22%3Atrue%2C%22numbers%22%3A%5B1%2C2%5D%7D")
        #expect(requests[1].queryString == nil)
        #expect(requests[1].url(relativeTo: Servers.server1).absoluteString == "https://api.example.com/select")
    }

    /// The specification's JSONPath example: the string as is, percent-encoded.
    @Test func textQueryStringIsTheStringEncoded() async throws {
        let transport = RecordingTransport(.raw(204))
        try await client(transport).pathItems(expression: "$.a.b[1:1]")
        #expect(await transport.requests.first?.queryString == "%24.a.b%5B1%3A1%5D")
    }
}
