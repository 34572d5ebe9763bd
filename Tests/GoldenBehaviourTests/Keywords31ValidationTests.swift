import ClientTestSupport
import Foundation
import GoldenKeywords31
import OpenAPIGenRuntime
import Testing

/// The 2020-12 keywords of Tests/Fixtures/Keywords31.yaml that no Swift type holds are checked by
/// validate(), through the schema descriptions the generator writes (Schemas.swift).
@Suite struct Keywords31ValidationTests {
    func issues(_ text: String) throws -> [String] {
        try decode(Record.self, text).validationIssues.map(\.description)
    }

    @Test func aValidRecordHasNoIssues() throws {
        #expect(try issues(#"""
            {"point": [1, 2], "entry": ["a", 1], "tags": ["primary", "x"], "version": 2, "ratio": 0.5,
             "enabled": true, "payment": {"method": "card", "card": "4242"}, "billing": {"name": "n", "address": "a"},
             "headers": {"x-id": "1"}, "other": 1}
            """#) == [])
    }

    @Test func constOverNumbersAndBooleansIsChecked() throws {
        #expect(try issues(#"{"point": [1, 2], "version": 3, "ratio": 0.25, "enabled": false}"#) == [
            "version: 3 is not the required value 2",
            "ratio: 0.25 is not the required value 0.5",
            "enabled: false is not the required value true",
        ])
        // 2.0 is the number 2, as JSON Schema compares numbers.
        #expect(try issues(#"{"point": [1, 2], "version": 2.0}"#) == [])
    }

    @Test func prefixItemsContainsAndNotAreChecked() throws {
        #expect(try issues(#"{"point": [1, 2, 3], "entry": [1, "a"], "tags": ["x"], "other": {}}"#) == [
            "point[2]: no value is allowed here",
            "entry[0]: an integer found, string expected",
            "entry[1]: a string found, integer expected",
            "tags: 0 items match `contains`, at least 1 required",
        ])
    }

    @Test func conditionalsAndDependenciesAreChecked() throws {
        #expect(try issues(#"{"point": [1, 2], "payment": {"method": "card"}, "billing": {"address": "a"}}"#) == [
            #"payment: the property "card" is required"#,
            #"billing: the property "name" is required when "address" is present"#,
        ])
    }

    @Test func propertyNamesAreChecked() throws {
        #expect(try issues(#"{"point": [1, 2], "headers": {"X-Id": "1"}}"#) == [#"headers: the property name "X-Id" is not allowed"#])
    }
}
