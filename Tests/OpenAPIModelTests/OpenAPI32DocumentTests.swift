import OpenAPIModel
import Testing
import YAMLTree

/// OpenAPI 3.2's document-level additions as the loader reads them: tags, reusable media
/// types, Example Object fields, response summaries, security and discriminator fields, and
/// sequential media types.
@Suite struct OpenAPI32DocumentTests {
    static let text = """
        openapi: 3.2.0
        info: {title: Docs, version: '1'}
        tags:
          - {name: store, summary: The store., kind: nav}
          - {name: orders, parent: store}
        paths:
          /orders:
            get:
              tags: [orders]
              parameters:
                - name: q
                  in: query
                  schema: {type: string}
                  examples:
                    one: {dataValue: a b, serializedValue: q=a%20b}
              responses:
                '200':
                  summary: The orders.
                  content:
                    application/json:
                      $ref: '#/components/mediaTypes/Orders'
                    text/event-stream:
                      itemSchema: {type: object, properties: {data: {type: string}}}
                    multipart/mixed:
                      prefixEncoding: [{contentType: application/json}]
                      itemEncoding: {contentType: image/png}
        components:
          mediaTypes:
            Orders:
              schema: {type: array, items: {type: string}}
              examples:
                two: {dataValue: [a, b], serializedValue: '["a","b"]'}
          schemas:
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}]
              discriminator: {propertyName: kind, defaultMapping: Cat}
            Cat: {type: object}
          securitySchemes:
            device:
              type: oauth2
              deprecated: true
              oauth2MetadataUrl: https://auth.example.com/.well-known/oauth-authorization-server
              flows:
                deviceAuthorization:
                  deviceAuthorizationUrl: https://auth.example.com/device
                  tokenUrl: https://auth.example.com/token
                  scopes: {read: Read.}
        """

    @Test func loadsWithoutDiagnostics() throws {
        let (_, result) = try loadClean(Self.text)
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
    }

    @Test func tagsKeepSummaryParentAndKind() throws {
        let (document, _) = try loadClean(Self.text)
        #expect(document.tags.map(\.name) == ["store", "orders"])
        #expect(document.tags[0].summary == "The store.")
        #expect(document.tags[0].kind == "nav")
        #expect(document.tags[1].parent == "store")
        #expect(document.tagsIncludingChildren(of: ["store"]) == ["store", "orders"])
        #expect(document.tagsIncludingChildren(of: ["orders"]) == ["orders"])
    }

    @Test func unknownParentIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            tags:
              - {name: a, parent: ⟨E⟩nope}
            paths: {}
            """, containing: "parent `nope`, which is not in `tags`")
    }

    @Test func parentCycleIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            tags:
              - {name: a, parent: ⟨E⟩b}
              - {name: b, parent: a}
            paths: {}
            """, containing: "runs in a cycle")
    }

    @Test func mediaTypeReferenceAndExamples() throws {
        let (document, _) = try loadClean(Self.text)
        #expect(document.components.mediaTypes.keys == ["Orders"])
        let operation = try #require(document.operation(.get, "/orders"))
        let response = try #require(operation.responses.first?.response)
        #expect(response.summary == "The orders.")
        #expect(response.description == "")
        let json = try #require(response.content["application/json"])
        #expect(json.schema?.items != nil)
        #expect(json.examples.count == 1)
        #expect(json.serializedExamples == [#"["a","b"]"#])
        let parameter = try #require(operation.parameters.first)
        #expect(parameter.examples.count == 1)
        #expect(parameter.serializedExamples == ["q=a%20b"])
    }

    @Test func sequentialFieldsAreRead() throws {
        let (document, _) = try loadClean(Self.text)
        let content = try #require(document.operation(.get, "/orders")?.responses.first?.response.content)
        let events = try #require(content["text/event-stream"])
        #expect(events.itemSchema?.properties.keys == ["data"])
        #expect(events.sequentialLocation != nil)
        let mixed = try #require(content["multipart/mixed"])
        #expect(mixed.prefixEncoding.map(\.contentType) == ["application/json"])
        #expect(mixed.itemEncoding?.contentType == "image/png")
    }

    @Test func securityAndDiscriminatorFields() throws {
        let (document, _) = try loadClean(Self.text)
        let device = try #require(document.components.securitySchemes["device"])
        #expect(device.deprecated)
        #expect(device.oauth2MetadataURL == "https://auth.example.com/.well-known/oauth-authorization-server")
        #expect(device.flows.map(\.name) == ["deviceAuthorization"])
        #expect(device.flows.first?.deviceAuthorizationURL == "https://auth.example.com/device")
        #expect(device.flows.first?.tokenURL == "https://auth.example.com/token")
        #expect(device.flows.first?.scopes.keys == ["read"])
        let pet = try #require(document.components.schemas["Pet"])
        #expect(pet.discriminator?.defaultMapping == "Cat")
        #expect(pet.discriminator?.defaultTarget?.pointer.fragment == "#/components/schemas/Cat")
    }

    @Test func cookieStyleIsFor32CookieParametersOnly() throws {
        let (document, _) = try loadClean("""
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - {name: s, in: cookie, style: cookie, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """)
        let parameter = try #require(document.operation(.get, "/a")?.parameters.first)
        #expect(parameter.style == .cookie)
        #expect(parameter.effectiveExplode)
        expectWarning(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - {name: s, in: query, style: ⟨E⟩cookie, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """, containing: "applies to `in: cookie` parameters only")
        expectError(in: """
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - {name: s, in: cookie, style: ⟨E⟩cookie, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """, containing: "unknown `style` value \"cookie\"")
    }

    /// As in the 3.2 text's own `coordinates` example: the fields of one Example Object written
    /// straight under `examples`.
    @Test func anUnnamedExampleObjectIsReadWithAWarning() throws {
        let result = expectWarning(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: q
                      in: query
                      schema: {type: string}
                      examples:
                        ⟨E⟩dataValue: a
                        serializedValue: q=a
                  responses: {'204': {description: ok}}
            """, containing: "read as one Example Object")
        let parameter = try #require(result.document?.operation(.get, "/a")?.parameters.first)
        #expect(parameter.examples.count == 1)
        #expect(parameter.serializedExamples == ["q=a"])
    }

    /// 3.1 documents keep their behaviour: a response without description still warns there.
    @Test func responseWithoutDescriptionStillWarnsIn31() {
        expectWarning(in: """
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '204':
                      ⟨E⟩summary: Nothing.
            """, containing: "no `description`")
    }
}
