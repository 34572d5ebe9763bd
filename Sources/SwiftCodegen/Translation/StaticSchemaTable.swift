import OpenAPIModel

/// The schema descriptions validators check values against (see ``SchemaDescription``), each
/// written once in one generated namespace, `JSONSchemas` (Schemas.swift): `s1`, `s2`, … for the
/// values checked, `r1`, … for the `$ref` targets they reach.
struct StaticSchemaTable {
    /// The namespace's name, claimed when the first description is needed.
    var namespace: String?
    /// Descriptions of checked values, by their text, so that one text is written once.
    var checked: [String: String] = [:]
    var entries: [(name: String, json: String)] = []
    /// ICU translations of the ECMA-262 patterns the descriptions hold, where they differ.
    var icuPatterns: [String: String] = [:]
    /// Reference targets by the name their descriptions use, and the property holding each.
    var referenced: [String: String] = [:]
    var pending: [RefTarget] = []
}

extension TranslationContext {
    /// The expression naming the description of `schema`, written into the namespace.
    func staticSchema(_ schema: Schema, shallow: Bool = false) -> String {
        var description = SchemaDescription(scopes: document.dynamicScopes)
        let here = RefTarget(file: schema.location.file, pointer: schema.pointer)
        // Where evaluation of a path-dependent `$dynamicRef` starts, the whole value is checked
        // here: its properties' typed checks keep no dynamic scope.
        let shallow = shallow && !document.dynamicScopes.starts.contains(here)
        let text = description.json(schema, shallow: shallow, entering: document.dynamicScopes.resource(containing: here))
        enqueue(description.references)
        translatePatterns(description.patterns)
        let namespace = staticSchemaNamespace()
        if let name = staticSchemas.checked[text] { return namespace + "." + name }
        let name = "s\(staticSchemas.checked.count + 1)"
        staticSchemas.checked[text] = name
        staticSchemas.entries.append((name, text))
        return namespace + "." + name
    }

    /// Whether `schema` says nothing a checker would act on (`{}`, `true`, only annotations).
    func describesNothing(_ schema: Schema) -> Bool {
        var description = SchemaDescription()
        let text = description.json(schema)
        return text == "{}" || text == "true"
    }

    private func staticSchemaNamespace() -> String {
        if let name = staticSchemas.namespace { return name }
        let name = topLevelNames.claim("JSONSchemas")
        staticSchemas.namespace = name
        return name
    }

    /// Patterns are ECMA-262 and the runtime runs ICU: each is translated (and reported where it
    /// cannot be) as for typed validators, and the translation travels with the description.
    private func translatePatterns(_ patterns: [(source: String, schema: Schema)]) {
        for (source, schema) in patterns where staticSchemas.icuPatterns[source] == nil {
            guard checkPattern(source, in: schema), let icu = ECMAPattern.translate(source).icu else { continue }
            staticSchemas.icuPatterns[source] = icu
        }
    }

    private func enqueue(_ targets: [RefTarget]) {
        for target in targets where staticSchemas.referenced[SchemaDescription.refName(target)] == nil {
            staticSchemas.referenced[SchemaDescription.refName(target)] = "r\(staticSchemas.referenced.count + 1)"
            staticSchemas.pending.append(target)
        }
    }

    /// The namespace with every description, or nil when no validator needs one. Reference
    /// targets are described here, after every validator, each once, however many refer to it.
    func staticSchemasDecl() -> TypeDecl? {
        guard let namespace = staticSchemas.namespace else { return nil }
        var lookups: [(key: String, name: String)] = []
        var references: [(name: String, json: String)] = []
        var index = 0
        while index < staticSchemas.pending.count {
            let target = staticSchemas.pending[index]
            index += 1
            let key = SchemaDescription.refName(target)
            var description = SchemaDescription(scopes: document.dynamicScopes)
            // A target that cannot be resolved was reported by the loader; it allows anything.
            let (described, at) = describedSchema(for: target)
            let text = described.map { description.json($0, entering: document.dynamicScopes.resource(containing: at)) } ?? "true"
            enqueue(description.references)
            translatePatterns(description.patterns)
            let name = staticSchemas.referenced[key]!
            references.append((name, text))
            lookups.append((key, name))
        }
        var decl = TypeDecl(.enum, namespace, doc: [
            "JSON Schemas, as the spec writes them, of values their Swift types cannot check on their own;",
            "`Validator.schema(_:_:at:)` checks a value against one.",
        ])
        for entry in staticSchemas.entries + references {
            var property = PropertyDecl(entry.name, type: nil)
            property.isStatic = true
            property.isLet = true
            let refs = entry.json.contains("\"$ref\":") || entry.json.contains("\"$dynamicAnchors\":") ? ", refs: { \(namespace).reference($0) }" : ""
            property.initializer = "StaticSchema(\(Self.rawLiteral(entry.json))\(icuArgument(entry.json))\(refs))"
            decl.members.append(.property(property))
        }
        var body = ["switch name {"]
        body += lookups.map { "case \(SwiftNames.stringLiteral($0.key)): \($0.name)" }
        body += ["default: nil", "}"]
        var lookup = FunctionDecl("reference", parameters: [.init(label: "_", name: "name", type: "String")], returnType: "StaticSchema?", body: body)
        lookup.modifiers = ["static"]
        decl.members.append(.function(lookup))
        return decl
    }

    /// The schema a reference target's description is written from, and its place: chains of
    /// pure references are followed (each hop would say nothing more), but not past a hop inside
    /// a resource declaring an anchor a `$dynamicRef` looks for, whose entry the runtime's
    /// dynamic scope needs.
    private func describedSchema(for target: RefTarget) -> (Schema?, RefTarget) {
        let scopes = document.dynamicScopes
        guard !scopes.isEmpty else { return (schema(for: target), target) }
        func anchoring(_ t: RefTarget) -> Bool {
            scopes.resource(containing: t).flatMap { scopes.resources[$0] }.map { !$0.isEmpty } ?? false
        }
        var current = target
        var hops = 0
        while !anchoring(current), let schema = document.referencedSchemas[current], schema.isPureReference,
              let next = schema.ref, hops < 64 {
            current = next
            hops += 1
        }
        return (document.referencedSchemas[current], current)
    }

    /// `, icu: [...]` with the translations of the patterns `json` holds whose ICU text differs.
    private func icuArgument(_ json: String) -> String {
        let pairs = staticSchemas.icuPatterns.filter { $0.key != $0.value && json.contains(SchemaDescription.string($0.key)) }
            .sorted { $0.key < $1.key }
        guard !pairs.isEmpty else { return "" }
        return ", icu: [" + pairs.map { "\(SwiftNames.stringLiteral($0.key)): \(SwiftNames.stringLiteral($0.value))" }.joined(separator: ", ") + "]"
    }

    /// A raw string literal, with as many `#` as the text needs; descriptions are one line.
    private static func rawLiteral(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"" + text + "\"" + hashes
    }
}
