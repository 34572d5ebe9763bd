import Foundation
import OpenAPIGenRuntime
import RoundTripContentTypes
import Testing

/// Stores what it is sent; answers each report id in another of the documented media types.
private struct Reports: GoldenServerContentTypesAPI {
    let recorder: Recorder

    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        let report = Report(title: "Q3 & more", pages: 12)
        switch input.id {
        case "json": return .ok(.json(report))
        case "csv": return .ok(.csv("a,b\n1,2\n"))
        case "form": return .ok(.form(report))
        case "png":
            // A documented range (`image/*`): the handler names the type.
            return .ok(.image(HTTPBody(Data([0x89, 0x50, 0x4E, 0x47]))),
                       headers: ResponseHeaders(raw: HTTPResponse(status: 200, headers: HTTPFields([("Content-Type", "image/png")]))))
        case "bytes": return .ok(.image(HTTPBody(Data([1, 2]))))
        default: return .notFound(.problemJSON(Problem(title: "no report \(input.id)")))
        }
    }

    func createReport(_ input: Operations.CreateReport.Input) async throws -> Operations.CreateReport.Output {
        await recorder.record(input)
        return .created(Report(title: "stored"))
    }
}

@Suite struct ContentTypesRoundTripTests {
    @Test func everyRequestVariantArrivesAsSent() async throws {
        let recorder = Recorder()
        try await serving({ try await Reports(recorder: recorder).registerHandlers(on: $0) }) { (url: URL) async throws -> Void in
            let client = GoldenServerContentTypesClient(baseURL: url)
            let bodies: [Operations.CreateReport.RequestBody] = [
                .json(Report(title: "j", pages: 1)), .form(Report(title: "f 1&2", pages: 2)),
                .plainText("plain ünicode"), .octetStream(HTTPBody(Data([0, 255, 10]))),
            ]
            for body in bodies {
                #expect(try await client.createReport(.init(body: body)) == .created(Report(title: "stored")))
                #expect(await recorder.last(Operations.CreateReport.Input.self) == .init(body: body))
            }
        }
    }

    @Test func everyResponseMediaTypeComesBack() async throws {
        try await serving({ try await Reports(recorder: Recorder()).registerHandlers(on: $0) }) { (url: URL) async throws -> Void in
            let client = GoldenServerContentTypesClient(baseURL: url)
            let report = Report(title: "Q3 & more", pages: 12)
            #expect(try await client.getReport(.init(id: "json")) == .ok(.json(report)))
            #expect(try await client.getReport(.init(id: "csv")) == .ok(.csv("a,b\n1,2\n")))
            #expect(try await client.getReport(.init(id: "form")) == .ok(.form(report)))
            guard case .ok(.image(let png), let headers) = try await client.getReport(.init(id: "png")) else {
                Issue.record("expected an image")
                return
            }
            #expect(headers.raw.headers["Content-Type"] == "image/png")
            #expect(try await png.collect(upTo: 100) == Data([0x89, 0x50, 0x4E, 0x47]))
            guard case .ok(.image(let bytes), _) = try await client.getReport(.init(id: "bytes")) else {
                Issue.record("expected bytes for the image/* range")
                return
            }
            #expect(try await bytes.collect(upTo: 100) == Data([1, 2]))
            #expect(try await client.getReport(.init(id: "nope")) == .notFound(.problemJSON(Problem(title: "no report nope"))))
        }
    }
}
