import Foundation
import OpenAPIGenRuntime
import Testing

/// The JSON Schema Test Suite (draft 2020-12) through the real pipeline: each group's schema is
/// the required property `value` of a component of `Tests/Fixtures/JSONSchemaSuite.yaml`
/// (written by `Scripts/json-schema-suite.py`), generated and compiled as the golden module
/// `GoldenJSONSchemaSuite`. A case counts as valid when the generated decoder accepts
/// `{"value": data}` and `validate()` reports nothing; the suite says whether it should be.
///
/// Every case where the two disagree is listed, with what happened, in
/// `Tests/JSONSchemaSuite/disagreements.txt`: a case that starts to disagree fails the test (a
/// regression), and so does one that stops (a fix, to be recorded with `UPDATE_GOLDEN=1`).
///
/// The same runs for OpenAPI 3.0 (`JSONSchemaSuite30.yaml`, files ending `-3.0`): the groups
/// whose keywords 3.0 has, in 3.0's spelling (`nullable`, boolean exclusive bounds, `example`).
///
/// A group whose schema leaves out the `type` its keywords imply (`{required: [foo]}`) is read by
/// default as that type, with a warning, so that `{"value": "x"}` is refused where JSON Schema
/// accepts it. Such groups are also generated with `inferTypes: false` (`JSONSchemaSuiteExact`),
/// which keeps JSON Schema's reading, and every case of theirs is judged by that module too: a
/// disagreement there is listed like any other, and a case that only the default reading gets
/// "wrong" goes to `inferred.txt` instead, so that the price of the default is written down too.
@Suite struct JSONSchemaSuiteTests {
    /// One run of the suite: its cases, generated types and recorded disagreements.
    struct Dialect: Sendable, CustomStringConvertible {
        var name: String
        var suffix: String
        var types: [String: any (Decodable & Sendable).Type]
        /// The groups' types generated with `inferTypes: false`.
        var exactTypes: [String: any (Decodable & Sendable).Type]
        var description: String { name }
    }

    static let dialects = [
        Dialect(name: "OpenAPI 3.1", suffix: "", types: jsonSchemaSuiteTypes, exactTypes: jsonSchemaSuiteExactTypes),
        Dialect(name: "OpenAPI 3.0", suffix: "-3.0", types: jsonSchemaSuite30Types, exactTypes: jsonSchemaSuiteExact30Types),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("JSONSchemaSuite")

    struct Case: Decodable {
        var file: String
        var group: Int
        var `case`: Int
        var component: String?
        var description: String
        var valid: Bool
        var body: String
        /// Also judged by the group's type generated with `inferTypes: false`.
        var exact: Bool?

        var place: String { "\(file) #\(group).\(self.case)" }
    }

    static func cases(_ dialect: Dialect) throws -> [Case] {
        let text = try String(contentsOf: folder.appendingPathComponent("cases\(dialect.suffix).jsonl"), encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(Case.self, from: Data($0.utf8)) }
    }

    /// What the generated code says of one case: nil when it accepts it, else why not.
    static func refusal(_ suiteCase: Case, _ dialect: Dialect, exact: Bool = false) -> String? {
        guard let name = suiteCase.component else { return "not generated (see skipped\(dialect.suffix).txt)" }
        guard let type = (exact ? dialect.exactTypes : dialect.types)[name] else { return "no generated type \(name)" }
        return refusal(type, Data(suiteCase.body.utf8))
    }

    private static func refusal<T: Decodable>(_ type: T.Type, _ body: Data) -> String? {
        let value: T
        do { value = try JSONCoding.decode(T.self, from: body) } catch { return "refused by the decoder" }
        guard let issue = (value as? any Validatable)?.validationIssues.first else { return nil }
        return "refused by validate(): \(issue)"
    }

    /// One line of the expectations file for a case the generated code gets wrong.
    static func disagreement(_ suiteCase: Case, refusal: String?, exact: Bool = false) -> String? {
        guard (refusal == nil) != suiteCase.valid else { return nil }
        let outcome = refusal ?? "accepted"
        let expected = suiteCase.valid ? "valid" : "invalid"
        return "\(suiteCase.place)\(exact ? " (inferTypes: false)" : ""): \(expected), \(outcome) — \(suiteCase.description)"
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// Writes `lines` to `name` under UPDATE_GOLDEN=1, else expects them to be what it holds.
    static func compare(_ lines: [String], with name: String, header: String) throws {
        let file = folder.appendingPathComponent(name)
        let text = header + lines.map { $0 + "\n" }.joined()
        let recorded = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            if recorded != text {
                try text.write(to: file, atomically: true, encoding: .utf8)
                Issue.record("re-recorded \(name) (\(lines.count) lines); review the diff, then run the tests again")
            }
            return
        }
        let expected = Set(recorded.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        let actual = Set(lines)
        let fixed = expected.subtracting(actual).sorted()
        let broken = actual.subtracting(expected).sorted()
        #expect(broken.isEmpty, "\(name): cases that now disagree (or disagree differently):\n\(broken.joined(separator: "\n"))")
        #expect(fixed.isEmpty, "\(name): cases no longer disagreeing as recorded (UPDATE_GOLDEN=1 to record):\n\(fixed.joined(separator: "\n"))")
    }

    @Test(arguments: dialects)
    func everyCaseAgreesOrIsListed(_ dialect: Dialect) throws {
        let cases = try Self.cases(dialect)
        #expect(cases.count > 300, "expected the suite's cases in Tests/JSONSchemaSuite/cases\(dialect.suffix).jsonl")
        var lines: [String] = []
        var inferred: [String] = []
        var table: [String: (agree: Int, total: Int)] = [:]
        var judgedExact = 0
        for suiteCase in cases {
            var line = Self.disagreement(suiteCase, refusal: Self.refusal(suiteCase, dialect))
            if suiteCase.exact == true {
                judgedExact += 1
                let exactLine = Self.disagreement(suiteCase, refusal: Self.refusal(suiteCase, dialect, exact: true), exact: true)
                if let exactLine { lines.append(exactLine) }
                // Only the default reading gets it wrong: the price of inference, not a disagreement.
                if let inferredLine = line, exactLine == nil {
                    inferred.append(inferredLine)
                    line = nil
                }
                if exactLine != nil { line = line ?? exactLine }
            }
            if let line, !lines.contains(line) { lines.append(line) }
            let keyword = String(suiteCase.file.dropLast(5))
            table[keyword, default: (0, 0)].total += 1
            if line == nil { table[keyword, default: (0, 0)].agree += 1 }
        }
        let agree = table.values.map(\.agree).reduce(0, +)
        print("JSON Schema Test Suite 2020-12 as \(dialect.name): \(agree) of \(cases.count) cases agree"
              + " (\(judgedExact) also judged with inferTypes: false; \(inferred.count) agree only so)")
        for keyword in table.keys.sorted() {
            let row = table[keyword]!
            print("  \(keyword.padding(toLength: 24, withPad: " ", startingAt: 0)) \(row.agree)/\(row.total)")
        }
        try Self.compare(lines, with: "disagreements\(dialect.suffix).txt", header:
            "# Cases of the JSON Schema Test Suite (draft 2020-12), as \(dialect.name), the generated code still gets wrong.\n"
            + "# Written by JSONSchemaSuiteTests with UPDATE_GOLDEN=1; a change either way fails the test.\n")
        try Self.compare(inferred, with: "inferred\(dialect.suffix).txt", header:
            "# Cases the default reading of a schema without `type` (the type its keywords imply, with a warning) gets\n"
            + "# wrong and generating with `inferTypes: false` gets right, as \(dialect.name). Written by JSONSchemaSuiteTests\n"
            + "# with UPDATE_GOLDEN=1; a change either way fails the test.\n")
    }

    @Test(arguments: dialects)
    func everyGeneratedComponentHasItsType(_ dialect: Dialect) throws {
        let cases = try Self.cases(dialect)
        #expect(Set(cases.compactMap(\.component)) == Set(dialect.types.keys))
        #expect(Set(cases.filter { $0.exact == true }.compactMap(\.component)) == Set(dialect.exactTypes.keys))
    }
}
