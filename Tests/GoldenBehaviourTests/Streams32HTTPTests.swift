import ClientTestSupport
import Foundation
import GoldenStreams32
import OpenAPIGenRuntime
import Testing

/// OpenAPI 3.2's item streams beyond JSON sequences, over a real socket through URLSession:
/// multipart responses read part by part while they arrive (split anywhere), typed parts both
/// ways, typed event uploads, event kinds, a `defaultMapping` outside its union and
/// `allowReserved`.
@Suite("Streams32 over HTTP") struct Streams32HTTPTests {
    /// The requests a server received, in order.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [LocalRequest] = []
        func append(_ request: LocalRequest) { lock.withLock { list.append(request) } }
        var requests: [LocalRequest] { lock.withLock { list } }
    }

    /// The client of the upload tests. Their bodies are spooled to a file before they are sent:
    /// what is checked here is the bytes on the wire, and FoundationNetworking's blocking read
    /// of a streamed upload (the default on Linux) was seen to stall for its 60 s limit while
    /// other suites' HTTP tests ran beside it (`--filter "Streams32HTTPTests|StreamingTests"`).
    static func uploadClient(_ url: URL) -> GoldenStreams32Client {
        GoldenStreams32Client(baseURL: url, transport: URLSessionTransport(streaming: .init(uploads: .spooledToFile)))
    }

    /// `chunks` written one by one, with a pause so that each arrives on its own.
    private static func chunked(_ contentType: String, _ chunks: [String]) -> LocalReply {
        .chunks(status: 200, headers: [("Content-Type", contentType)], body: AsyncStream { continuation in
            Task {
                for chunk in chunks {
                    continuation.yield(Data(chunk.utf8))
                    try? await Task.sleep(for: .milliseconds(5))
                }
                continuation.finish()
            }
        })
    }

    /// A body of parts cut into pieces of `size` bytes: every delimiter, CRLF and header ends
    /// up split somewhere for some size.
    private static func pieces(_ text: String, size: Int) -> [String] {
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: size).map { String(decoding: bytes[$0..<min($0 + size, bytes.count)], as: UTF8.self) }
    }

    static let attachments = "preamble to ignore\r\n--b0undary\r\nContent-Type: text/plain\r\nContent-ID: <a>\r\n\r\nfirst\r\npart\r\n"
        + "--b0undary  \r\nContent-Type: application/octet-stream\r\n\r\n\u{1}\u{2}--b0und\r\n--b0undary\r\n\r\nno headers\r\n--b0undary--\r\nepilogue"

    @Test(arguments: [1, 3, 7, 1000])
    func multipartResponseArrivesPartByPart(chunkSize: Int) async throws {
        try await withLocalServer(["GET /attachments": { _ in
            Self.chunked("multipart/mixed; boundary=\"b0undary\"", Self.pieces(Self.attachments, size: chunkSize))
        }]) { url in
            var parts: [MultipartPart] = []
            for try await part in try await GoldenStreams32Client(baseURL: url).listAttachments() { parts.append(part) }
            #expect(parts.map(\.text) == ["first\r\npart", "\u{1}\u{2}--b0und", "no headers"])
            #expect(parts.map(\.contentType) == ["text/plain", "application/octet-stream", nil])
            #expect(parts.first?.headers["content-id"] == "<a>")
        }
    }

    /// A body cut before its closing delimiter hands over the complete parts, then fails.
    @Test func truncatedMultipartFailsAfterItsCompleteParts() async throws {
        try await withLocalServer(["GET /attachments": { _ in
            Self.chunked("multipart/mixed; boundary=x", ["--x\r\n\r\none\r\n--x\r\n\r\ntw"])
        }]) { url in
            var texts: [String] = []
            do {
                for try await part in try await GoldenStreams32Client(baseURL: url).listAttachments() { texts.append(part.text) }
                Issue.record("a body without its closing delimiter should fail")
            } catch let error as MultipartError {
                #expect(error == .truncated(partsRead: 1))
            }
            #expect(texts == ["one"])
        }
    }

    /// A multipart response whose `Content-Type` names no boundary cannot be split: a clear
    /// error naming the operation and the type, not an empty or wrong sequence.
    @Test func multipartResponseWithoutBoundaryIsAnError() async throws {
        let transport = RecordingTransport(.raw(200, Data("--x\r\n\r\na\r\n--x--".utf8), contentType: "multipart/mixed"))
        do {
            _ = try await GoldenStreams32Client(transport: transport).listAttachments()
            Issue.record("a multipart body without a boundary should not be read")
        } catch let error as ClientError {
            guard case .undecodableResponse(let id, 200, "multipart/mixed", let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(id == "listAttachments" && reason.contains("no boundary parameter"))
        }
    }

    /// A form-data answer: named parts, read as they are.
    @Test func formDataResponseGivesNamedParts() async throws {
        let body = "--f\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n"
            + "--f\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a \\\"1\\\".png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--f--\r\n"
        try await withLocalServer(["GET /profile": { _ in Self.chunked("multipart/form-data; boundary=f", [body]) }]) { url in
            var fields: [String: MultipartPart] = [:]
            for try await part in try await GoldenStreams32Client(baseURL: url).getProfile() { fields[part.name ?? ""] = part }
            #expect(fields["name"]?.text == "Ada")
            #expect(fields["avatar"]?.filename == "a \"1\".png")
            #expect(fields["avatar"]?.contentType == "image/png")
        }
    }

    /// `itemSchema: Order`: each part a JSON `Order`, decoded as it arrives; a bad part fails at
    /// its position after the good ones.
    @Test func typedPartsDecodeIntoTheItemSchema() async throws {
        let body = "--o\r\nContent-Type: application/json\r\n\r\n{\"id\": \"a\", \"quantity\": 2}\r\n--o\r\n\r\n{\"id\": \"b\"}\r\n--o\r\n\r\n{\"qty\": 1}\r\n--o--\r\n"
        try await withLocalServer(["GET /orders/batch": { _ in Self.chunked("multipart/mixed; boundary=o", Self.pieces(body, size: 5)) }]) { url in
            var orders: [Order] = []
            do {
                for try await order in try await GoldenStreams32Client(baseURL: url).orderBatch() { orders.append(order) }
                Issue.record("the third part has no id")
            } catch let error as StreamItemError {
                #expect(error.index == 3)
            }
            #expect(orders == [Order(id: "a", quantity: 2), Order(id: "b")])
        }
    }

    /// `itemEncoding: image/jpg` with an untyped item: each part whole, headers and bytes;
    /// `itemEncoding: text/plain` of integers: each part's text read as a number.
    @Test func binaryAndTextPartsFollowTheirEncoding() async throws {
        let photos = "--p\r\nContent-Type: image/jpg\r\nContent-Length: 3\r\n\r\n\u{FF}\u{D8}!\r\n--p--\r\n"
        let counts = "--c\r\n\r\n1\r\n--c\r\nContent-Type: text/plain\r\n\r\n42\r\n--c--"
        try await withLocalServer([
            "GET /photos": { _ in Self.chunked("multipart/mixed; boundary=p", [photos]) },
            "GET /counts": { _ in Self.chunked("multipart/mixed; boundary=c", [counts]) },
        ]) { url in
            let client = GoldenStreams32Client(baseURL: url)
            var photoParts: [MultipartPart] = []
            for try await part in try await client.streamPhotos() { photoParts.append(part) }
            #expect(photoParts.count == 1)
            #expect(photoParts.first?.body == Data("\u{FF}\u{D8}!".utf8))
            #expect(photoParts.first?.headers["Content-Length"] == "3")
            var numbers: [Int] = []
            for try await n in try await client.counts() { numbers.append(n) }
            #expect(numbers == [1, 42])
        }
    }

    /// A typed multipart upload: each `Order` one JSON part, streamed; the server reads the
    /// parts back with the same boundary.
    @Test func typedPartsAreUploaded() async throws {
        let received = Received()
        try await withLocalServer(["POST /orders/batch": { request in
            received.append(request)
            return .data(status: 202, headers: [], body: Data())
        }]) { url in
            let orders = AsyncStream<Order> { continuation in
                continuation.yield(Order(id: "a"))
                continuation.yield(Order(id: "b", quantity: 3))
                continuation.finish()
            }
            try await Self.uploadClient(url).submitOrders(body: MultipartUpload(orders, boundary: "up"))
        }
        let request = try #require(received.requests.first)
        #expect(request.headers["content-type"] == "multipart/mixed; boundary=\"up\"")
        var parser = MultipartParser(boundary: "up")
        let parts = try parser.feed(request.bytes)
        try parser.finish()
        #expect(parts.map(\.contentType) == ["application/json", "application/json"])
        #expect(try parts.map { try JSONDecoder().decode(Order.self, from: $0.body) } == [Order(id: "a"), Order(id: "b", quantity: 3)])
    }

    /// Typed event uploads: payloads as JSON data, text as data lines, event kinds by name.
    @Test func eventsAreUploadedAsTheyAreProduced() async throws {
        let received = Received()
        try await withLocalServer(["*": { request in
            received.append(request)
            return .data(status: 204, headers: [], body: Data())
        }]) { url in
            let client = Self.uploadClient(url)
            try await client.publishOrderEvents(body: ServerSentEventUpload(payloads: [Order(id: "a"), Order(id: "b", quantity: 1)]))
            try await client.publishNotes(body: ServerSentEventUpload(events: [ServerSentEvent(event: "note", data: "two\nlines", id: "7")]))
            let kinds: [Operations.ReplayOrderChanges.BodyPayload] = [.created(Order(id: "c")), .note("hi"), .deleted(.init(id: "c"))]
            try await client.replayOrderChanges(body: ServerSentEventUpload(kinds: kinds))
        }
        let texts = received.requests.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(received.requests.map { $0.headers["content-type"] } == ["text/event-stream", "text/event-stream", "text/event-stream"])
        #expect(texts.first == "data: {\"id\":\"a\"}\n\ndata: {\"id\":\"b\",\"quantity\":1}\n\n")
        #expect(texts.dropFirst().first == "event: note\nid: 7\ndata: two\ndata: lines\n\n")
        #expect(texts.last == "event: created\ndata: {\"id\":\"c\"}\n\nevent: note\ndata: hi\n\nevent: deleted\ndata: {\"id\":\"c\"}\n\n")
        // What is sent parses back into the same events.
        var parser = ServerSentEventParser()
        #expect(parser.feed(Data(texts.dropFirst().first!.utf8)) == [ServerSentEvent(event: "note", data: "two\nlines", id: "7")])
    }

    /// Events of several kinds: each decoded by its name into its kind's data, an unknown
    /// kind kept as it arrived; `allowReserved` sends the cursor's reserved characters as they are.
    @Test func eventKindsAreTypedByName() async throws {
        let received = Received()
        let events = "event: created\ndata: {\"id\": \"a\"}\n\nevent: note\ndata: hello\n\nevent: deleted\ndata: {\"id\": \"a\"}\n\nevent: archived\ndata: x\n\n"
        try await withLocalServer(["GET /orders/changes": { request in
            received.append(request)
            return Self.chunked("text/event-stream", Self.pieces(events, size: 9))
        }]) { url in
            let stream = try await GoldenStreams32Client(baseURL: url).orderChanges(since: "2026-01-01T00:00:00+01:00/p2 #%41")
            var changes: [Operations.OrderChanges.OkBodyEvent] = []
            for try await change in stream.payloads() { changes.append(change) }
            #expect(changes == [.created(Order(id: "a")), .note("hello"), .deleted(.init(id: "a")), .other(ServerSentEvent(event: "archived", data: "x"))])
        }
        #expect(received.requests.first?.target == "/orders/changes?since=2026-01-01T00:00:00+01:00/p2%20%23%41")
    }

    /// With `validateResponses`, a typed part and an event kind's data are checked against their
    /// schema as they arrive (`Order.id` has `minLength: 1`); without it they are handed over.
    @Test func typedPartsAndEventKindsAreValidatedWhenAsked() async throws {
        let parts = "--o\r\n\r\n{\"id\": \"a\"}\r\n--o\r\n\r\n{\"id\": \"\"}\r\n--o--\r\n"
        let events = "event: created\ndata: {\"id\": \"a\"}\n\nevent: created\ndata: {\"id\": \"\"}\n\n"
        try await withLocalServer([
            "GET /orders/batch": { _ in Self.chunked("multipart/mixed; boundary=o", [parts]) },
            "GET /orders/changes": { _ in Self.chunked("text/event-stream", [events]) },
        ]) { url in
            for validating in [false, true] {
                let client = GoldenStreams32Client(baseURL: url, options: ClientOptions(validateResponses: validating))
                var orders: [Order] = []
                var failures: [StreamItemError] = []
                do {
                    for try await order in try await client.orderBatch() { orders.append(order) }
                } catch let error as StreamItemError { failures.append(error) }
                var changes: [Operations.OrderChanges.OkBodyEvent] = []
                do {
                    for try await change in try await client.orderChanges().payloads() { changes.append(change) }
                } catch let error as StreamItemError { failures.append(error) }
                #expect(orders.count == (validating ? 1 : 2))
                #expect(changes.count == (validating ? 1 : 2))
                #expect(failures.map(\.index) == (validating ? [2, 2] : []))
                #expect(failures.allSatisfy { $0.description.contains("breaks its schema") })
            }
        }
    }

    /// An Encoding Object's `allowReserved` in a form body: that member's reserved characters
    /// go as they are, the other members' are escaped.
    @Test func formMemberAllowingReservedIsSentAsItIs() async throws {
        let received = Received()
        try await withLocalServer(["POST /redirects": { request in
            received.append(request)
            return .data(status: 204, headers: [], body: Data())
        }]) { url in
            try await Self.uploadClient(url).addRedirect(body: .init(target: "https://a.example/b:c?d%2F #x", note: "a/b"))
        }
        let body = try #require(received.requests.first).bytes
        #expect(String(decoding: body, as: UTF8.self) == "note=a%2Fb&target=https://a.example/b:c?d%2F%20%23x")
    }

    /// `defaultMapping` naming a schema outside the union: an absent or unmapped tag decodes
    /// into it, a mapped one into its branch.
    @Test func defaultMappingOutsideTheUnionDecodesIntoItsSchema() async throws {
        try await withLocalServer(["GET /shipments/:id": { request in
            let body = request.path.hasSuffix("/1") ? #"{"carrier": "bike", "name": "Velo"}"#
                : request.path.hasSuffix("/2") ? #"{"name": "unknown"}"# : #"{"carrier": "drone", "range": 5}"#
            return .data(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
        }]) { url in
            let client = GoldenStreams32Client(baseURL: url)
            let unmapped = try await client.getShipment(id: "1")
            let absent = try await client.getShipment(id: "2")
            let mapped = try await client.getShipment(id: "3")
            #expect(unmapped == .otherCarrier(OtherCarrier(carrier: "bike", name: "Velo")))
            #expect(absent == .otherCarrier(OtherCarrier(name: "unknown")))
            #expect(mapped == .drone(Drone(carrier: "drone", range: 5)))
        }
        let unmapped = Shipment.otherCarrier(OtherCarrier(carrier: "bike", name: "Velo"))
        #expect(try JSONDecoder().decode(Shipment.self, from: JSONEncoder().encode(unmapped)) == unmapped)
    }
}

/// Parts typed by position (3.2 `prefixEncoding`), both ways, over a real socket.
@Suite("Streams32 positions over HTTP") struct Streams32PositionTests {
    /// The first part JSON, the second HTML text, the rest whole (images); an upload writes
    /// each case in its position's media type.
    @Test func partsAreTypedByPosition() async throws {
        let page = "--r\r\n\r\n{\"author\": \"Ada\"}\r\n--r\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n"
            + "--r\r\nContent-Type: image/png\r\n\r\nPNG\r\n--r\r\nContent-Type: image/gif\r\n\r\nGIF\r\n--r--\r\n"
        let uploaded = Streams32HTTPTests.Received()
        try await withLocalServer([
            "GET /pages": { _ in .data(status: 200, headers: [("Content-Type", "multipart/related; boundary=r; type=text/html")], body: Data(page.utf8)) },
            "PUT /pages": { request in
                uploaded.append(request)
                return .data(status: 204, headers: [], body: Data())
            },
        ]) { url in
            let client = GoldenStreams32Client(baseURL: url)
            var parts: [Operations.GetPage.OkBodyPart] = []
            for try await part in try await client.getPage() { parts.append(part) }
            #expect(parts.count == 4)
            #expect(parts.first == .part1(.init(author: "Ada")))
            #expect(parts.dropFirst().first == .part2("<p>hi</p>"))
            guard case .item(let image) = parts.last else {
                Issue.record("expected an image part, got \(String(describing: parts.last))")
                return
            }
            #expect(image.contentType == "image/gif" && image.text == "GIF")

            let extra = MultipartPart(contentType: "text/plain", body: Data("note".utf8))
            try await Streams32HTTPTests.uploadClient(url).putPage(body: MultipartUpload([.part1(Order(id: "a")), .part2(7), .other(extra)], boundary: "w"))
        }
        let request = try #require(uploaded.requests.first)
        #expect(request.headers["content-type"] == "multipart/mixed; boundary=\"w\"")
        var parser = MultipartParser(boundary: "w")
        let parts = try parser.feed(request.bytes)
        try parser.finish()
        #expect(parts.map(\.contentType) == ["application/json", "text/plain", "text/plain"])
        #expect(parts.map(\.text) == ["{\"id\":\"a\"}", "7", "note"])
    }
}
