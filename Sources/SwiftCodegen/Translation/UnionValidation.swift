import OpenAPIModel

extension TranslationContext {
    /// The validator of a union: each branch that has constraints validates its own value. A
    /// union whose schema says more than its branches' types (a `oneOf`, which must match exactly
    /// once; a `type` beside the branches; untyped or `false` branches) is checked as a whole
    /// against its description instead, which covers the branches too.
    func unionValidator(_ qualifiedName: String, _ union: ShapedSchema, branches: [(caseName: String, schema: Schema?)]) -> ValidatorExtension {
        var lines: [String] = []
        var patterns: [(name: String, source: String)] = []
        if needsStaticCheck(union.effective) || union.outer.map(needsStaticCheck) == true {
            lines.append("v.schema(self, \(staticSchema(union.outer ?? union.effective)), at: \"\")")
            return ValidatorExtension(typeName: qualifiedName, lines: lines, patterns: patterns)
        }
        var validatedBranches = 0
        for b in branches {
            guard let schema = b.schema else { continue }
            let shaped = SchemaShaper.shape(schema)
            let inner = validationStatements(shaped, value: "value", key: "\"\"", patterns: &patterns, typeName: qualifiedName,
                                             optional: isOptionalInSwift(shaped))
            guard !inner.isEmpty else { continue }
            validatedBranches += 1
            let label = "case .\(SwiftNames.escaped(b.caseName))(let value):"
            // One check is written on its case's line.
            if inner.count == 1, !inner[0].hasSuffix("}") {
                lines.append(label + " " + inner[0])
            } else {
                lines.append(label)
                lines += inner.map { "    " + $0 }
            }
        }
        if !lines.isEmpty {
            if validatedBranches < branches.count { lines.append("default: break") }
            lines = ["switch self {"] + lines + ["}"]
        }
        return ValidatorExtension(typeName: qualifiedName, lines: lines, patterns: patterns)
    }
}
