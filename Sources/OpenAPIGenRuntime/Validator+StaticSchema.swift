import Foundation

extension Validator {
    /// Checks `value` against a schema the generator wrote out (see ``StaticSchema``), reporting
    /// each violation at its path below `key`.
    public mutating func schema(_ value: JSONValue, _ schema: StaticSchema, at key: String) {
        var check = StaticSchemaCheck()
        var evaluated = StaticSchemaCheck.Evaluated()
        _ = check.check(value, schema.root, in: schema, path: "", evaluated: &evaluated, depth: 0)
        for issue in check.issues {
            report(issue.message, at: key.isEmpty || issue.path.isEmpty || issue.path.hasPrefix("[")
                ? key + issue.path : key + "." + issue.path)
        }
    }

    /// Checks a typed value against a schema by its JSON form: for what its Swift type cannot
    /// say (`oneOf` exactly once, `not`, `const` over an object, …).
    public mutating func schema(_ value: some Encodable, _ schema: StaticSchema, at key: String) {
        guard let data = try? JSONCoding.encode(value), let json = try? JSONCoding.decode(JSONValue.self, from: data) else {
            report("the value cannot be written as JSON to be checked", at: key)
            return
        }
        self.schema(json, schema, at: key)
    }
}
