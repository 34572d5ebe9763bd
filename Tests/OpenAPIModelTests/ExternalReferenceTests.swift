import Foundation
import OpenAPIModel
import Testing
import YAMLTree

/// Documents split over files, joined by relative `$ref`s, in the ref-anywhere style of
/// DigitalOcean's document.
@Suite struct ExternalReferenceTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("descriptions.yml", """
            pets: |
              Everything about pets.
            """)
        try directory.write("paths/pets.yml", """
            operationId: listPets
            parameters:
              - $ref: '../shared/common.yml#/parameters/limit'
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: array
                      items: {$ref: '../models/pet.yml'}
              default:
                $ref: '../shared/common.yml#/responses/Error'
            """)
        try directory.write("paths/pet-item.yml", """
            parameters:
              - {name: id, in: path, required: true, schema: {$ref: '../shared/common.yml#/Id'}}
            get:
              responses:
                '200': {$ref: '../shared/common.yml#/responses/Error'}
            """)
        try directory.write("models/pet.yml", """
            type: object
            properties:
              id: {$ref: '../shared/common.yml#/Id'}
              children:
                type: array
                items: {$ref: 'pet.yml'}
            """)
        try directory.write("props.yml", """
            label: {type: string}
            count: {type: integer}
            """)
        try directory.write("shared/common.yml", """
            Id: {type: string, format: uuid}
            a/b: {type: boolean}
            '{x}': {type: number}
            t~n: {type: integer}
            parameters:
              limit: {name: limit, in: query, schema: {type: integer}}
            responses:
              Error:
                description: Something went wrong.
            """)
    }

    static let root = """
        openapi: 3.0.3
        info: {title: Split, version: '1'}
        tags:
          - name: pets
            description: {$ref: 'descriptions.yml#/pets'}
        paths:
          /pets:
            get:
              $ref: 'paths/pets.yml'
          /pets/{id}:
            $ref: './paths/../paths/pet-item.yml'
        components:
          schemas:
            Pet: {$ref: 'models/pet.yml'}
            Tagged:
              type: object
              properties:
                $ref: 'props.yml'
            Slashed: {$ref: 'shared/common.yml#/a~1b'}
            Braced: {$ref: 'shared/common.yml#/%7Bx%7D'}
            Tilde: {$ref: 'shared/common.yml#/t~0n'}
        """

    @Test func refAnywhereInlinesEveryNonSchemaPosition() throws {
        let (document, _) = try loadClean(Self.root, directory: directory.path)
        #expect(document.tags.first?.description == "Everything about pets.")
        let list = try #require(document.operation(.get, "/pets"))
        #expect(list.operationID == "listPets")
        #expect(list.parameters.first?.name == "limit")
        #expect(list.responses.last?.response.description == "Something went wrong.")
        let item = try #require(document.operation(.get, "/pets/{id}"))
        #expect(item.parameters.first?.name == "id")
        #expect(document.schema("Tagged")?.properties.keys == ["label", "count"])
    }

    @Test func filesAreReadOnceAndNamedByNormalizedRelativePaths() throws {
        let (_, result) = try loadClean(Self.root, directory: directory.path)
        let names = result.files.paths.map { String($0.dropFirst(directory.path.count + 1)) }
        #expect(names.first == "spec.yaml")
        #expect(Set(names) == ["spec.yaml", "descriptions.yml", "paths/pets.yml", "shared/common.yml", "models/pet.yml",
                               "paths/pet-item.yml", "props.yml"])
        #expect(names.count == Set(names).count)
    }

    @Test func schemaReferencesAcrossFilesKeepTheirTargets() throws {
        let (document, result) = try loadClean(Self.root, directory: directory.path)
        func file(_ name: String) -> SourceFileID? {
            result.files.paths.firstIndex(of: directory.path + "/" + name).map { SourceFileID(UInt32($0)) }
        }
        let petFile = try #require(file("models/pet.yml"))
        let petTarget = RefTarget(file: petFile, pointer: .root)
        #expect(document.schema("Pet")?.ref == petTarget)
        let pet = try #require(document.resolve(petTarget))
        #expect(pet.properties.keys == ["id", "children"])
        // Recursion through `items` back to the same file loads and points at itself.
        #expect(pet[property: "children"]?.items?.value.ref == petTarget)
        let id = try #require(pet[property: "id"]?.ref)
        #expect(id.file == file("shared/common.yml") && id.pointer.tokens == ["Id"])
        #expect(document.resolve(id)?.format == "uuid")
        #expect(document.resolve(try #require(document.schema("Slashed")?.ref))?.types == [.boolean])
        #expect(document.resolve(try #require(document.schema("Braced")?.ref))?.types == [.number])
        #expect(document.resolve(try #require(document.schema("Tilde")?.ref))?.types == [.integer])
        // Each target is decoded once, listed in the order first reached.
        #expect(document.referencedSchemaOrder.count == Set(document.referencedSchemaOrder).count)
        #expect(document.referencedSchemaOrder.contains(petTarget))
    }

    @Test func problemsInReferencedFilesPointIntoThoseFiles() throws {
        try directory.write("broken.yml", "type: object\nproperties:\n  a: {type: strin}\n  b: [unclosed\n")
        try directory.write("typo.yml", "type: object\nproperties:\n  a: {type: strin}\n")
        let result = load("""
            openapi: 3.0.3
            info: {title: Split, version: '1'}
            paths: {}
            components:
              schemas:
                Broken: {$ref: 'broken.yml'}
                Typo: {$ref: 'typo.yml'}
                AlsoTypo: {$ref: 'typo.yml#/properties/a'}
            """, directory: directory.path)
        let rendered = result.rendered().map { String($0.dropFirst(directory.path.count + 1)) }
        #expect(rendered.contains { $0.hasPrefix("broken.yml:5:1: error: YAML syntax error") && $0.contains("flow sequence") })
        #expect(rendered.contains { $0.hasPrefix("typo.yml:3:13: error: unknown type \"strin\"") && $0.hasSuffix("(at #/properties/a/type)") })
        // The typo is reported once although two references reach it.
        #expect(rendered.filter { $0.contains("strin") }.count == 1)
        #expect(result.errorCount == 2)
    }

    @Test func longReferenceChainsDoNotExhaustTheStack() throws {
        var text = "openapi: 3.1.0\ninfo: {title: Chain, version: '1'}\ncomponents:\n  schemas:\n"
        let count = 20_000
        for i in 0..<count {
            text += "    S\(i): {$ref: '#/components/schemas/S\(i + 1)', description: link \(i)}\n"
        }
        text += "    S\(count): {type: string}\n"
        let (document, _) = try loadClean(text)
        #expect(document.referencedSchemaOrder.count == count)
        #expect(document.schema("S0")?.ref?.pointer.tokens.last == "S1")
    }

    @Test func deeplyNestedSchemasLoad() throws {
        let depth = 900
        var text = "openapi: 3.1.0\ninfo: {title: Deep, version: '1'}\ncomponents:\n  schemas:\n    Deep: "
        text += String(repeating: "{items: ", count: depth) + "{type: string}" + String(repeating: "}", count: depth) + "\n"
        let (document, _) = try loadClean(text)
        var schema = try #require(document.schema("Deep"))
        var levels = 0
        while let next = schema.items?.value {
            schema = next
            levels += 1
        }
        #expect(levels == depth)
        #expect(schema.types == [.string])
    }

    @Test func recursiveSchemasThroughPropertiesLoad() throws {
        let (document, _) = try loadClean("""
            openapi: 3.0.3
            info: {title: Tree, version: '1'}
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    parent: {$ref: '#/components/schemas/Node'}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    meta: {$ref: '#/components/schemas/Meta'}
                Meta:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Node'}
            """)
        let node = try #require(document.schema("Node"))
        #expect(node[property: "parent"]?.ref?.pointer.tokens == ["components", "schemas", "Node"])
        #expect(document.referencedSchemaOrder.map { $0.pointer.tokens.last! } == ["Node", "Meta"])
    }

    @Test func inlinedPropertiesMapThatContainsItselfIsRefused() throws {
        try directory.write("self-props.yml", """
            name: {type: string}
            child:
              type: object
              properties:
                $ref: 'self-props.yml'
            """)
        let result = load("""
            openapi: 3.0.3
            info: {title: Loop, version: '1'}
            paths: {}
            components:
              schemas:
                Loop:
                  type: object
                  properties:
                    $ref: 'self-props.yml'
            """, directory: directory.path)
        #expect(result.rendered().contains { $0.contains("self-props.yml:5:11: error:") && $0.contains("leads back into itself") })
    }
}

/// A load decodes on the caller's thread when its stack has room, and starts over on a thread
/// with a large stack when the document turns out to nest deeper than that room allows.
@Suite struct CallerStackTests {
    private final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new thread with a stack of `size` bytes.
    private func onThread(stack size: Int, _ body: @escaping () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(Work(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, { context in
            #if canImport(Darwin)
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            #else
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            #endif
            return nil
        }, context)
        #expect(status == 0)
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
    }

    @Test(arguments: [100, 990])
    func deepDocumentsLoadFromARoomyThread(depth: Int) {
        var text = "openapi: 3.1.0\ninfo: {title: Deep, version: '1'}\ncomponents:\n  schemas:\n    Deep: "
        text += String(repeating: "{items: ", count: depth) + "{type: string}" + String(repeating: "}", count: depth) + "\n"
        let bytes = Array(text.utf8)
        final class Outcome: @unchecked Sendable { var levels = 0; var errors = 0 }
        let outcome = Outcome()
        // Room enough to start on this thread, too little for 990 levels of a few kilobytes each.
        onThread(stack: 6 << 20) {
            let result = DocumentLoader.load(bytes: bytes, path: "deep.yaml")
            var schema = result.document?.components.schemas["Deep"]
            while let next = schema?.items?.value {
                schema = next
                outcome.levels += 1
            }
            outcome.errors = result.errorCount
        }
        #expect(outcome.levels == depth)
        #expect(outcome.errors == 0)
    }
}
