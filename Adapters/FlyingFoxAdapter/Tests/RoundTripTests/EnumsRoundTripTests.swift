import Foundation
import OpenAPIGenRuntime
import RoundTripEnums
import Testing

/// Answers an order echoing the request's channel; a `large` order comes back with a status and
/// rating this client version does not know.
private struct Orders: GoldenServerEnumsAPI {
    let recorder: Recorder

    func createOrder(_ input: Operations.CreateOrder.Input) async throws -> Operations.CreateOrder.Output {
        await recorder.record(input)
        if input.body.size == .large {
            return .created(Order(id: "L", status: .init(rawValue: "returned"), channel: input.body.channel, rating: .init(rawValue: "meh")))
        }
        return .created(Order(id: input.body.size.rawValue, status: .shipped, channel: input.body.channel, rating: .good))
    }
}

@Suite(.serialized) struct EnumsRoundTripTests {
    static let recorder = Recorder()
    static let server = SharedServer { try await Orders(recorder: recorder).registerHandlers(on: $0) }

    @Test func closedAndOpenEnumsSurvive() async throws {
        let client = GoldenServerEnumsClient(baseURL: try await Self.server.url)
        let request = OrderRequest(size: .xLarge, priority: ._3, channel: .inStore, flags: [.gift, .express], wrapping: .box)
        #expect(try await client.createOrder(.init(body: request)) == .created(Order(id: "x-large", status: .shipped, channel: .inStore, rating: .good)))
        #expect(await Self.recorder.last(Operations.CreateOrder.Input.self) == .init(body: request))
        // Defaults are sent as the caller left them, `wrapping: none` included.
        let defaults = OrderRequest(size: .small)
        _ = try await client.createOrder(.init(body: defaults))
        #expect(await Self.recorder.last(Operations.CreateOrder.Input.self) == .init(body: defaults))
        // Values added to the server's enums after this client was generated still decode.
        let open = try await client.createOrder(.init(body: OrderRequest(size: .large, channel: .mobile)))
        #expect(open == .created(Order(id: "L", status: .init(rawValue: "returned"), channel: .mobile, rating: .init(rawValue: "meh"))))
    }

    @Test func unknownValuesOfClosedEnumsAre400() async throws {
        let url = try await Self.server.url
        let before = await Self.recorder.inputs.count
        let json = ["Content-Type": "application/json"]
        let size = try await raw("POST", url, "/orders", headers: json, body: Data(#"{"size": "huge"}"#.utf8))
        #expect(size.status == 400 && problems(size.text) == ["body:size"], "\(size.text)")
        let priority = try await raw("POST", url, "/orders", headers: json, body: Data(#"{"size": "small", "priority": 7}"#.utf8))
        #expect(priority.status == 400 && problems(priority.text) == ["body:priority"], "\(priority.text)")
        let flag = try await raw("POST", url, "/orders", headers: json, body: Data(#"{"size": "small", "flags": ["gift", 1]}"#.utf8))
        #expect(flag.status == 400 && problems(flag.text).first?.hasPrefix("body:flags") == true, "\(flag.text)")
        // The request side's enums are closed: a channel this server does not know is refused.
        let channel = try await raw("POST", url, "/orders", headers: json, body: Data(#"{"size": "small", "channel": "kiosk"}"#.utf8))
        #expect(channel.status == 400 && problems(channel.text) == ["body:channel"], "\(channel.text)")
        #expect(await Self.recorder.inputs.count == before)
    }
}
