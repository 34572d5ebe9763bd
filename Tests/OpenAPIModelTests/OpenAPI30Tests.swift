import OpenAPIModel
import Testing
import YAMLTree

/// An OpenAPI 3.0 document touching most of the model.
@Suite struct OpenAPI30Tests {
    static let text = """
        openapi: 3.0.3
        info:
          title: Pet Store
          version: 1.0.0
          description: Pets.
        servers:
          - url: https://{region}.example.com/v1
            description: production
            variables:
              region:
                default: eu
                enum: [eu, us]
        security:
          - apiKeyHeader: []
          - bearer: []
        tags:
          - name: pets
            description: Everything about pets.
        paths:
          /pets/{petId}:
            summary: One pet
            parameters:
              - name: petId
                in: path
                required: true
                description: from the path item
                schema: {type: string}
              - name: verbose
                in: query
                schema: {type: boolean}
            get:
              operationId: getPet
              tags: [pets]
              x-internal: true
              parameters:
                - name: petId
                  in: path
                  required: true
                  description: from the operation
                  schema: {type: integer, format: int64, minimum: 1}
                - name: X-Trace
                  in: header
                  schema: {type: string}
                - name: session
                  in: cookie
                  schema: {type: string}
                - name: filter
                  in: query
                  style: deepObject
                  explode: true
                  schema: {type: object, additionalProperties: {type: string}}
              responses:
                '200':
                  description: The pet.
                  headers:
                    X-Rate-Limit:
                      description: calls left
                      required: true
                      schema: {type: integer}
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
                      example: {name: Rex}
                4XX:
                  $ref: '#/components/responses/Error'
                default:
                  description: Unexpected.
              security: []
            delete:
              deprecated: true
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: object, properties: {reason: {type: string}}}
                    encoding:
                      reason: {contentType: text/plain, style: form, explode: false}
              responses:
                '204': {description: Deleted.}
              callbacks:
                onDelete:
                  '{$request.body#/url}':
                    post:
                      responses: {'200': {description: ok}}
        components:
          schemas:
            Pet:
              type: object
              required: [name, kind]
              discriminator:
                propertyName: kind
                mapping:
                  dog: '#/components/schemas/Dog'
                  cat: Cat
              properties:
                name: {type: string, minLength: 1, maxLength: 40, pattern: '^[A-Z]'}
                kind: {type: string, enum: [dog, cat]}
                nickname: {type: string, nullable: true}
                owner:
                  nullable: true
                  anyOf:
                    - $ref: '#/components/schemas/Owner'
                weight:
                  type: number
                  minimum: 0
                  exclusiveMinimum: true
                  maximum: 200.5
                  exclusiveMaximum: false
                  multipleOf: 0.5
                tags:
                  type: array
                  items: {type: string}
                  minItems: 0
                  maxItems: 10
                  uniqueItems: true
                  example: [a, b]
                attributes:
                  type: object
                  additionalProperties: true
                  minProperties: 1
                  maxProperties: 5
                big: {type: integer, default: 12345678901234567890, readOnly: true}
                secret: {type: string, writeOnly: true, format: password}
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties: {barks: {type: boolean}}
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
            Owner:
              type: object
              properties:
                name: {type: string}
                pets:
                  type: array
                  items: {$ref: '#/components/schemas/Pet'}
          responses:
            Error:
              description: Failure.
              content:
                application/problem+json:
                  schema:
                    type: object
                    properties: {message: {type: string}}
          securitySchemes:
            apiKeyHeader: {type: apiKey, name: X-API-Key, in: header}
            apiKeyQuery: {type: apiKey, name: key, in: query}
            apiKeyCookie: {type: apiKey, name: sid, in: cookie}
            basic: {type: http, scheme: basic}
            bearer: {type: http, scheme: bearer, bearerFormat: JWT, description: A token.}
            oauth:
              type: oauth2
              flows:
                implicit:
                  authorizationUrl: https://example.com/auth
                  scopes: {read: Read.}
            oidc: {type: openIdConnect, openIdConnectUrl: https://example.com/.well-known/openid-configuration}
        """

    let document: Document
    let result: LoadResult

    init() throws {
        (document, result) = try loadClean(Self.text)
    }

    @Test func topLevel() {
        #expect(document.version == .v3_0)
        #expect(document.versionText == "3.0.3")
        #expect(document.info.title == "Pet Store" && document.info.version == "1.0.0" && document.info.description == "Pets.")
        #expect(document.servers.first?.url == "https://{region}.example.com/v1")
        #expect(document.servers.first?.variables["region"]?.enumValues == ["eu", "us"])
        #expect(document.tags.first?.description == "Everything about pets.")
        #expect(document.security == [SecurityRequirement(schemes: ["apiKeyHeader": []]), SecurityRequirement(schemes: ["bearer": []])])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        #expect(result.files.paths == ["spec.yaml"])
    }

    @Test func pathLevelParametersMergeWithOperationOverrides() throws {
        let get = try #require(document.operation(.get, "/pets/{petId}"))
        #expect(get.parameters.map(\.name) == ["petId", "verbose", "X-Trace", "session", "filter"])
        let petId = get.parameters[0]
        #expect(petId.description == "from the operation")
        #expect(petId.schema?.types == [.integer] && petId.schema?.format == "int64")
        #expect(get.parameters.map(\.location) == [.path, .query, .header, .cookie, .query])
        let filter = get.parameters[4]
        #expect(filter.style == .deepObject && filter.explode == true)
        #expect(get.parameters[1].effectiveStyle == .form && get.parameters[1].effectiveExplode)
        #expect(get.extensions["x-internal"] == .bool(true))
        #expect(get.security == [])
        #expect(get.operationID == "getPet" && get.tags == ["pets"])
        let delete = try #require(document.operation(.delete, "/pets/{petId}"))
        #expect(delete.parameters.map(\.name) == ["petId", "verbose"])
        #expect(delete.parameters[0].description == "from the path item")
        #expect(delete.deprecated && delete.hasCallbacks)
        #expect(delete.security == nil)
    }

    @Test func responsesAndBodies() throws {
        let get = try #require(document.operation(.get, "/pets/{petId}"))
        #expect(get.responses.map(\.status) == [.code(200), .range(4), .default])
        let ok = get.responses[0].response
        #expect(ok.headers["X-Rate-Limit"]?.required == true)
        let json = try #require(ok.content["application/json"])
        #expect(json.schema?.ref == RefTarget(file: document.rootFile, pointer: JSONPointer.root.appending("components").appending("schemas").appending("Pet")))
        #expect(json.examples == [.object([.init(key: "name", value: .string("Rex"))])])
        #expect(get.responses[1].response.description == "Failure.")
        #expect(get.responses[1].response.content["application/problem+json"]?.schema?.properties["message"] != nil)
        let body = try #require(document.operation(.delete, "/pets/{petId}")?.requestBody)
        #expect(body.required)
        let form = try #require(body.content["application/x-www-form-urlencoded"])
        #expect(form.encoding["reason"]?.contentType == "text/plain" && form.encoding["reason"]?.explode == false)
        #expect(form.encoding["reason"]?.style == .form)
    }

    @Test func nullableForms() throws {
        let pet = try #require(document.schema("Pet"))
        #expect(pet[property: "nickname"]?.types == [.string, .null])
        #expect(pet[property: "nickname"]?.allowsNull == true)
        // `nullable` without `type` adds no type (OpenAPI 3.0.3: it applies only beside `type`).
        let owner = try #require(pet[property: "owner"])
        #expect(owner.types == nil)
        #expect(owner.anyOf.count == 1)
        #expect(pet[property: "name"]?.types == [.string])
    }

    @Test func booleanExclusiveBounds() throws {
        let weight = try #require(document.schema("Pet")?[property: "weight"])
        #expect(weight.minimum == Schema.Bound(value: NumberLiteral(text: "0", value: 0, integer: 0), exclusive: true))
        #expect(weight.maximum?.value.text == "200.5" && weight.maximum?.exclusive == false)
        #expect(weight.multipleOf?.value == 0.5)
    }

    @Test func otherKeywords() throws {
        let pet = try #require(document.schema("Pet"))
        #expect(pet.required == ["name", "kind"])
        let name = try #require(pet[property: "name"])
        #expect(name.minLength == 1 && name.maxLength == 40 && name.pattern == "^[A-Z]")
        #expect(name.patternLocation?.line != nil)
        #expect(pet[property: "kind"]?.enumValues == [.string("dog"), .string("cat")])
        let tags = try #require(pet[property: "tags"])
        #expect(tags.items?.value.types == [.string])
        #expect(tags.minItems == 0 && tags.maxItems == 10 && tags.uniqueItems)
        #expect(tags.examples == [.array([.string("a"), .string("b")])])
        let attributes = try #require(pet[property: "attributes"])
        #expect(attributes.minProperties == 1 && attributes.maxProperties == 5)
        if case .allowed(true) = attributes.additionalProperties {} else { Issue.record("additionalProperties: true") }
        // Numbers keep their text, so large integers survive.
        #expect(pet[property: "big"]?.defaultValue == .integer("12345678901234567890"))
        #expect(pet[property: "big"]?.readOnly == true)
        #expect(pet[property: "secret"]?.writeOnly == true && pet[property: "secret"]?.format == "password")
    }

    @Test func discriminatorMappingResolvesReferencesAndNames() throws {
        let discriminator = try #require(document.schema("Pet")?.discriminator)
        #expect(discriminator.propertyName == "kind")
        #expect(discriminator.mapping["cat"] == "Cat")
        let schemas = JSONPointer.root.appending("components").appending("schemas")
        #expect(discriminator.mappingTargets["dog"] == RefTarget(file: document.rootFile, pointer: schemas.appending("Dog")))
        #expect(discriminator.mappingTargets["cat"] == RefTarget(file: document.rootFile, pointer: schemas.appending("Cat")))
        // Mapped schemas are reachable through `referencedSchemas`.
        #expect(document.resolve(discriminator.mappingTargets["cat"]!)?.allOf.count == 1)
    }

    @Test func referencedSchemasAreTheComponentsDecodedOnce() throws {
        let schemas = JSONPointer.root.appending("components").appending("schemas")
        let pet = RefTarget(file: document.rootFile, pointer: schemas.appending("Pet"))
        #expect(document.referencedSchemaOrder.first == pet)
        #expect(Set(document.referencedSchemaOrder) == Set(["Pet", "Dog", "Cat", "Owner"].map {
            RefTarget(file: document.rootFile, pointer: schemas.appending($0))
        }))
        #expect(document.referencedSchemas.count == document.referencedSchemaOrder.count)
        #expect(document.resolve(pet)?.pointer == pet.pointer)
        #expect(document.resolve(pet)?.discriminator != nil)
    }

    @Test func securitySchemes() {
        let schemes = document.components.securitySchemes
        #expect(schemes["apiKeyHeader"]?.kind == .apiKey(name: "X-API-Key", location: .header))
        #expect(schemes["apiKeyQuery"]?.kind == .apiKey(name: "key", location: .query))
        #expect(schemes["apiKeyCookie"]?.kind == .apiKey(name: "sid", location: .cookie))
        #expect(schemes["basic"]?.kind == .http(scheme: "basic", bearerFormat: nil))
        #expect(schemes["bearer"]?.kind == .http(scheme: "bearer", bearerFormat: "JWT"))
        #expect(schemes["bearer"]?.description == "A token.")
        #expect(schemes["oauth"]?.kind == .oauth2)
        #expect(schemes["oidc"]?.kind == .openIDConnect(url: "https://example.com/.well-known/openid-configuration"))
    }

    @Test func locationsAndPointers() throws {
        let get = try #require(document.operation(.get, "/pets/{petId}"))
        #expect(get.pointer.description == "/paths/~1pets~1{petId}/get")
        #expect((get.location.line, get.location.column) == (32, 7))  // a block mapping starts at its first key
        let name = try #require(document.schema("Pet")?[property: "name"])
        #expect(name.pointer.description == "/components/schemas/Pet/properties/name")
        #expect(name.location.line == 96)
    }
}
