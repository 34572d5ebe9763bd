import Foundation
import OpenAPIGenRuntime
import Testing

/// Generated validators pass optional members to the checks as they are: nil (absent) has
/// nothing to check, a present value is checked as if it were not optional.
@Suite struct ValidatorOptionalTests {
    private func issues(_ check: (inout Validator) -> Void) -> [String] {
        var validator = Validator()
        check(&validator)
        return validator.issues.map(\.description)
    }

    private struct Limited: Validatable, Encodable {
        var size: Int
        func validate(into v: inout Validator) { v.range(size, maximum: 2, at: "size") }
    }

    @Test func absentValuesHaveNothingToCheck() {
        let text: String? = nil, number: Int? = nil, real: Double? = nil, list: [String]? = nil
        let map: [String: String]? = nil, nested: Limited? = nil
        let found = issues { v in
            v.length(text, min: 1, at: "a")
            v.pattern(text, ValidationPattern("^x$"), at: "a")
            v.allowed(text, ["x"], at: "a")
            v.range(number, minimum: 1, at: "b")
            v.multiple(number, of: 2, at: "b")
            v.allowed(number, [1], at: "b")
            v.range(real, minimum: 1, at: "c")
            v.multiple(real, of: 0.5, at: "c")
            v.count(list?.count, min: 1, at: "d")
            v.unique(list, at: "d")
            v.each(list, at: "d") { v, item in v.report("visited", at: "") }
            v.values(map, at: "e") { v, value in v.report("visited", at: "") }
            v.nested(nested, at: "f")
        }
        #expect(found.isEmpty)
    }

    @Test func presentOptionalsAreChecked() {
        let text: String? = "", number: Int? = 3, real: Double? = 0.75, list: [String]? = ["a", "a"]
        let map: [String: String]? = ["k": ""], nested: Limited? = Limited(size: 3)
        #expect(issues { v in
            v.length(text, min: 1, at: "a")
            v.pattern(text, ValidationPattern("^x$"), at: "a")
            v.allowed(text, ["x"], at: "a")
            v.range(number, maximum: 2, at: "b")
            v.multiple(number, of: 2, at: "b")
            v.allowed(number, [1], at: "b")
            v.range(real, minimum: 1, at: "c")
            v.multiple(real, of: 0.5, at: "c")
            v.count(list?.count, max: 1, at: "d")
            v.unique(list, at: "d")
            v.each(list, at: "d") { v, item in v.length(item, min: 2, at: "") }
            v.values(map, at: "e") { v, value in v.length(value, min: 1, at: "") }
            v.nested(nested, at: "f")
        } == [
            "a: 0 characters, at least 1 required",
            #"a: "" does not match the pattern ^x$"#,
            #"a: "" is not one of: x"#,
            "b: 3 is greater than the maximum 2",
            "b: 3 is not a multiple of 2",
            "b: 3 is not one of: 1",
            "c: 0.75 is less than the minimum 1",
            "c: 0.75 is not a multiple of 0.5",
            "d: 2 items, at most 1 allowed",
            "d: items must be unique; item 1 repeats item 0",
            "d[0]: 1 character, at least 2 required",
            "d[1]: 1 character, at least 2 required",
            "e.k: 0 characters, at least 1 required",
            "f.size: 3 is greater than the maximum 2",
        ])
    }

    /// `v.nested(list, at:)` is how generated code validates a list or map of generated types:
    /// the same issues at the same paths as walking it element by element.
    @Test func nestedCollectionsValidateEachElementAtItsPath() {
        let rows: [Limited]? = [Limited(size: 1), Limited(size: 5)]
        let byKey: [String: Limited] = ["b": Limited(size: 4), "a.b": Limited(size: 3), "ok": Limited(size: 0)]
        let walked = issues { v in
            v.each(rows, at: "rows") { v, row in v.nested(row, at: "") }
            v.values(byKey, at: "map") { v, value in v.nested(value, at: "") }
        }
        #expect(walked == ["rows[1].size: 5 is greater than the maximum 2", #"map["a.b"].size: 3 is greater than the maximum 2"#,
                           "map.b.size: 4 is greater than the maximum 2"])
        #expect(issues { v in
            v.nested(rows, at: "rows")
            v.nested(byKey, at: "map")
        } == walked)
    }

    /// An `Optional` is `Encodable` as `null`: an absent member must not be checked as a JSON
    /// `null` it never was, while a `null` the JSON holds still is.
    @Test func absentMembersAreNotCheckedAsNull() {
        let notNull = StaticSchema(#"{"type": "object"}"#)
        let absent: Limited? = nil
        let absentJSON: JSONValue? = nil
        let found = issues { v in
            v.schema(absent, notNull, at: "a")
            v.schema(absentJSON, notNull, at: "b")
        }
        #expect(found.isEmpty)
        #expect(issues { v in v.schema(JSONValue.null, notNull, at: "c") } == ["c: null found, object expected"])
        let present: Limited? = Limited(size: 1)
        #expect(issues { v in v.schema(present, StaticSchema(#"{"properties": {"size": {"maximum": 0}}}"#), at: "d") }
            == ["d.size: 1 is greater than the maximum 0"])
    }
}
