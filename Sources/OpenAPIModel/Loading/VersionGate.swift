import YAMLTree

/// Decides from the top level whether a file is an OpenAPI document this tool reads.
enum VersionGate {
    struct Accepted {
        var mapping: MappingRef
        var versionText: String
        var version: Document.Version
    }

    static func check(_ root: NodeRef, diagnostics: inout DiagnosticCollector) -> Accepted? {
        guard case .mapping(let mapping) = root.content else {
            diagnostics.error(
                "not an OpenAPI document: the top level must be a mapping with `openapi`, `info` and `paths`, found \(root.kindDescription)",
                at: root.location)
            return nil
        }
        guard let entry = mapping.entry("openapi") else {
            if let swagger = mapping.entry("swagger") {
                let written = swagger.value.scalar?.text ?? "2.0"
                diagnostics.error(
                    "this is a Swagger \(written) document (`swagger: \"\(written)\"`); openapi-gen reads OpenAPI 3.0, 3.1 and 3.2. Convert it first, for example with `npx swagger2openapi` or the Swagger Editor's \"Convert to OpenAPI 3\"",
                    at: swagger.keyLocation, pointer: "#/swagger")
                return nil
            }
            diagnostics.error("not an OpenAPI document: the top level has no `openapi` key (\(describeKeys(mapping)))", at: root.location)
            return nil
        }
        guard let text = entry.value.scalar?.text, entry.value.scalar?.kind != .null else {
            diagnostics.error("`openapi` must be a version such as \"3.1.0\", found \(entry.value.kindDescription)",
                              at: entry.value.location, pointer: "#/openapi")
            return nil
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let major = parts.first.map(String.init)
        let minor = parts.count > 1 ? String(parts[1].prefix { $0.isNumber }) : nil
        switch (major, minor) {
        case ("3", "0"):
            return Accepted(mapping: mapping, versionText: text, version: .v3_0)
        case ("3", "1"):
            return Accepted(mapping: mapping, versionText: text, version: .v3_1)
        case ("3", "2"):
            return Accepted(mapping: mapping, versionText: text, version: .v3_2)
        case ("2", _):
            diagnostics.error(
                "`openapi: \(text)` names Swagger 2.0; openapi-gen reads OpenAPI 3.0, 3.1 and 3.2. Convert the document first, for example with `npx swagger2openapi`",
                at: entry.value.location, pointer: "#/openapi")
            return nil
        default:
            diagnostics.error("unsupported OpenAPI version \"\(text)\"; openapi-gen reads 3.0.x, 3.1.x and 3.2.x",
                              at: entry.value.location, pointer: "#/openapi")
            return nil
        }
    }

    /// "its keys are name, version, scripts, …" or "it is an empty mapping".
    private static func describeKeys(_ mapping: MappingRef) -> String {
        let keys = mapping.keys
        if keys.isEmpty { return "it is an empty mapping" }
        let shown = keys.prefix(6).map { "`\($0)`" }.joined(separator: ", ")
        return "its keys are \(shown)\(keys.count > 6 ? ", … (\(keys.count) in all)" : "")"
    }
}
