import ClientTestSupport
import Foundation
import OpenAPIGenRuntime
import OpenAPIModel
import Testing
import GoldenKeywords31
import GoldenPayloads

/// The round-trip property over the fixtures' own examples: every `examples` entry of a component
/// schema decodes with the golden's type, is valid by that type's `validate()` (the generated
/// reading of the schema), and re-encodes to the same JSON.
@Suite("Fixture examples") struct FixtureExampleRoundTripTests {
    /// Decodes JSON as a golden type, validates it and re-encodes it.
    typealias RoundTrip = (Data) throws -> (issues: [ValidationIssue], encoded: Data)

    static func roundTrip<T: Codable & Validatable>(_ type: T.Type) -> RoundTrip {
        { data in
            let value = try JSONCoding.decode(T.self, from: data)
            return (value.validationIssues, try JSONCoding.encode(value))
        }
    }

    /// The golden type of each fixture component that carries examples.
    static var types: [String: [String: RoundTrip]] { [
        "Keywords31": [:],
        "Payloads": [
            "Envelope": roundTrip(GoldenPayloads.Envelope.self), "Labels": roundTrip(GoldenPayloads.Labels.self),
            "InputItem": roundTrip(GoldenPayloads.InputItem.self), "OutputItem": roundTrip(GoldenPayloads.OutputItem.self),
            "Incident": roundTrip(GoldenPayloads.Incident.self), "Filters": roundTrip(GoldenPayloads.Filters.self),
        ],
    ] }

    /// Every component example of a fixture, as JSON.
    static func examples(_ fixture: String) throws -> [(component: String, json: JSONValue)] {
        let result = DocumentLoader.load(path: packageRoot + "/Tests/Fixtures/\(fixture).yaml")
        let document = try #require(result.document)
        var found: [(String, JSONValue)] = []
        for (key, schema) in document.components.schemas {
            found += schema.examples.map { (key, jsonValue($0)) }
        }
        return found
    }

    @Test(arguments: ["Keywords31", "Payloads"])
    func componentExamplesRoundTrip(_ fixture: String) throws {
        var count = 0
        for (component, example) in try Self.examples(fixture) {
            // Keywords31's only examples are those of a string property's own schema, not a component's.
            let roundTrip = try #require(Self.types[fixture]?[component], "no golden type listed for \(fixture).\(component)")
            let (issues, encoded) = try roundTrip(JSONCoding.encode(example))
            #expect(issues.isEmpty, "\(fixture).\(component): \(issues)")
            #expect(try json(encoded) == example, "\(fixture).\(component)")
            count += 1
        }
        #expect(count == (fixture == "Payloads" ? 8 : 0))
    }
}

/// The package's root folder, found from this file's path.
private let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A document literal as JSON; numbers keep integer-ness when their text is an integer.
private func jsonValue(_ value: OpenAPIModel.Value) -> JSONValue {
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .integer(let text): return Int64(text).map(JSONValue.integer) ?? .number(Double(text) ?? 0)
    case .number(let text): return .number(Double(text) ?? 0)
    case .string(let s): return .string(s)
    case .array(let items): return .array(items.map(jsonValue))
    case .object(let entries):
        return .object(Dictionary(entries.map { ($0.key, jsonValue($0.value)) }, uniquingKeysWith: { _, last in last }))
    }
}
