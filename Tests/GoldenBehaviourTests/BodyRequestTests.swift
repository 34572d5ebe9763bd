import ClientTestSupport
import Foundation
import Testing
import GoldenBodies

private let receiptID = UUIDText(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!)
private let receiptJSON = #"{"id": "6F9619FF-8B86-D011-B42D-00C04FC964FF", "bytes": "AAEC/w=="}"#

private func client(_ transport: RecordingTransport) -> GoldenBodiesClient {
    GoldenBodiesClient(baseURL: exampleBaseURL, transport: transport)
}

@Suite("Request and response bodies") struct BodyRequestTests {
    // MARK: JSON and status ranges

    @Test func jsonBodyIsSentWithItsContentType() async throws {
        let transport = RecordingTransport(.json(201, receiptJSON))
        let body = GoldenBodies.Operations.PostJSON.Body(name: "n", created: DateTime(Date(timeIntervalSince1970: 1_779_987_900.5)))
        let receipt = try await client(transport).postJSON(body: body)
        #expect(receipt == Receipt(id: receiptID, bytes: Data([0, 1, 2, 255])))

        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/json")
        #expect(request.headers == HTTPFields([("Accept", "application/json, application/problem+json;q=0.9"), ("Content-Type", "application/json")]))
        #expect(String(decoding: try #require(request.body), as: UTF8.self) == #"{"created":"2026-05-28T17:05:00.500Z","name":"n"}"#)
    }

    @Test func jsonBodyOmitsNilProperties() async throws {
        let transport = RecordingTransport(.json(200, receiptJSON))
        _ = try await client(transport).postJSON(body: .init(name: "only"))
        let request = try #require(await transport.requests.first)
        #expect(String(decoding: try #require(request.body), as: UTF8.self) == #"{"name":"only"}"#)
    }

    @Test func statusRangesSelectTheirCase() async throws {
        let problem = HTTPResponse.json(404, #"{"title": "Not Found", "status": 404}"#, contentType: "application/problem+json")
        let transport = RecordingTransport(
            .json(202, receiptJSON), problem, .raw(500), .raw(302), .json(299, #"{"id": "6F9619FF-8B86-D011-B42D-00C04FC964FF"}"#))
        let input = GoldenBodies.Operations.PostJSON.Input(body: .init(name: "n"))
        let c = client(transport)
        #expect(try await c.postJSON(input) == .success(statusCode: 202, Receipt(id: receiptID, bytes: Data([0, 1, 2, 255]))))
        #expect(try await c.postJSON(input) == .clientError(statusCode: 404, Problem(title: "Not Found", status: 404)))
        #expect(try await c.postJSON(input) == .default(statusCode: 500))
        #expect(try await c.postJSON(input) == .default(statusCode: 302))
        let last = try await c.postJSON(input)
        #expect(last == .success(statusCode: 299, Receipt(id: receiptID)))
        #expect(last.statusCode == 299)
    }

    @Test func acceptNamesEveryMediaTypeTheOperationDecodes() async throws {
        let transport = RecordingTransport(.json(200, receiptJSON))
        _ = try await client(transport).postJSON(body: .init(name: "n"))
        let request = try #require(await transport.requests.first)
        // 4XX responses are documented (and decoded) as application/problem+json.
        #expect(request.headers.values(for: "Accept").joined(separator: ", ").contains("application/problem+json"))
    }

    @Test func errorRangeThrowsFromTheConvenienceMethod() async throws {
        let transport = RecordingTransport(.json(422, #"{"title": "Invalid"}"#, contentType: "application/problem+json"))
        let error = try await #require(throws: OperationError<GoldenBodies.Operations.PostJSON.Output>.self) {
            try await client(transport).postJSON(body: .init(name: "n"))
        }
        #expect(error.output == .clientError(statusCode: 422, Problem(title: "Invalid")))
        #expect(error.statusCode == 422)
    }

    @Test func undecodableSuccessBodyNamesTheCodingPath() async throws {
        let transport = RecordingTransport(.json(200, #"{"id": "not-a-uuid"}"#))
        let error = try await #require(throws: ClientError.self) {
            try await client(transport).postJSON(body: .init(name: "n"))
        }
        guard case .undecodableResponse(let operationID, let status, let contentType, let underlying) = error else {
            Issue.record("expected undecodableResponse, got \(error)")
            return
        }
        #expect(operationID == "postJSON")
        #expect(status == 200)
        #expect(contentType == "application/json")
        #expect(underlying.hasPrefix("id: "))
    }

    @Test func uuidsRoundTripAsTheServerWroteThem() throws {
        // RFC 9562 output is lower case, and the runtime already sends UUID parameters that way.
        let text = #"{"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff"}"#
        let receipt = try decode(Receipt.self, text)
        #expect(receipt.id == receiptID)
        // The text is written back as read, whatever its case; values compare case-insensitively.
        #expect(try encodedJSON(receipt) == json(text))
        #expect(try encodedJSON(Receipt(id: receiptID))["id"] == "6f9619ff-8b86-d011-b42d-00c04fc964ff")
    }

    // MARK: Other media types

    @Test func formBodyIsURLEncoded() async throws {
        let transport = RecordingTransport(.raw(204))
        try await client(transport).postForm(body: .init(email: "a+b@example.com", metadata: ["order": "42", "note": "x y&z"]))
        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/form")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: try #require(request.body), as: UTF8.self)
            == "email=a%2Bb%40example.com&metadata%5Bnote%5D=x%20y%26z&metadata%5Border%5D=42")
    }

    /// The form's Encoding Object for `tags` (pipeDelimited, not exploded) is applied.
    @Test func formBodyAppliesEncodingObjects() async throws {
        let transport = RecordingTransport(.raw(204))
        try await client(transport).postForm(body: .init(email: "e", tags: ["a", "b c"]))
        let request = try #require(await transport.requests.first)
        #expect(String(decoding: try #require(request.body), as: UTF8.self) == "email=e&tags=a%7Cb%20c")
    }

    @Test func optionalFormBodyCanBeLeftOut() async throws {
        let transport = RecordingTransport(.raw(204))
        let output = try await client(transport).postForm(GoldenBodies.Operations.PostForm.Input())
        #expect(output == .noContent())
        let request = try #require(await transport.requests.first)
        #expect(request.body == nil)
        #expect(request.headers["Content-Type"] == nil)
    }

    @Test func multipartBodyCarriesItsBoundary() async throws {
        let transport = RecordingTransport(.json(201, receiptJSON))
        let form = MultipartFormData(parts: [
            .init(name: "file", filename: "a.txt", contentType: "text/plain", data: Data("hello".utf8)),
            .init(name: "note", text: "hi"),
        ], boundary: "BOUNDARY")
        let receipt = try await client(transport).upload(body: form)
        #expect(receipt.id == receiptID)
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/upload")
        #expect(request.headers["Content-Type"] == "multipart/form-data; boundary=BOUNDARY")
        let expected = "--BOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
            + "--BOUNDARY\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--BOUNDARY--\r\n"
        #expect(request.body == Data(expected.utf8))
    }

    @Test func plainTextIsSentAndReceivedAsUTF8() async throws {
        let transport = RecordingTransport(.raw(200, Data("écho ✓".utf8), contentType: "text/plain"))
        let echoed = try await client(transport).putText(body: "héllo\nworld")
        #expect(echoed == "écho ✓")
        let request = try #require(await transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.path == "/text")
        #expect(request.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(request.headers["Accept"] == "text/plain")
        #expect(request.body == Data("héllo\nworld".utf8))
    }

    @Test func plainTextDeclaresItsCharset() async throws {
        // Without a charset parameter text/plain means US-ASCII (RFC 2046), so "é" would be misread.
        let transport = RecordingTransport(.raw(200, contentType: "text/plain"))
        _ = try await client(transport).putText(body: "héllo")
        let request = try #require(await transport.requests.first)
        #expect(request.headers["Content-Type"]?.lowercased() == "text/plain; charset=utf-8")
    }

    @Test func bytesAreSentAndReceivedUntouched() async throws {
        let bytes = Data([0, 1, 2, 0xFE, 0xFF, 0x0D, 0x0A])
        let transport = RecordingTransport(.raw(200, Data(bytes.reversed()), contentType: "application/octet-stream"))
        let stored = try await client(transport).putBlob(body: HTTPBody(bytes))
        #expect(try await stored.collect(upTo: 100) == Data(bytes.reversed()))
        let request = try #require(await transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.path == "/blob")
        #expect(request.headers["Content-Type"] == "application/octet-stream")
        #expect(request.body == bytes)
    }
}
