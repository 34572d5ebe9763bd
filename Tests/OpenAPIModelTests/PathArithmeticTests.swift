@testable import OpenAPIModel
import Testing

/// Reference paths are joined as text so that diagnostics read the same on every machine.
@Suite struct PathArithmeticTests {
    @Test(arguments: [
        ("", "models/pet.yml", "models/pet.yml"),
        ("spec", "./models/pet.yml", "spec/models/pet.yml"),
        ("spec/resources/droplets", "../../shared/x.yml", "spec/shared/x.yml"),
        ("..", "../shared/x.yml", "../../shared/x.yml"),
        ("../shared/specs", "a//b/./c.yml", "../shared/specs/a/b/c.yml"),
        ("a", "../../b.yml", "../b.yml"),
        ("/abs/dir", "../x.yml", "/abs/x.yml"),
        ("/", "../x.yml", "/x.yml"),
        ("rel", "/abs/x.yml", "/abs/x.yml"),
    ])
    func join(directory: String, relative: String, expected: String) {
        #expect(FilePaths.join(directory, relative) == expected)
    }

    @Test func directories() {
        #expect(FilePaths.directory(of: "a/b/c.yml") == "a/b")
        #expect(FilePaths.directory(of: "c.yml") == "")
        #expect(FilePaths.directory(of: "/c.yml") == "/")
    }

    @Test func referenceText() throws {
        let plain = try ReferenceText.parse("models/pet%20food.yml#/components/schemas/a~1b~0c/%7Bid%7D").get()
        #expect(plain.filePath == "models/pet food.yml")
        #expect(plain.pointer.tokens == ["components", "schemas", "a/b~c", "{id}"])
        #expect(try ReferenceText.parse("#").get().pointer.tokens.isEmpty)
        #expect(try ReferenceText.parse("other.yml").get().pointer.tokens.isEmpty)
        #expect(throws: ReferenceTextError.self) { try ReferenceText.parse("http://example.com/x.yml").get() }
        #expect(throws: ReferenceTextError.self) { try ReferenceText.parse("#Pet").get() }
    }
}
