import OpenAPIModel
import Testing
import YAMLTree

/// Each class of broken input, with the place the error must point at marked by ⟨E⟩ in the text.
@Suite struct BadInputTests {
    @Test func malformedIndentation() {
        expectError(in: """
            openapi: 3.0.3
            info:
              title: Pets
               version⟨E⟩: 1.0.0
            paths: {}
            """, containing: "YAML syntax error", "mapping values are not allowed")
    }

    @Test func tabIndentation() {
        expectError(in: "openapi: 3.0.3\ninfo:\n⟨E⟩\ttitle: Pets\n  version: 1.0.0\npaths: {}\n",
                    containing: "tab character", "spaces")
    }

    @Test func unterminatedQuotedString() {
        expectError(in: """
            openapi: 3.0.3
            info:
              title: ⟨E⟩"Pets
              version: 1.0.0
            paths: {}
            """, containing: "quoted scalar", "opened here")
    }

    @Test func duplicateKey() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses: {'200': {description: ok}}
              ⟨E⟩/pets:
                post:
                  responses: {'200': {description: ok}}
            """, containing: "duplicate key \"/pets\"", "line 4, column 3")
    }

    @Test func missingReferenceTarget() {
        let result = expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner:
                      $ref: ⟨E⟩'#/components/schemas/Ownr'
                Owner:
                  type: string
            """, containing: "`$ref` target not found", "#/components/schemas/Ownr", "did you mean `Owner`?")
        #expect(result.rendered().contains {
            $0.hasPrefix("spec.yaml:10:17: error:") && $0.hasSuffix("(at #/components/schemas/Pet/properties/owner/$ref)")
        })
    }

    @Test func missingTargetOutsideSchemas() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      $ref: ⟨E⟩'#/components/responses/Missing'
            """, containing: "`$ref` target not found", "has no `components`")
    }

    @Test func referenceOnlyCycle() {
        expectError(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/B'
                B:
                  description: beside the reference, still only a reference
                  $ref: ⟨E⟩'#/components/schemas/A'
            """, containing: "reference cycle", "#/components/schemas/A → #/components/schemas/B → #/components/schemas/A")
    }

    @Test func selfReference() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Loop'}
            components:
              schemas:
                Loop:
                  $ref: ⟨E⟩'#/components/schemas/Loop'
            """, containing: "reference cycle")
    }

    @Test func cycleOfInlinedReferences() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: '#/components/parameters/A'
                  responses: {'200': {description: ok}}
            components:
              parameters:
                A:
                  $ref: '#/components/parameters/B'
                B:
                  $ref: ⟨E⟩'#/components/parameters/A'
            """, containing: "leads back into itself")
    }

    @Test func unknownType() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Name:
                  type: ⟨E⟩strin
            """, containing: "unknown type \"strin\"", "string, integer, number, boolean, array, object, null", "did you mean \"string\"?")
    }

    @Test func unknownTypeInAList() {
        expectError(in: """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            components:
              schemas:
                Name:
                  type: [string, ⟨E⟩nul]
            """, containing: "unknown type \"nul\"")
    }

    @Test func binaryInput() {
        expectError(in: "openapi: 3.0.3\ninfo: {title: x⟨E⟩\u{0}, version: 1}\n", containing: "binary data")
    }

    @Test func invalidUTF8() {
        var bytes = Array("openapi: 3.0.3\ninfo: {title: ".utf8)
        bytes.append(0xFF)
        bytes += Array(", version: 1}\n".utf8)
        expectError(bytes: bytes, at: 2, 15, containing: ["not UTF-8"])
    }

    @Test func emptyFile() {
        let result = expectError(in: "⟨E⟩", containing: "the file is empty")
        #expect(result.document == nil)
    }

    @Test func aliasBomb() {
        var text = "openapi: 3.0.3\ninfo: {title: Bomb, version: 1.0.0}\npaths: {}\nx-bomb:\n"
        text += "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = Array("abcdefghi").map(String.init)
        for level in 1..<names.count {
            let aliases = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ")
            let marked = names[level] == "g" ? "⟨E⟩" + aliases : aliases
            text += "  \(names[level]): &\(names[level]) [\(marked)]\n"
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            expectError(in: text, containing: "alias bomb")
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func typeMismatchesNameTheKeyTheKindAndWhatWasFound() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: ⟨E⟩"yes"
            """, containing: "`required` must be a list of property names, found the string \"yes\"")
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    ⟨E⟩- name
            """, containing: "`properties` must be a mapping of property names to schemas, found a sequence")
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  parameters:
                    - {name: limit, in: query, required: ⟨E⟩sometimes, schema: {type: integer}}
                  responses: {'200': {description: ok}}
            """, containing: "`required` must be true or false, found the string \"sometimes\"")
    }

    @Test func badKeywordValues() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  parameters:
                    - {name: limit, in: ⟨E⟩body, schema: {type: integer}}
                  responses: {'200': {description: ok}}
            """, containing: "unknown `in` value \"body\"", "path, query, header or cookie")
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /pets:
                get:
                  responses:
                    ⟨E⟩'20x': {description: ok}
            """, containing: "\"20x\" is not a response status")
    }

    @Test func brokenSubtreesDoNotHideOtherErrors() {
        let result = load("""
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                A: {type: strin}
                B: {properties: [x]}
                C: {minLength: -1}
                D: {$ref: '#/nowhere'}
            """)
        #expect(result.errorCount == 4, "\(result.rendered())")
        #expect(result.document != nil)
    }

    @Test func remoteReferenceIsRefused() {
        expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Pet:
                  $ref: ⟨E⟩'https://example.com/pet.yaml'
            """, containing: "remote references are not supported; download the file and refer to it by a relative path")
    }

    @Test func missingFileIsReportedAtTheReference() throws {
        let directory = try TemporaryDirectory()
        let result = expectError(in: """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Pet:
                  $ref: ⟨E⟩'models/../models/pet.yml'
            """, containing: "cannot read", "models/pet.yml", "No such file or directory", directory: directory.path)
        #expect(result.files.paths.count == 1)
    }

    @Test func unreadableRootFile() {
        let result = DocumentLoader.load(path: "definitely/missing.yaml")
        #expect(result.rendered() == ["error: cannot read 'definitely/missing.yaml': No such file or directory"])
        #expect(result.document == nil && result.hasErrors)
    }
}

/// Documents that are not OpenAPI 3.0, 3.1 or 3.2 are refused with a message saying what they are.
@Suite struct VersionGateTests {
    @Test func swagger2() {
        let result = expectError(in: "⟨E⟩swagger: \"2.0\"\ninfo: {title: Old, version: 1.0.0}\npaths: {}\n",
                                 containing: "Swagger 2.0 document", "reads OpenAPI 3.0, 3.1 and 3.2", "Convert")
        #expect(result.document == nil)
    }

    @Test func notOpenAPI() {
        let result = expectError(in: "⟨E⟩name: my-package\nversion: 1.0.0\ndependencies: {}\n",
                                 containing: "not an OpenAPI document", "no `openapi` key", "`name`, `version`, `dependencies`")
        #expect(result.document == nil)
    }

    @Test func rootNotAMapping() {
        expectError(in: "⟨E⟩- openapi\n- 3.0.0\n", containing: "not an OpenAPI document", "found a sequence")
    }

    @Test func unsupportedVersion() {
        expectError(in: "openapi: ⟨E⟩4.0.0\ninfo: {title: x, version: 1}\n", containing: "unsupported OpenAPI version \"4.0.0\"")
    }

    @Test func versionsAccepted() throws {
        for (text, version) in [("3.0.0", Document.Version.v3_0), ("3.0.3", .v3_0), ("3.1.0", .v3_1), ("3.1.1", .v3_1), ("3.2.0", .v3_2)] {
            let (document, _) = try loadClean("openapi: \(text)\ninfo: {title: x, version: '1'}\npaths: {}\n")
            #expect(document.version == version)
            #expect(document.versionText == text)
        }
    }
}

/// References that multiply content must not make a load (or what walks its result) explode.
@Suite struct ReferenceBombTests {
    @Test func inlinedMapsThatDoubleAtEachLevelAreRefused() {
        var text = "openapi: 3.0.3\ninfo: {title: Bomb, version: '1'}\npaths: {}\nx-maps:\n"
        let levels = 40
        for i in 0..<levels {
            let next = i + 1 < levels ? "{$ref: '#/x-maps/m\(i + 1)'}" : "{}"
            text += "  m\(i):\n    a: {type: object, properties: \(next)}\n    b: {type: object, properties: \(next)}\n"
        }
        text += "components:\n  schemas:\n    Root: {type: object, properties: {$ref: '#/x-maps/m0'}}\n"
        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = load(text) }
        #expect(result?.diagnostics.contains { $0.message.contains("a reference bomb?") } == true)
        #expect(elapsed < .seconds(5))
    }

    @Test func sharedMapsWithinTheLimitLoad() throws {
        var text = "openapi: 3.0.3\ninfo: {title: Shared, version: '1'}\npaths: {}\nx-maps:\n"
        for i in 0..<8 {
            let next = i + 1 < 8 ? "{$ref: '#/x-maps/m\(i + 1)'}" : "{}"
            text += "  m\(i):\n    a: {type: object, properties: \(next)}\n    b: {type: object, properties: \(next)}\n"
        }
        text += "components:\n  schemas:\n    Root: {type: object, properties: {$ref: '#/x-maps/m0'}}\n"
        let (document, _) = try loadClean(text)
        #expect(document.schema("Root")?[property: "a"]?[property: "b"]?.properties.keys == ["a", "b"])
    }
}
