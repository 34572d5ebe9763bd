import ClientTestSupport
import Foundation
import GoldenContentTypes
import OpenAPIGenRuntime
import Testing

private func client(_ transport: RecordingTransport) -> GoldenContentTypesClient {
    GoldenContentTypesClient(baseURL: exampleBaseURL, transport: transport)
}

private func reply(_ status: Int, _ contentType: String?, _ body: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: HTTPFields(contentType.map { [("Content-Type", $0)] } ?? []), body: Data(body.utf8))
}

@Suite("Several content types") struct ContentTypeTests {
    @Test func theActualContentTypeChoosesTheCase() async throws {
        let json = try await client(RecordingTransport(reply(200, "application/json; charset=utf-8", #"{"title": "Q1"}"#))).getReport(id: "r")
        #expect(json == .json(Report(title: "Q1")))
        let csv = try await client(RecordingTransport(reply(200, "TEXT/CSV", "a,b\n1,2\n"))).getReport(id: "r")
        #expect(csv == .csv("a,b\n1,2\n"))
        let form = try await client(RecordingTransport(reply(200, "application/x-www-form-urlencoded", "title=Q%201&pages=3"))).getReport(id: "r")
        #expect(form == .form(Report(title: "Q 1", pages: 3)))
        let png = try await client(RecordingTransport(reply(200, "image/png", "\u{89}PNG"))).getReport(id: "r")
        guard case .image(let bytes) = png else {
            Issue.record("expected image/* to match image/png")
            return
        }
        #expect(try await bytes.collect(upTo: 100) == Data("\u{89}PNG".utf8))
    }

    @Test func suffixesAndWildcardsMatchMostSpecificFirst() async throws {
        let problem = try await client(RecordingTransport(reply(404, "application/problem+json", #"{"title": "gone"}"#))).getReport(.init(id: "r"))
        #expect(problem == .notFound(.problemJSON(Problem(title: "gone"))))
        let other = try await client(RecordingTransport(reply(404, "text/html", "<p>gone</p>"))).getReport(.init(id: "r"))
        guard case .notFound(.any(let body), _) = other else {
            Issue.record("expected */* to take text/html")
            return
        }
        #expect(try await body.collect(upTo: 100) == Data("<p>gone</p>".utf8))
    }

    @Test func anUndocumentedContentTypeIsAnErrorNamingBoth() async throws {
        let error = await #expect(throws: ClientError.self) {
            _ = try await client(RecordingTransport(reply(200, "application/xml", "<r/>"))).getReport(id: "r")
        }
        let text = error?.description ?? ""
        #expect(text.contains("`application/xml`"))
        #expect(text.contains("`application/json`, `text/csv`, `application/x-www-form-urlencoded`, `image/*`"))
    }

    @Test func acceptStatesThePreferenceOrder() async throws {
        let transport = RecordingTransport(reply(200, "application/json", #"{"title": "Q1"}"#))
        _ = try await client(transport).getReport(id: "r")
        let request = try #require(await transport.requests.first)
        #expect(request.headers["Accept"]
            == "application/json, text/csv;q=0.9, application/x-www-form-urlencoded;q=0.8, image/*;q=0.7, application/problem+json;q=0.6, */*;q=0.5")
    }

    @Test func theCallerChoosesTheRequestContentType() async throws {
        let stored = reply(201, "application/json", #"{"title": "x"}"#)
        for (body, contentType, sent) in [
            (Operations.CreateReport.RequestBody.json(Report(title: "x")), "application/json", #"{"title":"x"}"#),
            (.form(Report(title: "a b", pages: 2)), "application/x-www-form-urlencoded", "pages=2&title=a%20b"),
            (.plainText("x"), "text/plain; charset=utf-8", "x"),
            (.octetStream(HTTPBody(Data([1, 2]))), "application/octet-stream", "\u{1}\u{2}"),
        ] {
            let transport = RecordingTransport(stored)
            #expect(try await client(transport).createReport(body: body) == Report(title: "x"))
            let request = try #require(await transport.requests.first)
            #expect(request.headers["Content-Type"] == contentType)
            #expect(request.body == Data(sent.utf8))
        }
    }
}
