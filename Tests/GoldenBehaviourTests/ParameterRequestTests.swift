import ClientTestSupport
import Foundation
import Testing
import GoldenParameters

private let requestID = UUIDText(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!)

private func client(_ transport: RecordingTransport, apiKey: String? = "key-123", bearerToken: String? = nil, tenant: String = "acme") -> GoldenParametersClient {
    GoldenParametersClient(tenant: tenant, apiKey: apiKey, bearerToken: bearerToken, transport: transport)
}

@Suite("Parameters") struct ParameterRequestTests {
    @Test func everyStyleOfQueryHeaderAndCookie() async throws {
        let transport = RecordingTransport(.json(200, #"{"id": "a b/c"}"#))
        let output = try await client(transport).getItem(GoldenParameters.Operations.GetItem.Input(
            id: "a b/c", fields: ["name", "price"], ids: [1, 2, 3], words: ["red", "dark green"],
            tags: ["x", "y"], filter: .init(color: "red", size: 2), limit: 10, xRequestID: requestID,
            session: "s1"))
        #expect(output == .ok(.init(id: "a b/c")))

        let request = try #require(await transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/items/a%20b%2Fc")
        #expect(request.query == [
            QueryItem(name: "fields", value: "name"),
            QueryItem(name: "fields", value: "price"),
            QueryItem(name: "ids", value: "1,2,3"),
            QueryItem(name: "words", value: "red dark green"),
            QueryItem(name: "tags", value: "x|y"),
            QueryItem(name: "filter[color]", value: "red"),
            QueryItem(name: "filter[size]", value: "2"),
            QueryItem(name: "limit", value: "10"),
        ])
        #expect(request.url(relativeTo: Servers.server1).absoluteString
            == "https://api.example.com/v1/items/a%20b%2Fc?fields=name&fields=price&ids=1%2C2%2C3&words=red%20dark%20green&tags=x%7Cy&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&limit=10")
        #expect(request.headers == HTTPFields([
            ("X-Request-ID", "6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            ("Cookie", "session=s1"),
            ("X-Tenant", "acme"),
            ("X-API-Key", "key-123"),
            ("Accept", "application/json"),
        ]))
        #expect(request.body == nil)
        #expect(await transport.baseURLs == [Servers.server1])
    }

    @Test func absentOptionalParametersSendNothing() async throws {
        let transport = RecordingTransport(.json(200, "{}"))
        let item = try await client(transport).getItem(id: "42", fields: [], filter: .init(size: 3))
        #expect(item == .init())
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/items/42")
        #expect(request.query == [QueryItem(name: "filter[size]", value: "3")])
        #expect(request.headers["X-Request-ID"] == nil)
        #expect(request.headers["Cookie"] == nil)
        #expect(request.headers["X-Tenant"] == "acme")
    }

    @Test func apiKeyIsPreferredAndBearerIsTheAlternative() async throws {
        let transport = RecordingTransport(.json(200, "{}"))
        _ = try await client(transport, apiKey: "k", bearerToken: "t").getItem(id: "1")
        _ = try await client(transport, apiKey: nil, bearerToken: "tok").getItem(id: "1")
        _ = try await client(transport, apiKey: nil).getItem(id: "1")
        let requests = await transport.requests
        try #require(requests.count == 3)
        #expect(requests[0].headers["X-API-Key"] == "k")
        #expect(requests[0].headers["Authorization"] == nil)
        #expect(requests[1].headers["Authorization"] == "Bearer tok")
        #expect(requests[1].headers["X-API-Key"] == nil)
        #expect(requests[2].headers["Authorization"] == nil)
        #expect(requests[2].headers["X-API-Key"] == nil)
    }

    @Test func operationWithEmptySecuritySendsNoCredentials() async throws {
        let transport = RecordingTransport(.raw(204))
        try await client(transport, bearerToken: "tok").deleteItem(id: "x?y#z")
        let request = try #require(await transport.requests.first)
        #expect(request.method == "DELETE")
        #expect(request.path == "/items/x%3Fy%23z")
        #expect(request.headers == HTTPFields([("X-Tenant", "acme")]))
    }

    @Test func undocumentedStatusThrowsFromTheConvenienceMethod() async throws {
        let reply = HTTPResponse.json(404, #"{"detail": "gone"}"#)
        let transport = RecordingTransport(reply)
        let error = try await #require(throws: OperationError<GoldenParameters.Operations.DeleteItem.Output>.self) {
            try await client(transport).deleteItem(id: "1")
        }
        #expect(error.output == .undocumented(statusCode: 404, reply))
        #expect(error.operationID == "deleteItem")
        #expect(!error.description.contains("key-123"))
    }

    @Test func pathStylesSimpleLabelAndMatrix() async throws {
        let transport = RecordingTransport(.raw(200, Data("hello".utf8), contentType: "text/plain"))
        let text = try await client(transport).getPoint(coords: [1.5, 2, -3], label: "x y", matrix: ["a", "b,c"])
        #expect(text == "hello")
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/points/1.5,2,-3/.x%20y/;matrix=a;matrix=b%2Cc")
        #expect(request.headers == HTTPFields([
            ("X-Tenant", "acme"), ("X-API-Key", "key-123"), ("Accept", "text/plain"),
        ]))
    }

    @Test func parameterConstraintsAreCheckedBeforeSending() async throws {
        let transport = RecordingTransport(.json(200, "{}"))
        #expect(GoldenParameters.Operations.GetItem.Input(id: "1", limit: 0).validationIssues == [
            ValidationIssue(path: "limit", message: "0 is less than the minimum 1"),
        ])
        #expect(GoldenParameters.Operations.GetItem.Input(id: "1", limit: 50).validationIssues == [])
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).getItem(id: "1", limit: 51)
        }
        guard case .invalidInput(let operationID, let failure) = error else {
            Issue.record("expected invalidInput, got \(error)")
            return
        }
        #expect(operationID == "getItem")
        #expect(failure.issues == [ValidationIssue(path: "limit", message: "51 is greater than the maximum 50")])
        #expect(await transport.requests.isEmpty)
    }

    @Test func serverTemplates() {
        #expect(Servers.server1.absoluteString == "https://api.example.com/v1")
        #expect(Servers.server2().absoluteString == "https://eu.example.com/v1")
        #expect(Servers.server2(region: "us", version: "v2").absoluteString == "https://us.example.com/v2")
    }

    @Test func cookieValuesCannotAddCookies() async throws {
        let transport = RecordingTransport(.json(200, "{}"))
        _ = try await client(transport).getItem(id: "1", session: "a; admin=1")
        let request = try #require(await transport.requests.first)
        #expect(request.headers["Cookie"] == "session=a%3B%20admin%3D1")
    }

    @Test func clientLevelHeaderValuesCannotAddHeaders() async throws {
        let transport = RecordingTransport(.json(200, "{}"))
        _ = try await client(transport, apiKey: "k\r\nX-Admin: 1", tenant: "acme\r\nX-Evil: 1").getItem(id: "1")
        let request = try #require(await transport.requests.first)
        #expect(request.headers["X-Tenant"] == "acme  X-Evil: 1")
        #expect(request.headers["X-API-Key"] == "k  X-Admin: 1")
    }
}
