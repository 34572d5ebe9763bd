import Foundation
import Testing
@testable import OpenAPIGenRuntime

/// Runs `check` on a fresh validator and returns the issue descriptions.
private func issues(_ check: (inout Validator) -> Void) -> [String] {
    var validator = Validator()
    check(&validator)
    return validator.issues.map(\.description)
}

@Suite struct ValidatorMessageTests {
    @Test func length() {
        #expect(issues { $0.length("", min: 1, max: 200, at: "name") } == ["name: 0 characters, at least 1 required"])
        #expect(issues { $0.length(String(repeating: "x", count: 201), min: 1, max: 200, at: "name") }
            == ["name: 201 characters, at most 200 allowed"])
        #expect(issues { $0.length("x", min: 2, max: nil, at: "name") } == ["name: 1 character, at least 2 required"])
        #expect(issues { $0.length("ok", min: 2, max: 2, at: "name") }.isEmpty)
    }

    @Test func lengthCountsUnicodeScalars() {
        let decomposed = "e\u{301}"  // one Character, two scalars
        #expect(decomposed.count == 1)
        #expect(issues { $0.length(decomposed, min: nil, max: 1, at: "s") } == ["s: 2 characters, at most 1 allowed"])
        #expect(issues { $0.length("🇫🇷", min: nil, max: 1, at: "s") } == ["s: 2 characters, at most 1 allowed"])
        #expect(issues { $0.length("é", min: nil, max: 1, at: "s") }.isEmpty)  // precomposed U+00E9
        #expect(issues { $0.length("😀", min: 2, max: nil, at: "s") } == ["s: 1 character, at least 2 required"])
    }

    @Test func pattern() {
        let upper = ValidationPattern("^[A-Z]+$")
        #expect(issues { $0.pattern("abc", upper, at: "code") } == [#"code: "abc" does not match the pattern ^[A-Z]+$"#])
        #expect(issues { $0.pattern("ABC", upper, at: "code") }.isEmpty)
        #expect(upper.source == "^[A-Z]+$")
    }

    @Test func patternsSearchRatherThanMatchWhole() {
        let digit = ValidationPattern("[0-9]")
        #expect(digit.matches("ab1cd"))
        #expect(!digit.matches("abcd"))
        #expect(ValidationPattern("b").matches("abc"))
        #expect(!ValidationPattern("^b").matches("abc"))
    }

    @Test func dollarMatchesOnlyAtTheEnd() {
        let upper = ValidationPattern("^[A-Z]+$")
        #expect(!upper.matches("ABC\n"))
        #expect(ValidationPattern(#"^a\$$"#).matches("a$"))
        #expect(ValidationPattern("^[$]+$").matches("$$"))
        #expect(ValidationPattern("^(a|b$)").matches("ab"))
    }

    @Test func patternMatchesUnicodeText() {
        #expect(ValidationPattern("^.{2}$").matches("é😀"))
        #expect(ValidationPattern("ü").matches("grüß"))
    }

    @Test func uncompilablePatternsAcceptEverything() {
        let broken = ValidationPattern("([")
        #expect(broken.matches("anything"))
        #expect(issues { $0.pattern("x", broken, at: "p") }.isEmpty)
    }

    @Test func longValuesAreShortenedInMessages() {
        let long = String(repeating: "a", count: 150)
        let message = issues { $0.pattern(long, ValidationPattern("^b"), at: "") }
        #expect(message == ["\"" + String(repeating: "a", count: 100) + "…\" does not match the pattern ^b"])
    }

    @Test func integerRange() {
        #expect(issues { $0.range(0, minimum: 1, at: "count") } == ["count: 0 is less than the minimum 1"])
        #expect(issues { $0.range(10_001, maximum: 10_000, at: "count") } == ["count: 10001 is greater than the maximum 10000"])
        #expect(issues { $0.range(1, exclusiveMinimum: 1, at: "count") } == ["count: 1 must be greater than 1"])
        #expect(issues { $0.range(5, exclusiveMaximum: 5, at: "count") } == ["count: 5 must be less than 5"])
        #expect(issues { $0.range(Int64(-3), minimum: -2, maximum: 2, at: "n") } == ["n: -3 is less than the minimum -2"])
        #expect(issues { $0.range(Int32(2), minimum: 1, maximum: 2, exclusiveMinimum: 1, exclusiveMaximum: 3, at: "n") }.isEmpty)
    }

    @Test func floatingPointRange() {
        #expect(issues { $0.range(0.5, minimum: 1.0, at: "r") } == ["r: 0.5 is less than the minimum 1"])
        #expect(issues { $0.range(3.0, maximum: 2.5, at: "r") } == ["r: 3 is greater than the maximum 2.5"])
        #expect(issues { $0.range(0.0, exclusiveMinimum: 0.0, at: "r") } == ["r: 0 must be greater than 0"])
        #expect(issues { $0.range(1.5, exclusiveMaximum: 1.5, at: "r") } == ["r: 1.5 must be less than 1.5"])
        #expect(issues { $0.range(Float(0.1), maximum: 0.05, at: "r") } == ["r: 0.1 is greater than the maximum 0.05"])
        #expect(issues { $0.range(1.0, minimum: 1.0, maximum: 1.0, at: "r") }.isEmpty)
    }

    @Test func multiples() {
        #expect(issues { $0.multiple(7, of: 5, at: "n") } == ["n: 7 is not a multiple of 5"])
        #expect(issues { $0.multiple(-10, of: 5, at: "n") }.isEmpty)
        #expect(issues { $0.multiple(7, of: 0, at: "n") }.isEmpty)
        #expect(issues { $0.multiple(0.07, of: 0.01, at: "price") }.isEmpty)
        #expect(issues { $0.multiple(0.3, of: 0.1, at: "price") }.isEmpty)
        #expect(issues { $0.multiple(19.99, of: 0.01, at: "price") }.isEmpty)
        #expect(issues { $0.multiple(123_456_789.12, of: 0.01, at: "price") }.isEmpty)
        #expect(issues { $0.multiple(0.015, of: 0.01, at: "price") } == ["price: 0.015 is not a multiple of 0.01"])
        #expect(issues { $0.multiple(7.0, of: 5.0, at: "n") } == ["n: 7 is not a multiple of 5"])
        #expect(issues { $0.multiple(2.5, of: 0.5, at: "n") }.isEmpty)
    }

    @Test func counts() {
        #expect(issues { $0.count(11, min: nil, max: 10, at: "rows") } == ["rows: 11 items, at most 10 allowed"])
        #expect(issues { $0.count(0, min: 1, max: nil, at: "rows") } == ["rows: 0 items, at least 1 required"])
        #expect(issues { $0.count(0, min: 1, max: nil, unit: "properties", at: "meta") } == ["meta: 0 properties, at least 1 required"])
        #expect(issues { $0.count(1, min: 2, max: nil, unit: "properties", at: "meta") } == ["meta: 1 property, at least 2 required"])
        #expect(issues { $0.count(1, min: 2, max: nil, at: "rows") } == ["rows: 1 item, at least 2 required"])
        #expect(issues { $0.count(3, min: 1, max: 3, at: "rows") }.isEmpty)
    }

    @Test func uniqueness() {
        #expect(issues { $0.unique(["a", "b", "c", "b", "a"], at: "tags") } == ["tags: items must be unique; item 3 repeats item 1"])
        #expect(issues { $0.unique([1, 2, 3], at: "tags") }.isEmpty)
        #expect(issues { $0.unique([Int](), at: "tags") }.isEmpty)
    }

    @Test func allowedValues() {
        #expect(issues { $0.allowed("x", ["a", "b", "c"], at: "kind") } == [#"kind: "x" is not one of: a, b, c"#])
        #expect(issues { $0.allowed("b", ["a", "b", "c"], at: "kind") }.isEmpty)
        #expect(issues { $0.allowed(4, [1, 2, 3], at: "level") } == ["level: 4 is not one of: 1, 2, 3"])
    }

    @Test func report() {
        #expect(issues { $0.report("exactly one of a or b is required", at: "") } == ["exactly one of a or b is required"])
        #expect(issues { $0.report("bad", at: "seed_domains") } == ["seed_domains: bad"])
    }
}

struct Manifest: Validatable {
    var count: Int
    func validate(into validator: inout Validator) {
        validator.range(count, minimum: 1, at: "count")
    }
}

struct Row: Validatable {
    var name: String
    var tags: [String]
    func validate(into validator: inout Validator) {
        validator.length(name, min: 1, max: nil, at: "name")
        validator.each(tags, at: "tags") { validator, tag in
            validator.length(tag, min: nil, max: 3, at: "")
        }
    }
}

struct Upload: Validatable {
    var manifest: Manifest
    var rows: [Row]
    var labels: [String: String]
    var matrix: [[Int]]
    var seedDomains: [String]

    func validate(into validator: inout Validator) {
        validator.nested(manifest, at: "manifest")
        validator.count(rows.count, min: 1, max: 3, at: "rows")
        validator.each(rows, at: "rows") { validator, row in
            validator.nested(row, at: "")
        }
        validator.values(labels, at: "labels") { validator, label in
            validator.length(label, min: 1, max: nil, at: "")
        }
        validator.each(matrix, at: "matrix") { validator, row in
            validator.each(row, at: "") { validator, cell in
                validator.range(cell, maximum: 9, at: "")
            }
        }
        validator.unique(seedDomains, at: "seed_domains")
    }
}

@Suite struct ValidatorPathTests {
    let upload = Upload(
        manifest: Manifest(count: 0),
        rows: [
            Row(name: "ok", tags: ["a"]), Row(name: "ok", tags: []), Row(name: "ok", tags: []),
            Row(name: "", tags: ["long", "ok", "longer"]),
        ],
        labels: ["b": "", "a": "", "a.b": "", "ok": "x"],
        matrix: [[1], [2, 10]],
        seedDomains: ["x.com", "x.com"])

    @Test func pathsFollowTheStructure() {
        #expect(upload.validationIssues.map(\.description) == [
            "manifest.count: 0 is less than the minimum 1",
            "rows: 4 items, at most 3 allowed",
            "rows[3].name: 0 characters, at least 1 required",
            "rows[3].tags[0]: 4 characters, at most 3 allowed",
            "rows[3].tags[2]: 6 characters, at most 3 allowed",
            "labels.a: 0 characters, at least 1 required",
            #"labels["a.b"]: 0 characters, at least 1 required"#,
            "labels.b: 0 characters, at least 1 required",
            "matrix[1][1]: 10 is greater than the maximum 9",
            "seed_domains: items must be unique; item 1 repeats item 0",
        ])
    }

    @Test func topLevelCollections() {
        #expect(issues { validator in
            validator.each(["", "x"], at: "") { validator, text in
                validator.length(text, min: 1, max: nil, at: "")
            }
            validator.values(["k": 0], at: "") { validator, value in
                validator.range(value, minimum: 1, at: "")
            }
        } == ["[0]: 0 characters, at least 1 required", "k: 0 is less than the minimum 1"])
    }

    @Test func validateThrowsEveryIssue() {
        #expect(throws: ValidationFailure.self) { try upload.validate() }
        do {
            try upload.validate()
        } catch let error as ValidationFailure {
            #expect(error.issues.count == 10)
            #expect(error.description.split(separator: "\n").count == 10)
            #expect(error.description.hasPrefix("manifest.count: 0 is less than the minimum 1\nrows: 4 items"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: Never.self) { try Manifest(count: 1).validate() }
        #expect(Manifest(count: 1).validationIssues.isEmpty)
    }

    @Test func issueDescriptions() {
        #expect(ValidationIssue(path: "a.b", message: "m").description == "a.b: m")
        #expect(ValidationIssue(path: "", message: "m").description == "m")
        let error = ValidationFailure(issues: [
            ValidationIssue(path: "x", message: "one"), ValidationIssue(path: "", message: "two"),
        ])
        #expect(error.description == "x: one\ntwo")
    }
}
