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

    /// Headers allow `style: simple` only; another style is read as simple, and `explode` is kept.
    @Test func headerStyleOtherThanSimpleIsReadAsSimple() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Page:
                          style: ⟨E⟩form
                          explode: true
                          schema: {type: object, properties: {n: {type: integer}}}
                        X-Plain: {schema: {type: string}}
            """, containing: "header `X-Page` has `style: form`", "read as `simple`")
        #expect(!result.hasErrors)
        #expect(result.diagnostics.count == 1)
        let headers = try #require(result.document?.operation(.get, "/pets")?.responses.first?.response.headers)
        #expect(headers["X-Page"]?.explode == true)
        #expect(headers["X-Plain"]?.explode == false)
    }

    @Test func headerExplodeBesideContentIsIgnoredWithAWarning() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Trace:
                          explode: ⟨E⟩true
                          content: {application/json: {schema: {type: object}}}
            """, containing: "header `X-Trace` has `content`, to which `explode` does not apply")
        #expect(!result.hasErrors)
        #expect(result.document?.operation(.get, "/pets")?.responses.first?.response.headers["X-Trace"]?.explode == false)
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

    /// `/api/v{api-version}/…` with no operation declaring `api-version` (a generator's test
    /// documents write every path so): a required string path parameter is declared for it.
    @Test func undeclaredPathVariableIsDeclaredAsARequiredString() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              ⟨E⟩/api/v{api-version}/pets/{petId}:
                parameters:
                  - {name: petId, in: path, required: true, schema: {type: string}}
                get:
                  responses: {'200': {description: ok}}
                delete:
                  responses: {'204': {description: gone}}
            """, containing: "`{api-version}` has no `in: path` parameter", "any of its operations",
                 "declared as a required string path parameter")
        #expect(!result.hasErrors)
        #expect(result.diagnostics.count == 1)
        for method in [HTTPMethod.get, .delete] {
            let parameters = try #require(result.document?.operation(method, "/api/v{api-version}/pets/{petId}")?.parameters)
            #expect(parameters.map(\.name) == ["petId", "api-version"])
            let declared = try #require(parameters.last)
            #expect(declared.location == .path && declared.required && declared.schema?.types == [.string])
        }
    }

    @Test func pathVariableMissingInOneOperationIsDeclaredThere() throws {
        let result = expectWarning(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              ⟨E⟩/pets/{petId}:
                get:
                  parameters:
                    - {name: petId, in: path, required: true, description: Declared, schema: {type: integer}}
                  responses: {'200': {description: ok}}
                delete:
                  responses: {'204': {description: gone}}
            """, containing: "`{petId}`", "in DELETE")
        #expect(!result.hasErrors)
        let get = try #require(result.document?.operation(.get, "/pets/{petId}")?.parameters)
        #expect(get.count == 1 && get[0].description == "Declared")
        let delete = try #require(result.document?.operation(.delete, "/pets/{petId}")?.parameters)
        #expect(delete.map(\.name) == ["petId"] && delete[0].schema?.types == [.string])
    }

    /// Swagger 2's `required: true` inside a property: the object requires the property.
    @Test func swagger2RequiredFlagInAPropertyMakesItRequired() throws {
        let result = expectWarning(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            components:
              schemas:
                Pet:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    name:
                      type: string
                      required: ⟨E⟩true
                    tag: {type: string, required: false}
            """, containing: "`required: true` is Swagger 2's way", "required by its object")
        #expect(!result.hasErrors)
        #expect(result.document?.components.schemas["Pet"]?.required == ["id", "name"])
        #expect(result.diagnostics.filter { $0.message.contains("`required: false`") }.count == 1)
    }

    /// A schema's `$ref` to a Parameter Object: its `schema` is meant. Read as a schema, the
    /// parameter's `required: false` was reported as a bad `required` list, at the parameter.
    @Test func schemaReferenceToAParameterReadsItsSchema() throws {
        let result = expectWarning(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: '#/components/parameters/Limit'
                  responses: {'200': {description: ok}}
            components:
              parameters:
                Limit: {name: limit, in: query, required: false, schema: {type: integer, maximum: 50}}
              schemas:
                Page:
                  type: object
                  properties:
                    limit: {$ref: ⟨E⟩'#/components/parameters/Limit'}
            """, containing: "points at a Parameter Object, not a schema", "`#/components/parameters/Limit/schema`")
        #expect(!result.hasErrors)
        let limit = try #require(result.document?.components.schemas["Page"]?.properties["limit"])
        #expect(limit.ref?.pointer.tokens == ["components", "parameters", "Limit", "schema"])
        let target = try #require(limit.ref.flatMap { result.document?.resolve($0) })
        #expect(target.types == [.integer])
        #expect(result.document?.operation(.get, "/pets")?.parameters.first?.required == false)
    }

    @Test func schemaReferenceToAParameterWithoutSchemaIsAnError() {
        expectError(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            components:
              parameters:
                Trace: {name: trace, in: header, content: {text/plain: {}}}
              schemas:
                Page:
                  type: object
                  properties:
                    trace: {$ref: ⟨E⟩'#/components/parameters/Trace'}
            """, containing: "points at a Parameter Object, not a schema", "has no `schema`")
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
