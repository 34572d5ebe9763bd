import Foundation
import Testing
@testable import OpenAPIGenRuntime

@Suite struct JSONCodingTests {
    @Test func writesSlashesAndBase64Plainly() throws {
        struct Body: Codable { var url: String; var blob: Data }
        let data = try JSONCoding.encode(Body(url: "https://a/b", blob: Data([0, 1, 2, 255])))
        #expect(String(decoding: data, as: UTF8.self) == #"{"blob":"AAEC/w==","url":"https://a/b"}"#)
    }

    @Test func encodesTheSameBytesEveryTime() throws {
        struct Body: Codable { var zeta = 1; var alpha = 2; var mid = 3; var beta = 4; var omega = 5 }
        let first = try JSONCoding.encode(Body())
        for _ in 0..<20 {
            #expect(try JSONCoding.encode(Body()) == first)
        }
        #expect(String(decoding: first, as: UTF8.self) == #"{"alpha":2,"beta":4,"mid":3,"omega":5,"zeta":1}"#)
    }

    @Test func reportsUndecodableDatesWithTheirPath() {
        struct Event: Codable { var at: Date }
        struct Log: Codable { var events: [Event] }
        let json = Data(#"{"events":[{"at":"2026-05-28T17:05:00Z"},{"at":"yesterday"}]}"#.utf8)
        #expect {
            try JSONCoding.decode(Log.self, from: json)
        } throws: { error in
            guard let error = error as? DecodingError else { return false }
            return ClientError.describe(error)
                == #"events[1].at: expected an RFC 3339 date-time, found "yesterday""#
        }
    }
}

@Suite struct JSONValueTests {
    @Test func decodesMixedDocuments() throws {
        let json = #"""
        {"name": "Ada", "age": 36, "ratio": 0.5, "big": 1e30, "max": 9223372036854775807,
         "over": 9223372036854775808, "whole": 2.0, "ok": true, "none": null,
         "tags": ["a", 1, false, null, {"x": []}]}
        """#
        let value = try JSONCoding.decode(JSONValue.self, from: Data(json.utf8))
        let expected: JSONValue = [
            "name": "Ada", "age": 36, "ratio": 0.5, "big": .number(1e30),
            "max": .integer(.max), "over": .number(9_223_372_036_854_775_808), "whole": .integer(2),
            "ok": true, "none": nil,
            "tags": ["a", 1, false, nil, ["x": []]],
        ]
        #expect(value == expected)
    }

    @Test func decodesScalarsAtTheTop() throws {
        #expect(try JSONCoding.decode(JSONValue.self, from: Data("true".utf8)) == .bool(true))
        #expect(try JSONCoding.decode(JSONValue.self, from: Data("-7".utf8)) == .integer(-7))
        #expect(try JSONCoding.decode(JSONValue.self, from: Data("-7.25".utf8)) == .number(-7.25))
        #expect(try JSONCoding.decode(JSONValue.self, from: Data(#""1""#.utf8)) == .string("1"))
        #expect(try JSONCoding.decode(JSONValue.self, from: Data("null".utf8)) == .null)
    }

    @Test func encodesObjectsWithSortedKeys() throws {
        let value: JSONValue = ["b": [1, 2.5, "x/y"], "a": nil, "c": ["z": true, "y": false]]
        let text = String(decoding: try JSONCoding.encode(value), as: UTF8.self)
        #expect(text == #"{"a":null,"b":[1,2.5,"x/y"],"c":{"y":false,"z":true}}"#)
    }

    @Test func roundTrips() throws {
        let value: JSONValue = ["list": [1, -2, 3.5, "s", nil, true, [:], []], "n": 0]
        #expect(try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value)) == value)
    }

    @Test func dictionaryLiteralKeepsTheLastRepeatedKey() {
        let value: JSONValue = ["a": 1, "a": 2]
        #expect(value == .object(["a": 2]))
    }
}
