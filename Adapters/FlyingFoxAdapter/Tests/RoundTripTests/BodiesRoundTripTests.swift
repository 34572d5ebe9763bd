import Foundation
import OpenAPIGenRuntime
import RoundTripBodies
import Testing

private struct Store: GoldenServerBodiesAPI {
    let recorder: Recorder

    func postJSON(_ input: Operations.PostJSON.Input) async throws -> Operations.PostJSON.Output {
        await recorder.record(input)
        if input.body.name == "bad" { return .clientError(statusCode: 409, Problem(title: "taken", status: 409)) }
        return .success(statusCode: 201, Receipt(id: UUIDText(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!), bytes: Data(input.body.name.utf8)))
    }

    func postForm(_ input: Operations.PostForm.Input) async throws -> Operations.PostForm.Output {
        await recorder.record(input)
        return .noContent()
    }

    func upload(_ input: Operations.Upload.Input) async throws -> Operations.Upload.Output {
        await recorder.record(input)
        return .created(Receipt(id: UUIDText(), bytes: input.body.parts.first?.data))
    }

    func putText(_ input: Operations.PutText.Input) async throws -> Operations.PutText.Output {
        .ok(String(input.body.reversed()))
    }

    func putBlob(_ input: Operations.PutBlob.Input) async throws -> Operations.PutBlob.Output {
        // Streams the upload back as it arrives.
        .ok(HTTPBody(input.body))
    }
}

@Suite struct BodiesRoundTripTests {
    @Test func bodiesAndDocumentedStatusesSurvive() async throws {
        let recorder = Recorder()
        try await serving({ try await Store(recorder: recorder).registerHandlers(on: $0) }) { url in
            let client = GoldenServerBodiesClient(baseURL: url)
            let body = Operations.PostJSON.Body(name: "ünï", created: DateTime(rfc3339: "2026-01-02T03:04:05.5Z"), additionalProperties: ["extra": .integer(1)])
            let output = try await client.postJSON(.init(body: body))
            guard case .success(201, let receipt, _) = output else {
                Issue.record("expected 201, got \(output)")
                return
            }
            #expect(receipt.bytes == Data("ünï".utf8))
            #expect(await recorder.last(Operations.PostJSON.Input.self) == .init(body: body))
            guard case .clientError(409, let problem, _) = try await client.postJSON(.init(body: .init(name: "bad"))) else {
                Issue.record("expected 409")
                return
            }
            #expect(problem.title == "taken")

            let forms: [Operations.PostForm.Body] = [
                .init(email: "a+b@x.org", metadata: ["n": "42", "flag": "true", "s p": "é&="], tags: ["1", "two|three"]),
                .init(email: "12", tags: ["only"]),
                .init(metadata: [:], tags: []),
            ]
            for form in forms {
                #expect(try await client.postForm(.init(body: form)) == .noContent())
                let received = await recorder.last(Operations.PostForm.Input.self)?.body
                // A pipe inside a pipeDelimited item cannot survive (RFC 6570 has no escape for it);
                // empty collections are not sent at all.
                var expected = form
                if expected.tags == ["1", "two|three"] { expected.tags = ["1", "two", "three"] }
                if expected.tags == [] { expected.tags = nil }
                if expected.metadata == [:] { expected.metadata = nil }
                // A form with nothing in it is an empty body, which reads as no (optional) body.
                #expect(received == (expected == .init() ? nil : expected))
            }

            let file = Data((0..<3000).map { UInt8($0 % 256) }) + Data("\r\n--not-the-boundary\r\n".utf8)
            let form = MultipartFormData(parts: [
                .init(name: "file", filename: "a \"b\".bin", contentType: "application/octet-stream", data: file),
                .init(name: "note", text: "héllo"),
            ])
            guard case .created(let stored, _) = try await client.upload(.init(body: form)) else {
                Issue.record("expected 201")
                return
            }
            #expect(stored.bytes == file)
            #expect(await recorder.last(Operations.Upload.Input.self) == .init(body: form))

            #expect(try await client.putText(.init(body: "héllo\nwörld")) == .ok("dlröw\nolléh"))
            let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
            guard case .ok(let echoed, _) = try await client.putBlob(.init(body: HTTPBody(bytes))) else {
                Issue.record("expected 200")
                return
            }
            #expect(try await echoed.collect(upTo: 1 << 20) == bytes)
        }
    }

    @Test func malformedBodiesAre4xx() async throws {
        let recorder = Recorder()
        let options = ServerOptions(maxBodyBytes: 4096)
        try await serving({ try await Store(recorder: recorder).registerHandlers(on: $0, options: options) }) { url in
            let json = ["Content-Type": "application/json"]
            let invalid = try await raw("POST", url, "/json", headers: json, body: Data("{\"name\": ".utf8))
            #expect(invalid.status == 400 && problems(invalid.text) == ["body:"])
            let missing = try await raw("POST", url, "/json", headers: json, body: Data("{\"created\": \"2026-01-01T00:00:00Z\"}".utf8))
            #expect(missing.status == 400 && problems(missing.text) == ["body:name"])
            let wrongType = try await raw("POST", url, "/json", headers: json, body: Data("{\"name\": 5}".utf8))
            #expect(wrongType.status == 400 && problems(wrongType.text) == ["body:name"])
            let empty = try await raw("POST", url, "/json", headers: json)
            #expect(empty.status == 400 && empty.text.contains("is required"))
            let media = try await raw("POST", url, "/json", headers: ["Content-Type": "text/csv"], body: Data("a,b".utf8))
            #expect(media.status == 415)
            let big = try await raw("POST", url, "/json", headers: json, body: Data(("{\"name\": \"" + String(repeating: "x", count: 10_000) + "\"}").utf8))
            #expect(big.status == 413 && big.text.contains("4096"))
            let notUTF8 = try await raw("PUT", url, "/text", headers: ["Content-Type": "text/plain"], body: Data([0xFF, 0xFE]))
            #expect(notUTF8.status == 400)
            let form = try await raw("POST", url, "/form", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("email[x]=a&tags=%ZZ".utf8))
            #expect(form.status == 400)
            let shape = try await raw("POST", url, "/form", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("email[x]=a".utf8))
            #expect(shape.status == 400 && problems(shape.text) == ["body:email"])
            let multipart = try await raw("POST", url, "/upload", headers: ["Content-Type": "multipart/form-data; boundary=b"], body: Data("--c\r\n".utf8))
            #expect(multipart.status == 400 && multipart.text.contains("boundary"))
            #expect(await recorder.inputs.isEmpty)
        }
    }
}
