import Foundation
import OpenAPIGenRuntime
import RoundTripStreams32
import Testing

private let orders = [Order(id: "a", quantity: 2), Order(id: "b", additionalProperties: ["gift": true])]
private let changes: [Operations.OrderChanges.OkBodyEvent] = [
    .created(Order(id: "a")), .note("two\nlines"), .deleted(.init(id: "a")), .other(ServerSentEvent(event: "archived", data: "x")),
]

private func part(_ headers: [(String, String)], _ text: String) -> MultipartPart {
    var fields = HTTPFields()
    for (name, value) in headers { fields.append(name, value) }
    return MultipartPart(headers: fields, body: Data(text.utf8))
}

/// Parts written from `items` as a client would upload them, with their boundary.
private func parts<Item: Sendable>(_ items: [Item], as contentType: String) -> MultipartParts {
    let upload = MultipartUpload(items, boundary: "rt-\(items.count)")
    return MultipartParts(body: upload.body(partContentType: contentType), boundary: upload.boundary)
}

private func collected<S: AsyncSequence>(_ items: S) async throws -> [S.Element] {
    var read: [S.Element] = []
    for try await item in items { read.append(item) }
    return read
}

/// Answers every stream from the lists above; reads every upload to its end and records it.
private struct Streams: GoldenServerStreams32API {
    let recorder: Recorder

    func listAttachments(_ input: Operations.ListAttachments.Input) async throws -> Operations.ListAttachments.Output {
        .ok(parts([part([("Content-Type", "text/plain"), ("Content-ID", "<a>")], "first\r\npart"), part([], "--no-boundary--")],
                  as: "application/octet-stream"))
    }
    func getProfile(_ input: Operations.GetProfile.Input) async throws -> Operations.GetProfile.Output {
        .ok(parts([part([("Content-Disposition", "form-data; name=\"name\"")], "Ada"),
                   part([("Content-Disposition", "form-data; name=\"avatar\"; filename=\"a.png\""), ("Content-Type", "image/png")], "PNG")],
                  as: "text/plain"))
    }
    func orderBatch(_ input: Operations.OrderBatch.Input) async throws -> Operations.OrderBatch.Output {
        .ok(MultipartItems(parts: parts(orders, as: "application/json")))
    }
    func submitOrders(_ input: Operations.SubmitOrders.Input) async throws -> Operations.SubmitOrders.Output {
        // Items are decoded as their parts arrive, so one that does not decode is met here:
        // this handler answers it 400 rather than letting it become a 500.
        do {
            await recorder.record(try await collected(input.body.received!))
        } catch is StreamItemError {
            return .undocumented(statusCode: 400, HTTPResponse(status: 400))
        }
        return .accepted()
    }
    func streamPhotos(_ input: Operations.StreamPhotos.Input) async throws -> Operations.StreamPhotos.Output {
        .ok(MultipartItems(parts: parts([part([("Content-Type", "image/jpg")], "JPEG1"), part([("Content-Type", "image/jpg")], "JPEG2")], as: "image/jpg"),
                           partContentType: "image/jpg"))
    }
    func counts(_ input: Operations.Counts.Input) async throws -> Operations.Counts.Output {
        .ok(MultipartItems(parts: parts([3, -1, 0], as: "text/plain"), partContentType: "text/plain"))
    }
    func getPage(_ input: Operations.GetPage.Input) async throws -> Operations.GetPage.Output {
        let page: [Operations.GetPage.OkBodyPart] = [
            .part1(.init(author: "Ann")), .part2("<p>hi</p>"), .item(MultipartPart(contentType: "image/png", body: Data([0, 1, 2]))),
        ]
        return .ok(MultipartItems(parts: parts(page, as: "application/json")))
    }
    func putPage(_ input: Operations.PutPage.Input) async throws -> Operations.PutPage.Output {
        await recorder.record(try await collected(input.body.received!))
        return .noContent()
    }
    func publishOrderEvents(_ input: Operations.PublishOrderEvents.Input) async throws -> Operations.PublishOrderEvents.Output {
        await recorder.record(try await collected(ServerSentEvents<Order>(body: input.body.body).payloads()))
        return .noContent()
    }
    func publishNotes(_ input: Operations.PublishNotes.Input) async throws -> Operations.PublishNotes.Output {
        await recorder.record(try await collected(ServerSentEvents<String>(body: input.body.body)))
        return .noContent()
    }
    func orderChanges(_ input: Operations.OrderChanges.Input) async throws -> Operations.OrderChanges.Output {
        await recorder.record(input)
        return .ok(ServerSentEvents(body: ServerSentEventUpload(kinds: changes).body))
    }
    func replayOrderChanges(_ input: Operations.ReplayOrderChanges.Input) async throws -> Operations.ReplayOrderChanges.Output {
        await recorder.record(try await collected(ServerSentEvents<Operations.ReplayOrderChanges.BodyPayload>(body: input.body.body).payloads()))
        return .noContent()
    }
    func addRedirect(_ input: Operations.AddRedirect.Input) async throws -> Operations.AddRedirect.Output {
        await recorder.record(input)
        return .noContent()
    }
    func getShipment(_ input: Operations.GetShipment.Input) async throws -> Operations.GetShipment.Output {
        switch input.id {
        case "truck": return .ok(.truck(Truck(carrier: "truck", plate: "AB 12")))
        case "drone": return .ok(.drone(Drone(carrier: "drone", range: 5)))
        default: return .ok(.otherCarrier(OtherCarrier(carrier: input.id, name: "Velo")))
        }
    }
}

@Suite(.serialized) struct Streams32RoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Streams(recorder: recorder).registerHandlers(on: $0) }

    static func client() async throws -> GoldenServerStreams32Client {
        // Uploads spooled: FoundationNetworking reads a streamed one with blocking reads on the
        // queue every transfer of the process shares, which stalls the other suites' requests.
        GoldenServerStreams32Client(baseURL: try await server.url, transport: URLSessionTransport(streaming: .init(uploads: .spooledToFile)))
    }

    @Test func everyMultipartResponseArrivesPartByPart() async throws {
        let client = try await Self.client()
        guard case .ok(let attachments, _) = try await client.listAttachments(.init()),
              case .ok(let profile, _) = try await client.getProfile(.init()),
              case .ok(let batch, _) = try await client.orderBatch(.init()),
              case .ok(let photos, _) = try await client.streamPhotos(.init()),
              case .ok(let counts, _) = try await client.counts(.init()),
              case .ok(let page, _) = try await client.getPage(.init()) else {
            Issue.record("expected 200s")
            return
        }
        let files = try await collected(attachments)
        #expect(files.map(\.text) == ["first\r\npart", "--no-boundary--"])
        #expect(files.map(\.contentType) == ["text/plain", "application/octet-stream"])
        #expect(files.first?.headers["Content-ID"] == "<a>")
        let fields = try await collected(profile)
        #expect(fields.map(\.name) == ["name", "avatar"] && fields.map(\.text) == ["Ada", "PNG"])
        #expect(fields.last?.filename == "a.png" && fields.last?.contentType == "image/png")
        #expect(try await collected(batch) == orders)
        #expect(try await collected(photos).map(\.text) == ["JPEG1", "JPEG2"])
        #expect(try await collected(counts) == [3, -1, 0])
        let pageParts = try await collected(page)
        #expect(pageParts.count == 3)
        guard pageParts.count == 3, case .part1(let head) = pageParts[0], case .part2(let html) = pageParts[1], case .item(let image) = pageParts[2] else {
            Issue.record("expected the page, its HTML and an image, got \(pageParts)")
            return
        }
        #expect(head.author == "Ann" && html == "<p>hi</p>" && image.body == Data([0, 1, 2]) && image.contentType == "image/png")
    }

    @Test func eventStreamsGoBothWays() async throws {
        let client = try await Self.client()
        #expect(try await client.publishOrderEvents(.init(body: ServerSentEventUpload(payloads: orders))) == .noContent())
        #expect(await Self.recorder.last([Order].self) == orders)
        let notes = [ServerSentEvent(event: "note", data: "two\nlines", id: "7"), ServerSentEvent(data: "")]
        #expect(try await client.publishNotes(.init(body: ServerSentEventUpload(events: notes))) == .noContent())
        // The last event ID carries over to the events after it, as the WHATWG parser says.
        #expect(await Self.recorder.last([ServerSentEvent].self) == [notes[0], ServerSentEvent(data: "", id: "7")])
        let kinds: [Operations.ReplayOrderChanges.BodyPayload] = [.created(Order(id: "c")), .note("hi"), .deleted(.init(id: "c"))]
        #expect(try await client.replayOrderChanges(.init(body: ServerSentEventUpload(kinds: kinds))) == .noContent())
        #expect(await Self.recorder.last([Operations.ReplayOrderChanges.BodyPayload].self) == kinds)

        // `allowReserved`: `+`, `/` and `:` are sent and read as they are. (A `%` followed by two
        // hex digits is sent as it is too, so it arrives decoded: RFC 6570 has no way round that.)
        let since = "2026-01-01T00:00:00+01:00/p2 #a"
        guard case .ok(let stream, _) = try await client.orderChanges(.init(since: since)) else {
            Issue.record("expected 200")
            return
        }
        #expect(try await collected(stream.payloads()) == changes)
        #expect(await Self.recorder.last(Operations.OrderChanges.Input.self) == .init(since: since))
    }

    @Test func formsAndDefaultMappingsSurvive() async throws {
        let client = try await Self.client()
        // (No `%2F` in the target: an allowReserved member sends escapes as they are, so they arrive decoded.)
        let redirect = Operations.AddRedirect.Body(target: "https://a.example/b:c?d=é #x", note: "a/b & c+d")
        #expect(try await client.addRedirect(.init(body: redirect)) == .noContent())
        #expect(await Self.recorder.last(Operations.AddRedirect.Input.self) == .init(body: redirect))
        #expect(try await client.getShipment(.init(id: "truck")) == .ok(.truck(Truck(carrier: "truck", plate: "AB 12"))))
        #expect(try await client.getShipment(.init(id: "drone")) == .ok(.drone(Drone(carrier: "drone", range: 5))))
        #expect(try await client.getShipment(.init(id: "bike")) == .ok(.otherCarrier(OtherCarrier(carrier: "bike", name: "Velo"))))
    }

    @Test func typedMultipartUploadsArriveItemByItem() async throws {
        let client = try await Self.client()
        #expect(try await client.submitOrders(.init(body: MultipartUpload(orders))) == .accepted())
        #expect(await Self.recorder.last([Order].self) == orders)
        let extra = MultipartPart(contentType: "image/png", body: Data([9, 8, 7]))
        #expect(try await client.putPage(.init(body: MultipartUpload([.part1(Order(id: "p")), .part2(7), .other(extra)], boundary: "w"))) == .noContent())
        let page = try #require(await Self.recorder.last([Operations.PutPage.BodyPart].self))
        #expect(page.count == 3 && Array(page.prefix(2)) == [.part1(Order(id: "p")), .part2(7)])
        guard case .other(let image)? = page.last else {
            Issue.record("expected the third part as it was sent, got \(page)")
            return
        }
        #expect(image.body == Data([9, 8, 7]) && image.contentType == "image/png")
    }

    @Test func malformedAndUnreadableUploadsAre4xx() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let noBoundary = try await raw("PUT", url, "/pages", headers: ["Content-Type": "multipart/mixed"], body: Data("--w\r\n\r\n{}\r\n--w--\r\n".utf8))
        #expect(noBoundary.status == 400 && noBoundary.text.contains("boundary"), "\(noBoundary.text)")
        let badItem = try await raw("POST", url, "/orders/batch", headers: ["Content-Type": "multipart/mixed; boundary=o"],
                                    body: Data("--o\r\n\r\n{\"id\": \"a\"}\r\n--o\r\n\r\n{\"qty\": 1}\r\n--o--\r\n".utf8))
        #expect(badItem.status == 400)
        let form = try await raw("POST", url, "/redirects", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("note=n".utf8))
        #expect(form.status == 400 && problems(form.text) == ["body:target"], "\(form.text)")
        let media = try await raw("POST", url, "/notes/events", headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
        #expect(media.status == 415, "\(media.text)")
        let empty = try await raw("POST", url, "/orders/events")
        #expect(empty.status == 400 && empty.text.contains("required"), "\(empty.text)")
        #expect(await Self.recorder.inputs.count == before)
    }
}
