import ClientTestSupport
import Foundation
import Testing
import GoldenEnums

@Suite("Enums") struct EnumRoundTripTests {
    @Test func decodesClosedEnumsAndAppliesTheDefaultWhenMade() throws {
        let request = try decode(OrderRequest.self, #"{"size": "x-large"}"#)
        #expect(request.size == .xLarge)
        // Absent stays absent when read; the default is the initializer's.
        #expect(request.priority == nil)
        #expect(OrderRequest(size: .xLarge).priority == ._2)
        // `channel` refers to Channel, whose own schema has `default: web`.
        #expect(OrderRequest(size: .xLarge).channel == .web)
        #expect(request.flags == nil)
        // `default: none` is the enum's case, not Optional's `.none` (which would leave it nil).
        #expect(OrderRequest(size: .xLarge).wrapping == OrderRequest.Wrapping.none)

        let full = try decode(OrderRequest.self, #"{"size": "small", "priority": 3, "channel": "in store", "flags": ["gift", "express"], "wrapping": "box"}"#)
        #expect(full == OrderRequest(size: .small, priority: ._3, channel: .inStore, flags: [.gift, .express], wrapping: .box))
    }

    @Test func closedEnumsRejectUnknownValues() {
        #expect(throws: DecodingError.self) { try decode(OrderRequest.self, #"{"size": "huge"}"#) }
        #expect(throws: DecodingError.self) { try decode(OrderRequest.self, #"{"size": "small", "priority": 4}"#) }
        #expect(throws: DecodingError.self) { try decode(OrderRequest.self, #"{"size": "small", "priority": "2"}"#) }
        #expect(throws: DecodingError.self) { try decode(OrderRequest.self, #"{"size": "small", "flags": ["gift", "wrap"]}"#) }
        #expect(OrderRequest.Size(rawValue: "X-LARGE") == nil)
    }

    @Test func encodesRequestsWithIntegerEnumsAsNumbersAndWithoutNils() throws {
        #expect(try encodedText(OrderRequest(size: .xLarge)) == #"{"channel":"web","priority":2,"size":"x-large","wrapping":"none"}"#)
        let full = OrderRequest(size: .medium, priority: ._1, channel: .inStore, flags: [.express], wrapping: nil)
        #expect(try encodedText(full) == #"{"channel":"in store","flags":["express"],"priority":1,"size":"medium"}"#)
    }

    @Test func openEnumsKeepUnknownValues() throws {
        let text = #"{"id": "o1", "status": "returned", "channel": "kiosk", "rating": "meh"}"#
        let order = try decode(Order.self, text)
        #expect(order.status == Order.Status(rawValue: "returned"))
        #expect(order.channel == Channel(rawValue: "kiosk"))
        #expect(order.rating == Order.Rating(rawValue: "meh"))
        #expect(!Order.Status.knownValues.contains(order.status))
        #expect(try encodedJSON(order) == json(text))
    }

    @Test func validateReportsOpenEnumValuesTheSpecDoesNotList() throws {
        // Decoding is lenient (a value added later must not fail a response); JSON Schema still
        // calls an unlisted value invalid, and validate() says so, inline and referenced alike.
        let order = try decode(Order.self, #"{"id": "o1", "status": "returned", "channel": "kiosk", "rating": "meh"}"#)
        #expect(order.validationIssues.map(\.description) == [
            #"status: "returned" is not one of: pending, shipped, delivered"#,
            #"channel: "kiosk" is not one of: web, mobile, in store"#,
            #"rating: "meh" is not one of: good, bad"#,
        ])
        #expect(try decode(Order.self, #"{"id": "o1", "status": "shipped", "channel": "web"}"#).validationIssues.isEmpty)
    }

    @Test func openEnumsDecodeKnownValues() throws {
        let text = #"{"id": "o1", "status": "shipped", "channel": "in store", "rating": "good"}"#
        let order = try decode(Order.self, text)
        #expect(order == Order(id: "o1", status: .shipped, channel: .inStore, rating: .good))
        #expect(try encodedJSON(order) == json(text))
        #expect(Channel(rawValue: "mobile") == .mobile)
        #expect(Channel.inStore.rawValue == "in store")
        #expect(Channel(rawValue: "fax").parameterText == "fax")
        #expect(Order.Status.knownValues == [.pending, .shipped, .delivered])
        #expect(Channel.knownValues.map(\.rawValue) == ["web", "mobile", "in store"])
    }

    @Test func openEnumValuesStillMatchInSwitches() throws {
        func label(_ status: Order.Status) -> String {
            switch status {
            case .pending: "pending"
            case .shipped: "shipped"
            case .delivered: "delivered"
            default: "other: \(status.rawValue)"
            }
        }
        #expect(label(try decode(Order.Status.self, #""shipped""#)) == "shipped")
        #expect(label(try decode(Order.Status.self, #""lost""#)) == "other: lost")
    }

    @Test func nullableEnumAcceptsNull() throws {
        let order = try decode(Order.self, #"{"id": "o1", "status": "pending", "rating": null}"#)
        #expect(order.rating == nil)
        #expect(order.status == .pending)
        #expect(throws: DecodingError.self) { try decode(Order.self, #"{"id": "o1", "status": 3}"#) }
        #expect(throws: DecodingError.self) { try decode(Order.self, #"{"id": "o1"}"#) }
    }
}
