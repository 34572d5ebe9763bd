import Foundation
import Testing
@testable import OpenAPIGenRuntime

@Suite struct RFC3339Tests {
    // 2026-05-28T17:05:00Z, computed independently: 20_601 days after 1970-01-01.
    let reference = Date(timeIntervalSince1970: 20_601 * 86_400 + 17 * 3600 + 5 * 60)

    @Test func parsesWholeSeconds() {
        #expect(RFC3339.date(from: "2026-05-28T17:05:00Z") == reference)
    }

    @Test func parsesFractionalSeconds() throws {
        let date = try #require(RFC3339.date(from: "2026-05-28T17:05:00.123Z"))
        #expect(abs(date.timeIntervalSince(reference) - 0.123) < 1e-6)
        let long = try #require(RFC3339.date(from: "2026-05-28T17:05:00.123456789123Z"))
        #expect(abs(long.timeIntervalSince(reference) - 0.123456789) < 1e-6)
        let short = try #require(RFC3339.date(from: "2026-05-28T17:05:00.5Z"))
        #expect(short.timeIntervalSince(reference) == 0.5)
    }

    @Test func parsesOffsets() {
        #expect(RFC3339.date(from: "2026-05-28T19:05:00+02:00") == reference)
        #expect(RFC3339.date(from: "2026-05-28T11:35:00-05:30") == reference)
        #expect(RFC3339.date(from: "2026-05-29T01:05:00+08:00") == reference)
        #expect(RFC3339.date(from: "2026-05-28t17:05:00z") == reference)
        #expect(RFC3339.date(from: "2026-05-28 17:05:00Z") == reference)
    }

    @Test(arguments: [
        "2026-05-28", "2026-05-28T17:05:00", "2026-05-28T17:05Z", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-05-28T24:00:00Z",
        "2026-05-28T17:05:00.Z", "2026-05-28T17:05:00+0200", "2026-05-28T17:05:00Z ",
        "26-05-28T17:05:00Z", "", "2026-05-28T17:05:00+24:00",
    ])
    func rejectsInvalidText(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func handlesLeapYearsAndOldDates() {
        #expect(RFC3339.date(from: "2024-02-29T00:00:00Z") != nil)
        #expect(RFC3339.date(from: "2000-02-29T00:00:00Z") != nil)
        #expect(RFC3339.date(from: "1900-02-29T00:00:00Z") == nil)
        #expect(RFC3339.date(from: "1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(RFC3339.date(from: "1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test func formatsMillisecondsOnlyWhenPresent() {
        #expect(RFC3339.string(from: reference) == "2026-05-28T17:05:00Z")
        #expect(RFC3339.string(from: reference + 0.123) == "2026-05-28T17:05:00.123Z")
        #expect(RFC3339.string(from: reference + 0.5) == "2026-05-28T17:05:00.500Z")
        // Rounds to the nearest millisecond, carrying into the seconds.
        #expect(RFC3339.string(from: reference + 0.9996) == "2026-05-28T17:05:01Z")
    }

    @Test(arguments: [
        "2026-05-28T17:05:00Z", "2026-05-28T17:05:00.123Z", "2026-05-28T19:05:00.001+02:00",
        "1999-12-31T23:59:59.999Z",
    ])
    func roundTripsThroughJSON(_ text: String) throws {
        struct Event: Codable, Equatable { var at: Date }
        let event = try JSONCoding.decode(Event.self, from: Data("{\"at\":\"\(text)\"}".utf8))
        let encoded = try JSONCoding.encode(event)
        let decoded = try JSONCoding.decode(Event.self, from: encoded)
        #expect(decoded == event)
        let expected = RFC3339.string(from: try #require(RFC3339.date(from: text)))
        #expect(String(decoding: encoded, as: UTF8.self) == "{\"at\":\"\(expected)\"}")
    }
}
