import Foundation
import GeneratorDriver
import OpenAPIModel
import SwiftCodegen
import Testing
import YAMLTree

/// Generation from OpenAPI 3.2 documents: selection by tag (with child tags) and the located
/// warnings for what is read but not generated yet.
@Suite struct OpenAPI32GenerationTests {
    static let tagged = """
        openapi: 3.2.0
        info: {title: Tags, version: '1'}
        tags:
          - {name: store}
          - {name: orders, parent: store}
          - {name: refunds, parent: orders}
          - {name: admin}
        paths:
          /a: {get: {operationId: storeOp, tags: [store], responses: {'204': {description: ok}}}}
          /b: {get: {operationId: ordersOp, tags: [orders], responses: {'204': {description: ok}}}}
          /c: {get: {operationId: refundsOp, tags: [refunds], responses: {'204': {description: ok}}}}
          /d: {get: {operationId: adminOp, tags: [admin], responses: {'204': {description: ok}}}}
          /e: {get: {operationId: untagged, responses: {'204': {description: ok}}}}
        """

    private func generate(_ text: String, operations: [String] = [], tags: [String] = []) throws -> SwiftGenerator.Output {
        let (document, files) = try loadInline(text)
        var config = GeneratorConfig(moduleName: "Demo", operationFilter: operations, specDisplayPath: "inline.yaml")
        config.tagFilter = tags
        return SwiftGenerator.generate(document, files: files, config: config)
    }

    private func methods(_ output: SwiftGenerator.Output) -> [String] {
        file(output, "API.swift").split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "    func ") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "(" })
        }
    }

    @Test func aTagSelectsItsChildTagsOperations() throws {
        #expect(methods(try generate(Self.tagged, tags: ["orders"])) == ["ordersOp", "refundsOp"])
        #expect(methods(try generate(Self.tagged, tags: ["store"])) == ["storeOp", "ordersOp", "refundsOp"])
    }

    @Test func tagAndOperationFiltersAddUp() throws {
        #expect(methods(try generate(Self.tagged, operations: ["untagged"], tags: ["admin"])) == ["adminOp", "untagged"])
    }

    @Test func anUnknownTagIsAWarning() throws {
        let output = try generate(Self.tagged, tags: ["nope"])
        #expect(output.diagnostics.contains { $0.severity == .warning && $0.message.contains("the tag filter names 'nope'") })
        #expect(methods(output).isEmpty)
    }

    @Test func configFileReadsTags() throws {
        let path = NSTemporaryDirectory() + "openapi-gen-tags-\(UUID().uuidString).yaml"
        try "spec: a.yaml\noutput: Out\ntags: [store, admin]\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = try GenerationSettings.load(configPath: path).partial.resolved()
        #expect(settings.tags == ["store", "admin"])
        #expect(settings.generatorConfig.tagFilter == ["store", "admin"])
    }

    /// Honoured, without a warning: `itemSchema` of a JSON Lines response or request body, of
    /// an event-stream request body, events of several kinds named by `event`, multipart parts
    /// typed by `prefixEncoding`, `defaultMapping` naming a branch or a schema outside the
    /// union. Not honoured, each a located warning: a kind of event that names no `event`, and
    /// a `defaultMapping` of a union whose branches are not all references.
    @Test func itemSchemaAndDefaultMappingWarnOnlyWhereNotHonoured() throws {
        let text = """
            openapi: 3.2.0
            info: {title: Streams, version: '1'}
            paths:
              /events:
                get:
                  responses:
                    '200':
                      description: events
                      content:
                        application/jsonl:
                          itemSchema: {type: object}
                        text/event-stream:
                          itemSchema:
                            oneOf: [{properties: {event: {const: a}}}, {properties: {event: {const: b}}}]
                post:
                  requestBody:
                    content:
                      text/event-stream:
                        itemSchema: {type: object}
                  responses: {'204': {description: sent}}
                put:
                  requestBody:
                    content:
                      application/jsonl:
                        itemSchema: {$ref: '#/components/schemas/Cat'}
                  responses: {'204': {description: sent}}
              /loose:
                get:
                  responses:
                    '200':
                      description: events
                      content:
                        text/event-stream:
                          itemSchema:
                            oneOf: [{properties: {event: {const: a}}}, {properties: {data: {type: string}}}]
                        multipart/mixed:
                          schema: {type: array, prefixItems: [{type: object}]}
                          prefixEncoding: [{contentType: application/json}]
            components:
              schemas:
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator:
                    propertyName: kind
                    defaultMapping: Cat
                Fish:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator:
                    propertyName: kind
                    defaultMapping: Other
                Bird:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {type: object}]
                  discriminator:
                    propertyName: kind
                    defaultMapping: Other
                Cat: {type: object}
                Dog: {type: object}
                Other: {type: object}
            """
        let output = try generate(text)
        let warnings = output.diagnostics.filter { $0.severity == .warning }
        #expect(!warnings.contains { $0.message.contains("in the 200 response of GET /events") })
        #expect(!warnings.contains { $0.message.contains("in the request body") })
        let operations = file(output, "Operations.swift")
        #expect(operations.contains("public var body: JSONLinesUpload<Cat>?"))
        #expect(operations.contains("public var body: ServerSentEventUpload<String>?"))
        #expect(operations.contains("case a(String)") && operations.contains("case b(String)"))
        let events = try #require(warnings.first { $0.message.contains("`itemSchema` of text/event-stream in the 200 response of GET /loose") })
        #expect(events.location?.line == 34 && events.message.contains("does not name its `event`"))
        #expect(!warnings.contains { $0.message.contains("`prefixEncoding`") })
        #expect(operations.contains("case mixed(MultipartItems<Operations.GetLoose.OkBodyMixedPart>)"))
        #expect(operations.contains("case ok(OkBody,"))
        let fallbacks = warnings.filter { $0.message.contains("`defaultMapping`") }
        #expect(fallbacks.count == 1 && fallbacks.first?.location?.line == 55)
        let models = file(output, "Models.swift")
        #expect(models.contains("guard let tag = try tagContainer.decodeIfPresent(String.self, forKey: .tag) else {"))
        #expect(models.contains("case other(Other)"))
    }

    /// The 3.2 text's streaming byte ranges: the parts are typed (whole `MultipartPart`s, as
    /// `video/mp4` is binary), and what is not honoured is a warning at its line: the part
    /// `headers` (not typed) and a nested `prefixEncoding` (the part is read whole).
    @Test func partEncodingHeadersAndNestingWarn() throws {
        let text = """
            openapi: 3.2.0
            info: {title: Ranges, version: '1'}
            paths:
              /video:
                get:
                  responses:
                    '200':
                      description: ranges
                      content:
                        multipart/byteranges:
                          itemSchema: {$comment: A single range of bytes from a video}
                          itemEncoding:
                            contentType: video/mp4
                            headers:
                              Content-Range:
                                required: true
                                content: {text/plain: {schema: {type: string}}}
                        multipart/mixed:
                          schema: {type: array, prefixItems: [{type: array}, {type: array}]}
                          prefixEncoding:
                            - {}
                            - contentType: multipart/mixed
                              prefixEncoding: [{contentType: application/xml}]
            """
        let output = try generate(text)
        let warnings = output.diagnostics.filter { $0.severity == .warning }
        let headers = try #require(warnings.first { $0.message.contains("`headers` of a part's Encoding Object in multipart/byteranges") })
        #expect(headers.location?.line == 14)
        let nested = try #require(warnings.first { $0.message.contains("nested Encoding Objects of a part in multipart/mixed") })
        #expect(nested.location?.line == 23)
        #expect(warnings.count == 2)
        let operations = file(output, "Operations.swift")
        #expect(operations.contains("case byteranges(MultipartItems<MultipartPart>)"))
        #expect(operations.contains("case part2(MultipartPart)"))
    }

    /// A `multipart/form-data` upload with `itemSchema` stays the caller's named parts, with a
    /// warning at its line; the same media type in a response is typed part by part.
    @Test func formDataUploadWithItemSchemaKeepsNamedParts() throws {
        let text = """
            openapi: 3.2.0
            info: {title: Forms, version: '1'}
            paths:
              /forms:
                post:
                  requestBody:
                    content:
                      multipart/form-data:
                        itemSchema: {type: object}
                  responses:
                    '200':
                      description: fields
                      content:
                        multipart/form-data:
                          itemSchema: {type: string}
            """
        let output = try generate(text)
        let warnings = output.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location?.line == 9 && warnings.first?.message.contains("`MultipartFormData`") == true)
        let operations = file(output, "Operations.swift")
        #expect(operations.contains("public var body: MultipartFormData?"))
        #expect(operations.contains("case ok(MultipartItems<String>,"))
    }

    /// An event's `data` declared JSON (`contentMediaType`) with no `contentSchema` decodes into
    /// `JSONValue`; with one, into its type; neither warns.
    @Test func eventDataDeclaredJSONIsDecoded() throws {
        let text = """
            openapi: 3.2.0
            info: {title: Streams, version: '1'}
            paths:
              /loose:
                get:
                  responses:
                    '200':
                      description: events
                      content:
                        text/event-stream:
                          itemSchema: {properties: {data: {contentMediaType: application/json}}}
              /typed:
                get:
                  responses:
                    '200':
                      description: events
                      content:
                        text/event-stream:
                          itemSchema:
                            properties:
                              data: {contentMediaType: application/json, contentSchema: {$ref: '#/components/schemas/Tick'}}
            components:
              schemas:
                Tick: {type: object, properties: {n: {type: integer}}}
            """
        let output = try generate(text)
        #expect(!output.diagnostics.contains { $0.severity == .warning })
        let operations = file(output, "Operations.swift")
        #expect(operations.contains("case ok(ServerSentEvents<JSONValue>,"))
        #expect(operations.contains("case ok(ServerSentEvents<Tick>,"))
    }
}
