import Foundation

extension Validator {
    /// Checks `value` against a schema the generator wrote out (see ``StaticSchema``), reporting
    /// each violation at its path below `key`; nil (an absent member) has nothing to check, while
    /// a present JSON `null` is `.null` and is checked.
    public mutating func schema(_ value: JSONValue?, _ schema: StaticSchema, at key: String) {
        guard let value else { return }
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
    ///
    /// The parameter is `T?`, not `some Encodable`: an `Optional` is itself `Encodable` (as
    /// `null`), so an absent member passed to `some Encodable` would be checked as a `null` the
    /// JSON never held. Here nil has nothing to check and a present value is encoded unwrapped.
    public mutating func schema<T: Encodable>(_ value: T?, _ schema: StaticSchema, at key: String) {
        guard let value else { return }
        guard let data = try? JSONCoding.encode(value), let json = try? JSONCoding.decode(JSONValue.self, from: data) else {
            report("the value cannot be written as JSON to be checked", at: key)
            return
        }
        self.schema(json, schema, at: key)
    }
}
