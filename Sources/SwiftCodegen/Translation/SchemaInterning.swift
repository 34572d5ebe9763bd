import OpenAPIModel

/// Gives structurally identical schemas the same number, so that operations repeating one
/// inline schema word for word share one generated type. Stripe writes the same trees again in
/// operation after operation (`payment_method_options` in creating, updating and confirming a
/// payment intent, thousands of lines each); a type for every copy made a quarter of its
/// generated Swift, and of its compile time.
///
/// Numbers are exact, not hashes: a schema's key is its own keywords (places left out) and the
/// numbers of the schemas inside it, so two schemas get one number only when they are equal
/// all the way down.
struct SchemaInterner {
    private var numbers: [String: Int] = [:]
    /// By storage identity; for the whole run, as numbers are.
    private var memo = SchemaMemo<ObjectIdentifier, Int?>(limit: nil)
    /// ``numberIgnoringDocumentation(_:)`` by the storage identity of the schema as written.
    private var undocumentedMemo = SchemaMemo<ObjectIdentifier, Int?>(limit: nil)

    /// The number of `schema` with its own `title` and `description` left out (they only
    /// document a type, and copies that word them differently may share it). Kept by the
    /// schema as written: the copy without them is new storage each time it is made, so
    /// without this its key was built again for every use.
    mutating func numberIgnoringDocumentation(_ schema: Schema) -> Int? {
        if let known = undocumentedMemo[schema.storageIdentity] { return known }
        var undocumented = schema
        // Cleared only when present: setting a keyword copies the schema's storage.
        if undocumented.title != nil { undocumented.title = nil }
        if undocumented.description != nil { undocumented.description = nil }
        let result = number(undocumented)
        undocumentedMemo.store(result, for: schema.storageIdentity, of: schema)
        return result
    }

    /// nil for a schema whose copies must each be translated: one with keywords the generator
    /// warns about, since every copy's place deserves the warning.
    mutating func number(_ schema: Schema) -> Int? {
        if let known = memo[schema.storageIdentity] { return known }
        let number = key(schema).map { key in
            if let n = numbers[key] { return n }
            numbers[key] = numbers.count
            return numbers.count - 1
        }
        memo.store(number, for: schema.storageIdentity, of: schema)
        return number
    }

    private mutating func key(_ s: Schema) -> String? {
        guard s.unmodelledKeywords.isEmpty else { return nil }
        var k = ""
        func value(_ text: String) {
            k += String(text.utf8.count)
            k += ":"
            k += text
            k += ";"
        }
        func field(_ name: String, _ text: String?) {
            guard let text else { return }
            k += name
            k += "="
            value(text)
        }
        func child(_ name: String, _ schema: Schema?) -> Bool {
            guard let schema else { return true }
            guard let n = number(schema) else { return false }
            field(name, String(n))
            return true
        }
        // The same text as `child("\(name)[\(i)]", schema)` and
        // `child("\(name)[\(Self.text(.string(key)))]", schema)`, appended piece by piece: a
        // large object's key is mostly these, and each interpolated name was a temporary.
        func children(_ name: String, _ schemas: [Schema]) -> Bool {
            for (i, schema) in schemas.enumerated() {
                guard let n = number(schema) else { return false }
                k += name
                k += "["
                k += String(i)
                k += "]="
                value(String(n))
            }
            return true
        }
        func map(_ name: String, _ schemas: OrderedMap<Schema>) -> Bool {
            for (key, schema) in schemas.elements {
                guard let n = number(schema) else { return false }
                k += name
                k += "[s"
                k += String(key.utf8.count)
                k += ":"
                k += key
                k += "]="
                value(String(n))
            }
            return true
        }
        func additional(_ name: String, _ value: Schema.AdditionalProperties?) -> Bool {
            switch value {
            case nil: return true
            case .allowed(let allowed)?: field(name, allowed ? "true" : "false"); return true
            case .schema(let schema)?: return child(name, schema.value)
            }
        }
        func bound(_ b: Schema.Bound?) -> String? { b.map { ($0.exclusive ? "<" : "<=") + $0.value.text } }

        field("nullable", s.nullable ? "1" : nil)
        field("deprecated", s.deprecated ? "1" : nil)
        field("readOnly", s.readOnly ? "1" : nil)
        field("writeOnly", s.writeOnly ? "1" : nil)
        field("ref", s.ref.map { "\($0.file.rawValue)\($0.pointer.fragment)" })
        field("types", s.types.map { $0.map(\.rawValue).joined(separator: ",") })
        field("format", s.format)
        field("title", s.title)
        field("description", s.description)
        field("enum", s.enumValues.map { Self.text(.array($0)) })
        field("examples", s.examples.isEmpty ? nil : Self.text(.array(s.examples)))
        field("maxLength", s.maxLength.map(String.init))
        field("required", s.required.isEmpty ? nil : Self.text(.array(s.required.map(Value.string))))
        field("extensions", s.extensions.isEmpty ? nil
              : Self.text(.object(s.extensions.elements.map { Value.ObjectEntry(key: $0.key, value: $0.value) })))
        field("boolean", s.booleanSchema.map { $0 ? "true" : "false" })
        field("const", s.constValue.map(Self.text))
        field("default", s.defaultValue.map(Self.text))
        field("minProperties", s.minProperties.map(String.init))
        field("maxProperties", s.maxProperties.map(String.init))
        field("minItems", s.minItems.map(String.init))
        field("maxItems", s.maxItems.map(String.init))
        field("uniqueItems", s.uniqueItems ? "1" : nil)
        field("minLength", s.minLength.map(String.init))
        field("pattern", s.pattern)
        field("contentEncoding", s.contentEncoding)
        field("contentMediaType", s.contentMediaType)
        field("minimum", bound(s.minimum))
        field("maximum", bound(s.maximum))
        field("multipleOf", s.multipleOf?.text)
        field("minContains", s.minContains.map(String.init))
        field("maxContains", s.maxContains.map(String.init))
        field("dynamicRef", s.dynamicReference.map { "\($0.target.file.rawValue)\($0.target.pointer.fragment)#\($0.anchor)" })
        field("dependentRequired", s.dependentRequired.isEmpty ? nil
              : Self.text(.object(s.dependentRequired.elements.map { Value.ObjectEntry(key: $0.key, value: .array($0.value.map(Value.string))) })))
        if let d = s.discriminator {
            field("discriminator", d.propertyName)
            field("mapping", Self.text(.object(d.mapping.elements.map { Value.ObjectEntry(key: $0.key, value: .string($0.value)) })))
            field("mappingTargets", Self.text(.object(d.mappingTargets.elements.map {
                Value.ObjectEntry(key: $0.key, value: .string("\($0.value.file.rawValue)\($0.value.pointer.fragment)"))
            })))
        }
        guard map("properties", s.properties), additional("additionalProperties", s.additionalProperties),
              child("items", s.items?.value), children("allOf", s.allOf), children("oneOf", s.oneOf),
              children("anyOf", s.anyOf), map("patternProperties", s.patternProperties),
              child("propertyNames", s.propertyNames?.value), children("prefixItems", s.prefixItems),
              child("not", s.not?.value), map("defs", s.defs),
              additional("unevaluatedProperties", s.unevaluatedProperties),
              child("if", s.ifSchema?.value), child("then", s.thenSchema?.value), child("else", s.elseSchema?.value),
              map("dependentSchemas", s.dependentSchemas), child("contains", s.contains?.value),
              child("contentSchema", s.contentSchema?.value),
              additional("unevaluatedItems", s.unevaluatedItems)
        else { return nil }
        return k
    }

    /// An unambiguous text for a literal: each value tagged with its kind and its length.
    private static func text(_ value: Value) -> String {
        switch value {
        case .null: return "n"
        case .bool(let b): return b ? "t" : "f"
        case .integer(let t): return "i\(t.utf8.count):\(t)"
        case .number(let t): return "d\(t.utf8.count):\(t)"
        case .string(let t): return "s\(t.utf8.count):\(t)"
        case .array(let items): return "[" + items.map(text).joined(separator: ",") + "]"
        case .object(let entries):
            return "{" + entries.map { text(.string($0.key)) + ":" + text($0.value) }.joined(separator: ",") + "}"
        }
    }
}
