import Foundation
import OpenAPIModel
import Testing
import YAMLTree

/// The OpenAPI 3.2 specification's own YAML examples of what 3.2 adds (querystring, item
/// schemas, additional operations, tag hierarchy, `dataValue`…), taken from its text in
/// `../shared/reference/openapi-3.2.0.md`, each placed where its top-level keys say it belongs
/// in a document, must load with no errors except references to components the example leaves
/// out.
enum SpecificationText {
    static let path = Corpus.packageRoot + "/../shared/reference/openapi-3.2.0.md"
    static let isAvailable = FileManager.default.fileExists(atPath: path)

    /// The examples that use a 3.2 construct, as written.
    static var examples: [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let markers = ["itemSchema", "querystring", "additionalOperations", "defaultMapping", "deviceAuthorization",
                       "parent:", "dataValue", "serializedValue", "mediaTypes", "prefixEncoding", "itemEncoding"]
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { chunk in
            guard let end = chunk.range(of: "```") else { return nil }
            let block = String(chunk[..<end.lowerBound])
            return markers.contains(where: block.contains) ? block : nil
        }
    }

    /// Examples the 3.2.0 text gets wrong as YAML, by a phrase they contain: they must still
    /// fail as YAML (so a corrected text is noticed), and are not held to anything else.
    static let errata = [
        "SetCookieWithSchemaAndStyle",  // a flow mapping `{ "lang": … "foo": … }` without commas
        "name: OneTwoThree",  // `null` followed by a stray `]` in a block sequence
    ]

    /// The example as a whole document, or nil when its keys fit nowhere.
    static func document(for example: String) -> String? {
        let topKeys = example.split(separator: "\n").filter { $0.first.map { !$0.isWhitespace && $0 != "#" && $0 != "-" } ?? false }
            .map { String($0.prefix { $0 != ":" }).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        func indented(_ spaces: Int, _ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : String(repeating: " ", count: spaces) + $0 }
                .joined(separator: "\n")
        }
        let head = "openapi: 3.2.0\ninfo: {title: Example, version: '1'}\n"
        guard let first = topKeys.first else { return nil }
        switch first {
        case "openapi":
            return nil  // whole documents: Appendix F's are tests of their own (SelfURITests)
        case "components", "tags", "paths":
            return head + (topKeys.contains("paths") ? "" : "paths: {}\n") + example
        case _ where topKeys.contains("additionalOperations"):
            return head + "paths:\n  /pets/{id}:\n" + indented(4, example)
        case "name", "in":
            // The spec's querystring fragments leave out `name`, which is required even though
            // a querystring serialization does not use it.
            let named = topKeys.contains("name") ? example : "name: query\n" + example
            var path = "/items"
            if example.contains("in: path"), let name = example.firstMatch(of: /name: (\w+)/)?.1 { path = "/items/{\(name)}" }
            return head + "paths:\n  \(path):\n    get:\n      responses: {'204': {description: ok}}\n      parameters:\n        -\n"
                + indented(10, named)
        case "description", "required", "content":
            let body = topKeys.contains("content") ? example : "content:\n" + indented(2, example)
            return head + "paths:\n  /items:\n    post:\n      responses: {'204': {description: ok}}\n      requestBody:\n" + indented(8, body)
        default:
            guard first.contains("/") else { return nil }
            return head + "paths:\n  /items:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n"
                + indented(12, example)
        }
    }
}

@Suite struct SpecificationExampleTests {
    @Test(.enabled(if: SpecificationText.isAvailable || Corpus.isCI, "../shared/reference/openapi-3.2.0.md is not beside the package"))
    func examplesOf32ConstructsLoad() throws {
        let examples = SpecificationText.examples
        #expect(examples.count >= 20, "expected the specification's examples, found \(examples.count)")
        var placed = 0
        for example in examples {
            guard let document = SpecificationText.document(for: example) else { continue }
            placed += 1
            let result = DocumentLoader.load(bytes: Array(document.utf8), path: "example.yaml")
            if let erratum = SpecificationText.errata.first(where: example.contains) {
                #expect(result.diagnostics.contains { $0.message.contains("YAML syntax error") },
                        "the example with \(erratum) now parses; remove it from the errata")
                continue
            }
            let errors = result.diagnostics.filter { $0.severity == .error && !$0.message.contains("`$ref` target not found") }
            #expect(errors.isEmpty, "\(errors.map { $0.rendered(in: result.files) }.joined(separator: "\n"))\n---\n\(document)")
            #expect(result.document != nil)
        }
        #expect(placed >= 20, "only \(placed) examples were placed in a document")
    }

    /// The querystring examples keep their media type, and the JSON one its `serializedValue`s.
    @Test(.enabled(if: SpecificationText.isAvailable || Corpus.isCI, "../shared/reference/openapi-3.2.0.md is not beside the package"))
    func querystringExamplesAreQuerystringParameters() throws {
        let querystrings = SpecificationText.examples.filter { $0.hasPrefix("in: querystring") }
        #expect(querystrings.count == 3)
        var types: [String] = []
        for example in querystrings {
            let document = try #require(SpecificationText.document(for: example))
            let (loaded, _) = try loadClean(document)
            let parameter = try #require(loaded.operation(.get, "/items")?.parameters.first)
            #expect(parameter.location == .querystring)
            types.append(parameter.contentType ?? "")
            if parameter.contentType == "application/json" {
                #expect(parameter.serializedExamples == ["%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D"])
                #expect(parameter.content?.serializedExamples == [#"{"numbers":[1,2],"flag":null}"#])
            }
        }
        #expect(types == ["application/x-www-form-urlencoded", "application/json", "application/jsonpath"])
    }
}
