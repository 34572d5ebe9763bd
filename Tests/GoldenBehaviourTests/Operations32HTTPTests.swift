import ClientTestSupport
import Foundation
import GoldenOperations32
import OpenAPIGenRuntime
import Testing

/// The QUERY method and a querystring parameter over a real socket, through URLSession: what
/// the recording transport cannot show is whether the method, its body and the raw query
/// string survive the trip.
@Suite("Operations32 over HTTP") struct Operations32HTTPTests {
    /// The requests a server received, in order.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [LocalRequest] = []
        func append(_ request: LocalRequest) { lock.withLock { list.append(request) } }
        var requests: [LocalRequest] { lock.withLock { list } }
    }

    /// Records every request and answers each with `reply`.
    private static func recording(_ received: Received, _ reply: @escaping @Sendable (LocalRequest) -> LocalReply) -> [String: LocalRoute] {
        ["*": { request in
            received.append(request)
            return reply(request)
        }]
    }

    @Test func queryRequestCarriesItsBody() async throws {
        let received = Received()
        try await withLocalServer(Self.recording(received) { _ in
            .data(status: 200, headers: [("Content-Type", "application/json")], body: Data(#"[{"id":"x"}]"#.utf8))
        }) { url in
            let items = try await GoldenOperations32Client(baseURL: url).searchItems(body: .init(text: "red", limit: 3))
            #expect(items == [.init(id: "x")])
        }
        let request = try #require(received.requests.first)
        #expect(request.method == "QUERY")
        #expect(request.target == "/items")
        #expect(request.headers["content-type"] == "application/json")
        let body = try JSONSerialization.jsonObject(with: request.bytes) as? [String: Any]
        #expect(body?["text"] as? String == "red")
        #expect(body?["limit"] as? Int == 3)
    }

    @Test func querystringOperationSendsTheWholeQuery() async throws {
        let received = Received()
        try await withLocalServer(Self.recording(received) { request in
            request.path == "/select" ? .data(status: 204, headers: [], body: Data())
                : .data(status: 200, headers: [("Content-Type", "application/json")], body: Data("[]".utf8))
        }) { url in
            let client = GoldenOperations32Client(baseURL: url)
            _ = try await client.filterItems(filter: .init(color: "dark red", tags: ["a", "b&c"], size: 3))
            try await client.selectItems(selector: .init(numbers: [1, 2]))
        }
        let requests = received.requests
        #expect(requests.map(\.method) == ["GET", "GET"])
        #expect(requests.first?.target == "/filter?color=dark%20red&size=3&tags=a&tags=b%26c")
        #expect(requests.last?.target == "/select?%7B%22numbers%22%3A%5B1%2C2%5D%7D")
    }

    @Test func additionalMethodIsSentAsWritten() async throws {
        let received = Received()
        try await withLocalServer(Self.recording(received) { _ in .data(status: 204, headers: [], body: Data()) }) { url in
            try await GoldenOperations32Client(baseURL: url).linkItems(link: "</items/2>; rel=next")
        }
        #expect(received.requests.first?.method == "LINK")
        #expect(received.requests.first?.headers["link"] == "</items/2>; rel=next")
    }
}
