import OpenAPIModel
import Testing
import YAMLTree

/// Problems that do not stop generation: reported at their place, and the load goes on.
@Suite struct WarningTests {
    @Test func responseWithoutDescription() {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      ⟨E⟩content: {text/plain: {schema: {type: string}}}
            """, containing: "response has no `description`")
        #expect(!result.hasErrors)
    }

    @Test func rfc6570ExplodeModifierMatchesTheName() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              ⟨E⟩/files/{path*}:
                get:
                  parameters:
                    - {name: path, in: path, required: true, explode: true, schema: {type: array, items: {type: string}}}
                  responses: {'200': {description: ok}}
            """, containing: "`{path*}` uses RFC 6570 operators", "matched to parameter `path`")
        #expect(!result.hasErrors)
        #expect(result.document?.paths["/files/{path*}"] != nil)
    }

    @Test func declaredPathParameterMissingFromTemplate() {
        expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  parameters:
                    - ⟨E⟩{name: petId, in: path, required: true, schema: {type: string}}
                  responses: {'200': {description: ok}}
            """, containing: "path parameter `petId` does not appear in the path template \"/pets\"")
    }

    @Test func pathParameterWithoutRequiredIsTreatedAsRequired() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets/{petId}:
                get:
                  parameters:
                    - ⟨E⟩{name: petId, in: path, schema: {type: string}}
                  responses: {'200': {description: ok}}
            """, containing: "must have `required: true`; treated as required")
        #expect(result.document?.operation(.get, "/pets/{petId}")?.parameters.first?.required == true)
    }

    @Test func numberInServerVariableEnumBecomesAString() throws {
        let result = expectWarning(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            servers:
              - url: https://example.com:{port}
                variables:
                  port: {default: '443', enum: ['443', ⟨E⟩8443]}
            """, containing: "should be a string", "8443")
        #expect(result.document?.servers.first?.variables["port"]?.enumValues == ["443", "8443"])
    }

    @Test func referenceSiblingsIn30AreIgnored() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                A: {type: string}
                B:
                  ⟨E⟩$ref: '#/components/schemas/A'
                  nullable: true
            """, containing: "OpenAPI 3.0 ignores keywords beside `$ref`", "`nullable`")
        let b = try #require(result.document?.schema("B"))
        #expect(b.ref != nil && b.types == nil)
    }

    @Test func bothMinimumFormsKeepTheStricter() throws {
        let result = expectWarning(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            components:
              schemas:
                Age: {type: integer, minimum: 5, exclusiveMinimum: ⟨E⟩3}
            """, containing: "keeping the stricter, `minimum: 5`")
        #expect(result.document?.schema("Age")?.minimum == Schema.Bound(value: NumberLiteral(text: "5", value: 5, integer: 5), exclusive: false))
    }

    @Test func emptyValueReadsAsAbsent() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                post:
                  parameters:⟨E⟩
                  responses: {'200': {description: ok}}
            """, containing: "`parameters` has no value")
        #expect(!result.hasErrors)
    }

    @Test func unknownKeysAreIgnoredAndExtensionsCollected() throws {
        let (document, result) = try loadClean("""
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0, x-logo: {url: logo.png}}
            x-generator: {name: test}
            paths:
              /pets:
                get:
                  x-rate-limit: 10
                  unknownField: whatever
                  responses: {'200': {description: ok, links: {self: {operationId: x}}}}
            components:
              schemas:
                Pet: {type: object, x-swift-name: Animal, xml: {name: pet}, externalDocs: {url: x}}
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(document.extensions["x-generator"] == .object([.init(key: "name", value: .string("test"))]))
        #expect(document.operation(.get, "/pets")?.extensions["x-rate-limit"] == .integer("10"))
        #expect(document.schema("Pet")?.extensions["x-swift-name"] == .string("Animal"))
    }
}

@Suite struct LenientSchemaTests {
    @Test func nullSchemaReadsAsAnything() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Bag:
                  type: array
                  items:⟨E⟩
            """, containing: "read as `{}`")
        #expect(result.document?.schema("Bag")?.items?.value.types == nil)
        #expect(!result.hasErrors)
    }

    @Test func diagnosticsAreSortedByPlace() {
        let result = load("""
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Z: {type: nope}
                A: {type: strin}
                M: {type: [bad]}
            """)
        let lines = result.diagnostics.compactMap { $0.location?.line }
        #expect(lines == [6, 7, 8])
    }
}
