import OpenAPIModel
import Testing
import YAMLTree

/// An OpenAPI 3.1 document: JSON Schema 2020-12 keywords, webhooks, `$ref` siblings.
@Suite struct OpenAPI31Tests {
    static let text = """
        openapi: 3.1.0
        info: {title: Hooks, version: '2'}
        webhooks:
          newPet:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '200': {description: ok}
        paths:
          /pets:
            $ref: '#/components/pathItems/Pets'
        components:
          pathItems:
            Pets:
              get:
                security: [{mtls: []}, {}]
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: array
                          items: {$ref: '#/components/schemas/Pet'}
          securitySchemes:
            mtls: {type: mutualTLS}
          schemas:
            Pet:
              type: object
              properties:
                name: {type: [string, 'null']}
                age: {type: [integer, null], exclusiveMinimum: 0, maximum: 30}
                score: {type: number, minimum: 1, exclusiveMinimum: 2, exclusiveMaximum: 10, maximum: 20}
                kind: {const: pet}
                owner:
                  $ref: '#/components/schemas/Owner'
                  description: Who feeds it.
                  deprecated: true
                point:
                  type: array
                  prefixItems: [{type: number}, {type: number}]
                  items: false
                labels:
                  type: object
                  patternProperties:
                    '^x-': {type: string}
                  propertyNames: {pattern: '^[a-z-]+$'}
                  additionalProperties: {type: integer}
                photo: {type: string, contentEncoding: base64, contentMediaType: image/png}
                anything: true
                nothing: false
                nested: {$ref: '#/components/schemas/Pet/$defs/Nested'}
                colors: {type: string, examples: [red, green], enum: [red, green, null]}
                unmodelled: {if: {type: string}, then: {minLength: 1}, unevaluatedProperties: false, $id: x, $anchor: y}
              $defs:
                Nested: {type: string, title: Nested}
            Owner:
              type: object
              properties:
                name: {type: string}
        """

    let document: Document
    let result: LoadResult

    init() throws {
        (document, result) = try loadClean(Self.text)
    }

    @Test func webhooksAndPathItemReferences() throws {
        #expect(document.version == .v3_1)
        let hook = try #require(document.webhooks["newPet"])
        #expect(hook.operations.map(\.method) == [.post])
        let pets = try #require(document.paths["/pets"])
        #expect(pets.operations.first?.operation.security == [SecurityRequirement(schemes: ["mtls": []]), SecurityRequirement(schemes: [:])])
        #expect(document.components.pathItems["Pets"] != nil)
        #expect(document.components.securitySchemes["mtls"]?.kind == .mutualTLS)
    }

    @Test func typeListsWithNull() throws {
        let pet = try #require(document.schema("Pet"))
        #expect(pet[property: "name"]?.types == [.string, .null])
        #expect(pet[property: "age"]?.types == [.integer, .null])
        #expect(pet[property: "age"]?.nonNullTypes == [.integer])
        #expect(pet[property: "colors"]?.enumValues == [.string("red"), .string("green"), .null])
        #expect(pet[property: "colors"]?.examples == [.string("red"), .string("green")])
    }

    @Test func numericExclusiveBounds() throws {
        let pet = try #require(document.schema("Pet"))
        let age = try #require(pet[property: "age"])
        #expect(age.minimum?.value.text == "0" && age.minimum?.exclusive == true)
        #expect(age.maximum?.value.text == "30" && age.maximum?.exclusive == false)
        // Both forms present: the stricter bound is kept, with a warning for each side.
        let score = try #require(pet[property: "score"])
        #expect(score.minimum?.value.text == "2" && score.minimum?.exclusive == true)
        #expect(score.maximum?.value.text == "10" && score.maximum?.exclusive == true)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.message.contains("keeping the stricter") })
    }

    @Test func referenceSiblingsAreKept() throws {
        let owner = try #require(document.schema("Pet")?[property: "owner"])
        #expect(owner.ref?.pointer.description == "/components/schemas/Owner")
        #expect(owner.description == "Who feeds it.")
        #expect(owner.deprecated)
        #expect(owner.isPureReference)
    }

    @Test func jsonSchemaKeywords() throws {
        let pet = try #require(document.schema("Pet"))
        #expect(pet[property: "kind"]?.constValue == .string("pet"))
        let point = try #require(pet[property: "point"])
        #expect(point.prefixItems.count == 2)
        #expect(point.items?.value.booleanSchema == false)
        let labels = try #require(pet[property: "labels"])
        #expect(labels.patternProperties["^x-"]?.types == [.string])
        #expect(labels.propertyNames?.value.pattern == "^[a-z-]+$")
        if case .schema(let extra) = labels.additionalProperties { #expect(extra.value.types == [.integer]) } else {
            Issue.record("additionalProperties should be a schema")
        }
        #expect(pet[property: "photo"]?.contentEncoding == "base64")
        #expect(pet[property: "photo"]?.contentMediaType == "image/png")
        #expect(pet[property: "anything"]?.booleanSchema == true)
        #expect(pet[property: "nothing"]?.booleanSchema == false)
        #expect(pet.defs["Nested"]?.title == "Nested")
        let nested = try #require(pet[property: "nested"]?.ref)
        #expect(document.resolve(nested)?.title == "Nested")
    }

    /// Valid 3.1, so the loader says nothing; `if`/`then` are read into the model (the
    /// generated validators check them), so nothing is left unmodelled.
    @Test func conditionalKeywordsAreReadWithoutDiagnostics() throws {
        let schema = try #require(document.schema("Pet")?[property: "unmodelled"])
        #expect(schema.types == nil)
        #expect(!result.diagnostics.contains { $0.pointer?.contains("unmodelled") == true })
        #expect(schema.ifSchema != nil && schema.thenSchema != nil)
        #expect(schema.unmodelledKeywords.isEmpty)
        if case .allowed(false)? = schema.unevaluatedProperties {} else { Issue.record("unevaluatedProperties: false is read") }
    }
}

/// `$id`, `$anchor` and `$dynamicRef`: JSON Schema's names for schemas, resolved to pointers.
@Suite struct SchemaIdentifierTests {
    static func document(_ schemas: String) -> String {
        """
        openapi: 3.1.0
        info: {title: Ids, version: '1'}
        paths: {}
        components:
          schemas:
        \(schemas)
        """
    }

    @Test func fragmentsResolveAgainstTheSchemaWithID() throws {
        let (document, _) = try loadClean(Self.document("""
                Tree:
                  $id: 'https://example.com/tree'
                  properties:
                    leaf: {$ref: '#/$defs/Leaf'}
                    same: {$ref: '#'}
                    byURI: {$ref: 'https://example.com/tree#/$defs/Leaf'}
                    relative: {$ref: 'forest#/$defs/Grove'}
                    document: {$ref: '#/components/schemas/Other'}
                  $defs:
                    Leaf: {type: string}
                Forest:
                  $id: 'https://example.com/forest'
                  $defs:
                    Grove: {type: integer}
                Other: {type: boolean}
            """))
        let tree = try #require(document.schema("Tree"))
        #expect(tree[property: "leaf"]?.ref?.pointer.description == "/components/schemas/Tree/$defs/Leaf")
        #expect(tree[property: "same"]?.ref?.pointer.description == "/components/schemas/Tree")
        #expect(tree[property: "byURI"]?.ref?.pointer.description == "/components/schemas/Tree/$defs/Leaf")
        #expect(tree[property: "relative"]?.ref?.pointer.description == "/components/schemas/Forest/$defs/Grove")
        // Not a place inside the resource: read as the document's, which is what such authors mean.
        #expect(tree[property: "document"]?.ref?.pointer.description == "/components/schemas/Other")
    }

    @Test func withoutIDAFragmentIsTheDocuments() {
        expectError(in: Self.document("""
                Tree:
                  properties:
                    leaf: {$ref: ⟨E⟩'#/$defs/Leaf'}
                  $defs:
                    Leaf: {type: string}
            """), containing: "`$ref` target not found: `#/$defs/Leaf`")
    }

    @Test func anchorsNameSchemas() throws {
        let (document, _) = try loadClean(Self.document("""
                Tree:
                  properties:
                    leaf: {$ref: '#leaf'}
                  $defs:
                    Leaf: {$anchor: leaf, type: string}
                Scoped:
                  $id: 'https://example.com/scoped'
                  properties:
                    mine: {$ref: '#leaf'}
                  $defs:
                    Mine: {$anchor: leaf, type: integer}
            """))
        #expect(document.schema("Tree")?[property: "leaf"]?.ref?.pointer.description == "/components/schemas/Tree/$defs/Leaf")
        #expect(document.schema("Scoped")?[property: "mine"]?.ref?.pointer.description == "/components/schemas/Scoped/$defs/Mine")
        expectError(in: Self.document("""
                Tree:
                  properties:
                    leaf: {$ref: ⟨E⟩'#nowhere'}
                  $defs:
                    Leaf: {$anchor: leaf, type: string}
            """), containing: "`#nowhere` is not a JSON pointer", "`$anchor`")
    }

    @Test func dynamicReferencesAreFollowedStatically() throws {
        let (document, _) = try loadClean(Self.document("""
                Tree:
                  $id: 'https://example.com/tree'
                  $dynamicAnchor: node
                  properties:
                    children: {type: array, items: {$dynamicRef: '#node'}}
            """))
        let items = try #require(document.schema("Tree")?[property: "children"]?.items?.value)
        #expect(items.ref?.pointer.description == "/components/schemas/Tree")
        #expect(items.unmodelledKeywords.isEmpty)

        // Another schema declaring the anchor could be the one meant: followed all the same, listed.
        let marked = MarkedDocument(Self.document("""
                Tree:
                  $id: 'https://example.com/tree'
                  $dynamicAnchor: node
                  properties:
                    children: {type: array, items: {⟨E⟩$dynamicRef: '#node'}}
                Extended:
                  $id: 'https://example.com/extended'
                  $dynamicAnchor: node
                  $ref: 'tree'
            """))
        let (extended, _) = try loadClean(marked.text)
        let listed = try #require(extended.schema("Tree")?[property: "children"]?.items?.value)
        #expect(listed.ref?.pointer.description == "/components/schemas/Tree")
        #expect(listed.unmodelledKeywords.map(\.name) == ["$dynamicRef"])
        #expect(listed.unmodelledKeywords.first.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (marked.line, marked.column))
    }

    @Test func dynamicReferencesResolveToTheOutermostEnclosingResourcesAnchor() throws {
        // Evaluation starts at Root, so Root's `items` anchor is the one in dynamic scope.
        let (document, _) = try loadClean(Self.document("""
                Root:
                  $id: 'https://example.com/root'
                  $ref: 'list'
                  $defs:
                    strings: {$dynamicAnchor: items, type: string}
                    list:
                      $id: 'list'
                      type: array
                      items: {$dynamicRef: '#items'}
                      $defs:
                        anything: {$dynamicAnchor: items}
                    plain:
                      $id: 'plain'
                      $defs:
                        target: {$anchor: entry}
                      properties:
                        p: {$dynamicRef: '#entry'}
            """))
        let root = try #require(document.schema("Root"))
        let items = try #require(root.defs["list"]?.items?.value)
        #expect(items.ref?.pointer.description == "/components/schemas/Root/$defs/strings")
        // Not a dynamic anchor (no bookend): read as `$ref`.
        let plain = try #require(root.defs["plain"]?[property: "p"])
        #expect(plain.ref?.pointer.description == "/components/schemas/Root/$defs/plain/$defs/target")
    }

    @Test func dynamicReferencesReachedThroughScopesThatDisagreeStayDynamic() throws {
        // `then` and `else` enter different resources, each with its own `itemType`: which one
        // is in scope depends on the instance, so the reference stays dynamic, with what
        // checking a value needs to resolve it.
        let (document, _) = try loadClean(Self.document("""
                Main:
                  $id: 'https://example.com/main'
                  if: {required: [numbers]}
                  then: {$ref: 'numbers'}
                  else: {$ref: 'strings'}
                  $defs:
                    generic:
                      $id: 'generic'
                      items: {$dynamicRef: '#itemType'}
                      $defs:
                        fallback: {$dynamicAnchor: itemType}
                    numbers:
                      $id: 'numbers'
                      $ref: 'generic'
                      $defs:
                        itemType: {$dynamicAnchor: itemType, type: number}
                    strings:
                      $id: 'strings'
                      $ref: 'generic'
                      $defs:
                        itemType: {$dynamicAnchor: itemType, type: string}
            """))
        let items = try #require(document.schema("Main")?.defs["generic"]?.items?.value)
        #expect(items.ref == nil)
        #expect(items.unmodelledKeywords.isEmpty)
        let dynamic = try #require(items.dynamicReference)
        #expect(dynamic.anchor == "itemType")
        #expect(dynamic.target.pointer.description == "/components/schemas/Main/$defs/generic/$defs/fallback")
        let scopes = document.dynamicScopes
        #expect(scopes.starts.map(\.pointer.description) == ["/components/schemas/Main"])
        func anchors(_ resource: String) -> [String]? {
            scopes.resources.first { $0.key.pointer.description == resource }?.value.map { $0.key + " " + $0.value.pointer.description }
        }
        #expect(anchors("/components/schemas/Main") == [])
        #expect(anchors("") == [])
        #expect(anchors("/components/schemas/Main/$defs/generic") == ["itemType /components/schemas/Main/$defs/generic/$defs/fallback"])
        #expect(anchors("/components/schemas/Main/$defs/numbers") == ["itemType /components/schemas/Main/$defs/numbers/$defs/itemType"])
        #expect(anchors("/components/schemas/Main/$defs/strings") == ["itemType /components/schemas/Main/$defs/strings/$defs/itemType"])
        // Each declaring schema is decoded, for the checker to be given.
        #expect(document.referencedSchemas.keys.contains { $0.pointer.description == "/components/schemas/Main/$defs/strings/$defs/itemType" })
        let inner = try #require(scopes.resource(containing: dynamic.target))
        #expect(inner.pointer.description == "/components/schemas/Main/$defs/generic")
    }
}
