import Foundation
import OpenAPIModel
import Testing
import YAMLTree

/// OpenAPI 3.2's `$self` as the base URI of references: Appendix F's examples, with the files
/// on disk under names that differ from their `$self` (as they do in practice).
@Suite struct SelfURITests {
    /// "Base URI Within Content": both documents have `$self`, so the retrieval URIs do not
    /// matter; the shared document's schemas are reached through their `$id`s.
    @Test func appendixFBaseURIWithinContent() throws {
        let directory = try TemporaryDirectory()
        try directory.write("api/shared/foo.yaml", """
            openapi: 3.2.0
            $self: https://example.com/api/shared/foo
            info:
              title: Shared components for all APIs
              version: 1.0
            components:
              requestBodies:
                Foo:
                  content:
                    application/json:
                      schema:
                        $ref: ../schemas/foo
              schemas:
                Foo:
                  $id: https://example.com/api/schemas/foo
                  properties:
                    bar:
                      $ref: bar
                Bar:
                  $id: https://example.com/api/schemas/bar
                  type: string
            """)
        let root = """
            openapi: 3.2.0
            $self: https://example.com/api/openapi
            info:
              title: Example API
              version: 1.0
            paths:
              /foo:
                get:
                  requestBody:
                    $ref: "shared/foo#/components/requestBodies/Foo"
                  responses: {'204': {description: ok}}
            """
        let (document, result) = try loadClean(root, directory: directory.path + "/api")
        // Appendix F writes `version: 1.0`, a number; nothing else is worth a word.
        #expect(result.diagnostics.allSatisfy { $0.message.contains("`version` should be a string") }, "\(result.rendered())")
        let body = try #require(document.operation(.get, "/foo")?.requestBody)
        let schema = try #require(body.content["application/json"]?.schema)
        let target = try #require(schema.ref)
        #expect(target.pointer.fragment == "#/components/schemas/Foo")
        let foo = try #require(document.resolve(target))
        let bar = try #require(foo.properties["bar"]?.ref)
        #expect(bar.pointer.fragment == "#/components/schemas/Bar")
        #expect(document.resolve(bar)?.types == [.string])
    }

    /// "Resolving Relative `$self` and `$id`": path-absolute `$self` and `$id`s, whose host
    /// would come from the retrieval URI; the files are found by path, the schemas by `$id`.
    @Test func appendixFRelativeSelfAndID() throws {
        let directory = try TemporaryDirectory()
        try directory.write("api/shared/foo.yaml", """
            openapi: 3.2.0
            $self: /api/shared/foo
            info:
              title: Shared components for all APIs
              version: '1.0'
            components:
              requestBodies:
                Foo:
                  content:
                    application/json:
                      schema:
                        $ref: ../schemas/foo
              schemas:
                Foo:
                  $id: /api/schemas/foo
                  properties:
                    bar:
                      $ref: bar
                Bar:
                  $id: /api/schemas/bar
                  type: string
            """)
        let (document, result) = try loadClean("""
            openapi: 3.2.0
            $self: /api/openapi
            info:
              title: Example API
              version: '1.0'
            paths:
              /foo:
                get:
                  requestBody:
                    $ref: "shared/foo#/components/requestBodies/Foo"
                  responses: {'204': {description: ok}}
            """, directory: directory.path + "/api")
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let schema = try #require(document.operation(.get, "/foo")?.requestBody?.content["application/json"]?.schema)
        let foo = try #require(schema.ref.flatMap(document.resolve))
        let bar = try #require(foo.properties["bar"]?.ref)
        #expect(bar.pointer.fragment == "#/components/schemas/Bar")
        #expect(document.resolve(bar)?.types == [.string])
    }

    /// An absolute reference to the document's own `$self` is a reference within the file.
    @Test func absoluteReferenceToItself() throws {
        let (document, _) = try loadClean("""
            openapi: 3.2.0
            $self: https://example.com/api/openapi
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: 'https://example.com/api/openapi#/components/responses/Ok'}
            components:
              responses:
                Ok: {description: fine}
            """)
        #expect(document.operation(.get, "/a")?.responses.first?.response.description == "fine")
    }

    /// A relative `$self` is resolved against the retrieval URI (the file), then used as the base.
    @Test func relativeSelfIsResolvedAgainstTheFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v2/shared/common.yaml", """
            responses:
              Ok: {description: shared}
            """)
        let (document, result) = try loadClean("""
            openapi: 3.2.0
            $self: v2/openapi
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: 'shared/common#/responses/Ok'}
            """, directory: directory.path)
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        #expect(document.operation(.get, "/a")?.responses.first?.response.description == "shared")
    }

    /// Without `$self`, references resolve against the file exactly as before.
    @Test func withoutSelfNothingChanges() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: ⟨E⟩'shared/common#/responses/Ok'}
            """, containing: "cannot read 'shared/common'")
    }

    /// A reference to another host is remote, which openapi-gen does not fetch: an error there.
    @Test func otherHostIsStillRemote() {
        expectError(in: """
            openapi: 3.2.0
            $self: https://example.com/api/openapi
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: ⟨E⟩'https://other.example.com/x#/responses/Ok'}
            """, containing: "remote references are not supported")
    }
}
