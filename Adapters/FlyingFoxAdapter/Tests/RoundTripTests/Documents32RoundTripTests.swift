import Foundation
import OpenAPIGenRuntime
import RoundTripDocuments32
import Testing

private let orders = [Order(id: "a"), Order(id: "b", additionalProperties: ["note": "ü"])]

/// Answers every operation from `orders`; records inputs with the request context.
private struct Store: GoldenServerDocuments32API {
    let recorder: Recorder

    func listOrders(_ input: Operations.ListOrders.Input) async throws -> Operations.ListOrders.Output {
        await recorder.record(input)
        return .ok(orders.filter { input.status == nil || $0.id == input.status })
    }
    func orderEvents(_ input: Operations.OrderEvents.Input) async throws -> Operations.OrderEvents.Output {
        .ok(ServerSentEvents(body: ServerSentEventUpload<Order>(payloads: orders).body))
    }
    func orderNotes(_ input: Operations.OrderNotes.Input) async throws -> Operations.OrderNotes.Output {
        .ok(ServerSentEvents(body: ServerSentEventUpload<String>(events: [.init(event: "note", data: "line 1\nline 2"), .init(data: "")]).body))
    }
    func orderFeed(_ input: Operations.OrderFeed.Input) async throws -> Operations.OrderFeed.Output {
        // The client accepts either framing; a caller that asks for JSON text sequences first gets them.
        if RequestContext.current?.request.headers["Accept"]?.hasPrefix("application/json-seq") == true {
            return .ok(.jsonSeq(JSONSequence(body: JSONSequenceUpload(orders).body)))
        }
        return .ok(.jsonl(JSONLines(body: JSONLinesUpload(orders).body)))
    }
    func importOrders(_ input: Operations.ImportOrders.Input) async throws -> Operations.ImportOrders.Output {
        var items: [Order] = []
        if let upload = input.body {
            for try await order in JSONLines<Order>(body: upload.body) { items.append(order) }
        }
        await recorder.record(items)
        return .noContent()
    }
    func getPet(_ input: Operations.GetPet.Input) async throws -> Operations.GetPet.Output {
        await recorder.record(input)
        return input.id == "dog" ? .ok(.dog(Dog(kind: "dog", good: true))) : .ok(.cat(Cat(kind: input.id == "cat" ? "cat" : nil, lives: 9)))
    }
    func auditLog(_ input: Operations.AuditLog.Input) async throws -> Operations.AuditLog.Output {
        await recorder.record(input)
        return .noContent()
    }
}

private func collected<S: AsyncSequence>(_ items: S) async throws -> [S.Element] {
    var read: [S.Element] = []
    for try await item in items { read.append(item) }
    return read
}

@Suite(.serialized) struct Documents32RoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Store(recorder: recorder).registerHandlers(on: $0) }

    @Test func everyItemStreamAndTheScopesTheOperationRequires() async throws {
        let url = try await Self.server.url
        let client = GoldenServerDocuments32Client(baseURL: url, deviceToken: "tok-1",
                                                   transport: URLSessionTransport(streaming: .init(uploads: .spooledToFile)))
        #expect(try await client.listOrders(.init(status: "b")) == .ok([orders[1]]))
        #expect(await Self.recorder.last(Operations.ListOrders.Input.self) == .init(status: "b"))
        // What the handler can check the token against: the scheme's credential and the scopes
        // the operation's requirement names.
        let context = try #require(await Self.recorder.contexts.last)
        #expect(context.credentials == ["device": .bearer("tok-1")])
        #expect(context.scopes == ["device": ["orders:read"]])
        #expect(context.requires("orders:read", of: "device") && !context.requires("orders:write", of: "device"))

        guard case .ok(let events, _) = try await client.orderEvents(.init()),
              case .ok(let notes, _) = try await client.orderNotes(.init()),
              case .ok(.jsonl(let lines), _) = try await client.orderFeed(.init()) else {
            Issue.record("expected 200s")
            return
        }
        #expect(try await collected(events.payloads()) == orders)
        #expect(try await collected(notes).map { "\($0.event):\($0.data)" } == ["note:line 1\nline 2", "message:"])
        #expect(try await collected(lines) == orders)
        let sequence = try await raw("GET", url, "/orders/feed", headers: ["Authorization": "Bearer t", "Accept": "application/json-seq"])
        #expect(sequence.headers["content-type"] == "application/json-seq" && sequence.text.filter { $0 == "\u{1E}" }.count == 2)

        #expect(try await client.importOrders(.init(body: JSONLinesUpload(orders))) == .noContent())
        #expect(await Self.recorder.last([Order].self) == orders)
        #expect(try await client.importOrders(.init()) == .noContent())
        #expect(await Self.recorder.last([Order].self) == [])

        #expect(try await client.getPet(.init(id: "dog")) == .ok(.dog(Dog(kind: "dog", good: true))))
        #expect(try await client.getPet(.init(id: "cat")) == .ok(.cat(Cat(kind: "cat", lives: 9))))
        // No `kind`: the discriminator's defaultMapping.
        #expect(try await client.getPet(.init(id: "?")) == .ok(.cat(Cat(lives: 9))))

        // `legacyKey: []`: an apiKey requirement lists no scopes.
        let legacy = GoldenServerDocuments32Client(baseURL: url, legacyKey: "old")
        #expect(try await legacy.auditLog(.init()) == .noContent())
        let audit = try #require(await Self.recorder.contexts.last)
        #expect(audit.operationID == Operations.AuditLog.id && audit.credentials == ["legacyKey": .apiKey("old")] && audit.scopes == [:])
    }

    @Test func noTokenIs401AndBadItemsAre400() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let anonymous = try await raw("GET", url, "/orders")
        #expect(anonymous.status == 401 && anonymous.headers["www-authenticate"] == "Bearer", "\(anonymous.text)")
        #expect(anonymous.text.contains("device"))
        let wrongScheme = try await raw("GET", url, "/audit", headers: ["Authorization": "Bearer tok"])
        #expect(wrongScheme.status == 401, "the device token does not open the audit log")
        let auth = ["Authorization": "Bearer t"]
        let badItem = try await raw("POST", url, "/orders/feed", headers: auth.merging(["Content-Type": "application/x-ndjson"]) { a, _ in a },
                                    body: Data("{\"id\": \"a\"}\nnot json\n".utf8))
        // Items are decoded by the handler as it reads them: this one lets the error through,
        // which is a 500 that says nothing of it (Streams32's handler answers its own 400).
        #expect(badItem.status == 500 && badItem.text == #"{"error":"internal server error"}"#, "\(badItem.text)")
        #expect(await Self.recorder.inputs.count == before)
        #expect(try await raw("GET", url, "/orders?status=a", headers: auth).status == 200, "the server still answers")
    }

    /// An item stream the handler decodes as it reads is cut off at the server's limit too: the
    /// handler's item loop throws, and the client gets 413, not the 500 of a handler error.
    @Test func aJSONLinesUploadPastTheStreamLimitIs413() async throws {
        let recorder = Recorder()
        let options = ServerOptions(maxStreamedBodyBytes: 1024)
        try await serving({ try await Store(recorder: recorder).registerHandlers(on: $0, options: options) }) { url in
            let headers = ["Authorization": "Bearer t", "Content-Type": "application/x-ndjson"]
            let line = Data("{\"id\": \"order-0000000000\"}\n".utf8)
            let few = try await rawChunked("POST", url, "/orders/feed", headers: headers, chunks: Array(repeating: line, count: 10))
            #expect(few.status == 204, "\(few.status) \(few.text)")
            #expect(await recorder.last([Order].self)?.count == 10)
            let many = try await rawChunked("POST", url, "/orders/feed", headers: headers, chunks: Array(repeating: line, count: 100))
            #expect(many.status == 413 && many.text.contains("larger than the 1024-byte limit"), "\(many.status) \(many.text)")
            #expect(await recorder.inputs.count == 1, "the handler's loop threw before it recorded anything")
        }
    }
}
