import Foundation
import OpenAPIGenRuntime
import Testing

/// The runtime's JSON Schema checker, through `Validator.schema`: what it reports and where.
@Suite struct StaticSchemaTests {
    func issues(_ schema: String, _ json: String, refs: [String: String] = [:]) throws -> [String] {
        // As generated code does: every description resolves names through the same table.
        @Sendable func lookup(_ name: String) -> StaticSchema? { refs[name].map { StaticSchema($0, refs: lookup) } }
        let described = StaticSchema(schema, refs: lookup)
        let value = try JSONCoding.decode(JSONValue.self, from: Data(json.utf8))
        var validator = Validator()
        validator.schema(value, described, at: "value")
        return validator.issues.map(\.description)
    }

    @Test func constComparesNumbersByValueAndStringsByCodePoints() throws {
        #expect(try issues(#"{"const": 1}"#, "1.0") == [])
        #expect(try issues(#"{"const": "\u00e4"}"#, #""a\u0308""#) == [#"value: "ä" is not the required value "ä""#])
        #expect(try issues(#"{"const": {"a": 1, "b": [2]}}"#, #"{"b": [2.0], "a": 1}"#) == [])
        #expect(try issues(#"{"enum": []}"#, "null") == ["value: null is not one of the allowed values"])
    }

    @Test func oneOfReportsNoneAndSeveral() throws {
        let schema = #"{"oneOf": [{"type": "integer"}, {"minimum": 2}]}"#
        #expect(try issues(schema, "1") == [])
        #expect(try issues(schema, "3") == ["value: 3 matches 2 of the oneOf schemas, exactly one allowed"])
        #expect(try issues(schema, "1.5") == ["value: 1.5 matches none of the oneOf schemas"])
    }

    @Test func violationsCarryTheirPath() throws {
        let schema = #"{"properties": {"tags": {"items": {"maxLength": 2}}}, "additionalProperties": false}"#
        #expect(try issues(schema, #"{"tags": ["ok", "long"], "extra": 1}"#) == [
            "value.tags[1]: 4 characters, at most 2 allowed",
            #"value: the property "extra" is not allowed"#,
        ])
    }

    @Test func unevaluatedPropertiesSeesWhatApplicatorsEvaluated() throws {
        let schema = #"{"allOf": [{"properties": {"a": true}}], "if": {"required": ["b"]}, "then": {"properties": {"b": true}}, "unevaluatedProperties": false}"#
        #expect(try issues(schema, #"{"a": 1, "b": 2}"#) == [])
        #expect(try issues(schema, #"{"a": 1, "c": 2}"#) == [#"value: the property "c" is not allowed"#])
    }

    @Test func containsCountsMatches() throws {
        let schema = #"{"contains": {"const": 1}, "minContains": 2, "maxContains": 3}"#
        #expect(try issues(schema, "[1, 1, 2]") == [])
        #expect(try issues(schema, "[1, 2]") == ["value: 1 items match `contains`, at least 2 required"])
    }

    @Test func referencesResolveThroughTheTable() throws {
        let refs = ["node": #"{"properties": {"next": {"$ref": "node"}, "n": {"type": "integer"}}}"#]
        #expect(try issues(#"{"$ref": "node"}"#, #"{"n": 1, "next": {"n": "x"}}"#, refs: refs) == [
            #"value.next.n: a string found, integer expected"#,
        ])
    }

    @Test func typedValuesAreCheckedByTheirJSON() throws {
        var validator = Validator()
        validator.schema([1, 2, 2], StaticSchema(#"{"uniqueItems": true}"#), at: "list")
        #expect(validator.issues.map(\.description) == ["list: items must be unique; item 2 repeats item 1"])
    }
}

/// `ClientOptions.validateResponses`: a decoded body that breaks its constraints fails.
@Suite struct ResponseValidationTests {
    struct Row: Decodable, Validatable {
        var size: Int
        func validate(into v: inout Validator) { v.range(size, maximum: 10, at: "size") }
    }

    func decode(_ body: String, validating: Bool) throws -> [Row] {
        let core = ClientCore(baseURL: URL(string: "https://example.com")!, transport: NoTransport(),
                              options: ClientOptions(validateResponses: validating))
        return try core.decodeJSON([Row].self, from: HTTPResponse(status: 200, body: Data(body.utf8)), operationID: "list")
    }

    @Test func offByDefaultTheBodyIsOnlyDecoded() throws {
        #expect(ClientOptions().validateResponses == false)
        #expect(try decode(#"[{"size": 11}]"#, validating: false).map(\.size) == [11])
    }

    @Test func onABrokenConstraintIsReportedWithItsPath() throws {
        #expect(try decode(#"[{"size": 10}]"#, validating: true).map(\.size) == [10])
        let error = try #require(throws: ClientError.self) { try decode(#"[{"size": 3}, {"size": 11}]"#, validating: true) }
        guard case .undecodableResponse(let operationID, 200, _, let underlying) = error else {
            Issue.record("expected undecodableResponse, got \(error)")
            return
        }
        #expect(operationID == "list")
        #expect(underlying == "the body breaks its schema: [1].size: 11 is greater than the maximum 10")
    }

    struct NoTransport: HTTPTransport {
        func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse { HTTPResponse(status: 500) }
    }
}
