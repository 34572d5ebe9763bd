import ClientTestSupport
import Foundation
import GoldenOperations32
import OpenAPIGenRuntime
import Testing

/// The QUERY method and a querystring parameter over a real socket, through URLSession: what
/// the recording transport cannot show is whether the method, its body and the raw query
/// string survive the trip.
@Suite("Operations32 over HTTP", .serialized) struct Operations32HTTPTests {
    @Test func queryRequestCarriesItsBody() async throws {
        let server = try LocalHTTPServer { _ in .init(status: 200, contentType: "application/json", body: Data(#"[{"id":"x"}]"#.utf8)) }
        defer { server.stop() }
        let client = GoldenOperations32Client(baseURL: server.baseURL)
        let items = try await client.searchItems(body: .init(text: "red", limit: 3))
        #expect(items == [.init(id: "x")])
        let request = try #require(server.requests.first)
        #expect(request.method == "QUERY")
        #expect(request.target == "/items")
        #expect(request.headers["content-type"] == "application/json")
        let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        #expect(body?["text"] as? String == "red")
        #expect(body?["limit"] as? Int == 3)
    }

    @Test func querystringOperationSendsTheWholeQuery() async throws {
        let server = try LocalHTTPServer { request in
            request.target.hasPrefix("/select") ? .init(status: 204) : .init(status: 200, contentType: "application/json", body: Data("[]".utf8))
        }
        defer { server.stop() }
        let client = GoldenOperations32Client(baseURL: server.baseURL)
        _ = try await client.filterItems(filter: .init(color: "dark red", tags: ["a", "b&c"], size: 3))
        try await client.selectItems(selector: .init(numbers: [1, 2]))
        let requests = server.requests
        #expect(requests.map(\.method) == ["GET", "GET"])
        #expect(requests.first?.target == "/filter?color=dark%20red&size=3&tags=a&tags=b%26c")
        #expect(requests.last?.target == "/select?%7B%22numbers%22%3A%5B1%2C2%5D%7D")
    }

    @Test func additionalMethodIsSentAsWritten() async throws {
        let server = try LocalHTTPServer { _ in .init(status: 204) }
        defer { server.stop() }
        try await GoldenOperations32Client(baseURL: server.baseURL).linkItems(link: "</items/2>; rel=next")
        #expect(server.requests.first?.method == "LINK")
        #expect(server.requests.first?.headers["link"] == "</items/2>; rel=next")
    }
}
