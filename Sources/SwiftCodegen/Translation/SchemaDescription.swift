import OpenAPIModel

/// A schema written out as 2020-12 JSON for the runtime's `StaticSchema`, the compact static
/// description a value without a faithful Swift type is checked against.
///
/// Only what the checker evaluates is written (annotations such as `title`, `format` and
/// `default` are left out); 3.0's spellings arrive folded into 3.1's (`nullable` as a `null`
/// type, boolean exclusive bounds as flags), so both dialects come out the same. A `$ref`
/// becomes the name of its target's own description (``SchemaDescription/refName(_:)``), which
/// the caller writes once: shared and recursive schemas stay finite.
struct SchemaDescription {
    /// The resources and anchors `$dynamicRef`s that depend on the path need; empty for almost
    /// every document, whose descriptions then say nothing of them.
    var scopes = DynamicScopes()
    /// Targets the description refers to, in the order met.
    private(set) var references: [RefTarget] = []
    /// Every `pattern` and `patternProperties` key written, with the schema that states it: the
    /// text stays ECMA-262 as the spec wrote it, and the caller supplies its ICU translation.
    private(set) var patterns: [(source: String, schema: Schema)] = []

    /// The name a description uses for `target`: its file and pointer, unique and stable.
    static func refName(_ target: RefTarget) -> String {
        (target.file.rawValue == 0 ? "" : "\(target.file.rawValue)") + "#" + target.pointer.fragment.dropFirst()
    }

    /// `schema` as JSON text. `shallow` writes the schemas of `properties` (its own and its
    /// allOf parts') as `true`: for a struct, whose properties its typed checks cover, the
    /// names are what `additionalProperties: false` and `unevaluatedProperties` need.
    ///
    /// `resource`: the schema resource evaluation enters with this description, for one that
    /// starts a description (a value checked, a reference target); nested schemas enter the
    /// resource they start, if any.
    mutating func json(_ schema: Schema, shallow: Bool = false, entering resource: RefTarget? = nil) -> String {
        if let flag = schema.booleanSchema { return flag ? "true" : "false" }
        var members: [(String, String)] = []
        if !scopes.isEmpty {
            let here = RefTarget(file: schema.location.file, pointer: schema.pointer)
            // The runtime keeps the dynamic scope: each resource's anchors are in it while
            // evaluation is inside one of its schemas.
            if let anchors = scopes.resources[resource ?? here], !anchors.isEmpty {
                references += anchors.values
                members.append(("$dynamicAnchors", "{" + anchors.map { Self.string($0.key) + ":" + Self.string(Self.refName($0.value)) }
                    .joined(separator: ",") + "}"))
            }
        }
        if let ref = schema.ref {
            references.append(ref)
            members.append(("$ref", Self.string(Self.refName(ref))))
        }
        if let dynamic = schema.dynamicReference {
            references.append(dynamic.target)
            members.append(("$dynamicRef", "{\"anchor\":" + Self.string(dynamic.anchor) + ",\"$ref\":" + Self.string(Self.refName(dynamic.target)) + "}"))
        }
        if let types = schema.types {
            let names = types.map { Self.string($0.rawValue) }
            members.append(("type", names.count == 1 ? names[0] : "[" + names.joined(separator: ",") + "]"))
        }
        if let values = schema.enumValues { members.append(("enum", "[" + values.map(Self.value).joined(separator: ",") + "]")) }
        if let constant = schema.constValue { members.append(("const", Self.value(constant))) }
        if let n = schema.minLength { members.append(("minLength", String(n))) }
        if let n = schema.maxLength { members.append(("maxLength", String(n))) }
        if let pattern = schema.pattern {
            patterns.append((pattern, schema))
            members.append(("pattern", Self.string(pattern)))
        }
        if let b = schema.minimum { members.append((b.exclusive ? "exclusiveMinimum" : "minimum", b.value.text)) }
        if let b = schema.maximum { members.append((b.exclusive ? "exclusiveMaximum" : "maximum", b.value.text)) }
        if let step = schema.multipleOf { members.append(("multipleOf", step.text)) }
        if !schema.prefixItems.isEmpty { members.append(("prefixItems", list(schema.prefixItems))) }
        if let items = schema.items { members.append(("items", json(items.value))) }
        if let n = schema.minItems { members.append(("minItems", String(n))) }
        if let n = schema.maxItems { members.append(("maxItems", String(n))) }
        if schema.uniqueItems { members.append(("uniqueItems", "true")) }
        if let contains = schema.contains { members.append(("contains", json(contains.value))) }
        if let n = schema.minContains { members.append(("minContains", String(n))) }
        if let n = schema.maxContains { members.append(("maxContains", String(n))) }
        if !schema.properties.isEmpty {
            members.append(("properties", shallow
                ? "{" + schema.properties.keys.map { Self.string($0) + ":true" }.joined(separator: ",") + "}"
                : map(schema.properties)))
        }
        if !schema.required.isEmpty { members.append(("required", "[" + schema.required.map(Self.string).joined(separator: ",") + "]")) }
        if !schema.patternProperties.isEmpty {
            patterns += schema.patternProperties.keys.map { ($0, schema) }
            members.append(("patternProperties", map(schema.patternProperties)))
        }
        if let extra = schema.additionalProperties { members.append(("additionalProperties", additional(extra))) }
        if let names = schema.propertyNames { members.append(("propertyNames", json(names.value))) }
        if let n = schema.minProperties { members.append(("minProperties", String(n))) }
        if let n = schema.maxProperties { members.append(("maxProperties", String(n))) }
        if !schema.dependentRequired.isEmpty {
            members.append(("dependentRequired", "{" + schema.dependentRequired.map {
                Self.string($0.key) + ":[" + $0.value.map(Self.string).joined(separator: ",") + "]"
            }.joined(separator: ",") + "}"))
        }
        if !schema.dependentSchemas.isEmpty { members.append(("dependentSchemas", map(schema.dependentSchemas))) }
        if !schema.allOf.isEmpty { members.append(("allOf", "[" + schema.allOf.map { json($0, shallow: shallow) }.joined(separator: ",") + "]")) }
        if !schema.anyOf.isEmpty { members.append(("anyOf", list(schema.anyOf))) }
        if !schema.oneOf.isEmpty { members.append(("oneOf", list(schema.oneOf))) }
        if let not = schema.not { members.append(("not", json(not.value))) }
        if let condition = schema.ifSchema { members.append(("if", json(condition.value))) }
        if let then = schema.thenSchema { members.append(("then", json(then.value))) }
        if let otherwise = schema.elseSchema { members.append(("else", json(otherwise.value))) }
        if let rest = schema.unevaluatedItems { members.append(("unevaluatedItems", additional(rest))) }
        if let extra = schema.unevaluatedProperties { members.append(("unevaluatedProperties", additional(extra))) }
        return "{" + members.map { Self.string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private mutating func list(_ schemas: [Schema]) -> String {
        "[" + schemas.map { json($0) }.joined(separator: ",") + "]"
    }

    private mutating func map(_ schemas: OrderedMap<Schema>) -> String {
        "{" + schemas.map { Self.string($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
    }

    private mutating func additional(_ extra: Schema.AdditionalProperties) -> String {
        switch extra {
        case .allowed(let flag): return flag ? "true" : "false"
        case .schema(let schema): return json(schema.value)
        }
    }

    /// A literal from the document, numbers with their text as written.
    static func value(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let text), .number(let text): return text
        case .string(let s): return string(s)
        case .array(let values): return "[" + values.map(Self.value).joined(separator: ",") + "]"
        case .object(let entries): return "{" + entries.map { string($0.key) + ":" + Self.value($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as is.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
