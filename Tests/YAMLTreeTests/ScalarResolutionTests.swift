import Testing
import YAMLTree

/// YAML 1.2's core schema: the 1.1 booleans (`on`, `yes`, `no`) stay strings, which matters
/// for property names and enum values in OpenAPI documents.
@Suite struct ScalarResolutionTests {
    @Test(arguments: [
        ("on", YAMLScalar.Kind.string), ("yes", .string), ("no", .string), ("off", .string), ("y", .string),
        ("~", .null), ("null", .null), ("", .null),
        ("true", .bool), ("False", .bool),
        ("0x1F", .integer), ("0o17", .integer), ("200", .integer), ("-5", .integer), ("+5", .integer),
        ("1e3", .float), ("1.5", .float), (".inf", .float), ("-.inf", .float), (".nan", .float),
        ("1.2.3", .string), ("0x", .string), ("1e", .string), ("v1", .string),
    ])
    func plainScalarKinds(text: String, kind: YAMLScalar.Kind) throws {
        let node = try parse("key: \(text)\n")
        #expect(node["key"]?.scalar?.kind == kind, "`\(text)`")
    }

    @Test func quotedNumbersStayStrings() throws {
        let node = try parse("a: \"200\"\nb: '1e3'\nc: 200\n")
        #expect(node["a"]?.scalar == YAMLScalar(text: "200", style: .doubleQuoted, kind: .string))
        #expect(node["b"]?.scalar?.kind == .string)
        #expect(node["c"]?.scalar?.integerValue == 200)
    }

    @Test func numericValues() throws {
        let node = try parse("hex: 0x1F\nexp: 1e3\ninf: .inf\nneg: -.inf\n")
        #expect(node["hex"]?.scalar?.integerValue == 31)
        #expect(node["exp"]?.scalar?.doubleValue == 1000)
        #expect(node["inf"]?.scalar?.doubleValue == .infinity)
        #expect(node["neg"]?.scalar?.doubleValue == -.infinity)
    }

    @Test func explicitTagsDecideTheKind() throws {
        let node = try parse("a: !!str 200\nb: !!int \"7\"\n")
        #expect(node["a"]?.scalar?.kind == .string)
        #expect(node["b"]?.scalar?.kind == .integer)
    }
}
