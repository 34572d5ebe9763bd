import OpenAPIModel

/// What a schema becomes in Swift, decided once and shared by type translation and validation so
/// the two can never disagree.
indirect enum Shape {
    /// Free-form data: JSONValue.
    case any
    case reference(RefTarget)
    case string(format: String?)
    case integer(format: String?)
    case number(format: String?)
    case boolean
    case stringEnum([String])
    case integerEnum([Int64])
    case array(items: Schema?)
    /// A map with no fixed properties; nil values mean free-form.
    case map(values: Schema?)
    case object
    case allOf([Schema])
    case union([Schema], Schema.Discriminator?)
    /// `type: [string, integer]`: several primitive types without null.
    case primitiveUnion([Schema.JSONType])
}

/// A schema's shape with nullability pulled out: `anyOf: [X, {type: 'null'}]`, `type: [X, null]`
/// and 3.0 `nullable` all become X plus `nullable`.
struct ShapedSchema {
    var shape: Shape
    var nullable: Bool
    /// The schema that carries the type and its constraints: the non-null branch when the
    /// nullability came from an anyOf/oneOf.
    var effective: Schema
    /// Constraints written on the outer schema when it differs from `effective`.
    var outer: Schema?
}

enum SchemaShaper {
    static func shape(_ schema: Schema) -> ShapedSchema {
        // anyOf/oneOf with null branches: strip them; one branch left means "X or null".
        for branches in [schema.anyOf, schema.oneOf] where branches.contains(where: \.isNullOnly) {
            let rest = branches.filter { !$0.isNullOnly }
            if rest.count == 1, schema.properties.isEmpty, schema.types == nil || schema.types == [.null] {
                var inner = shape(rest[0])
                inner.nullable = true
                inner.outer = schema
                return inner
            }
        }
        var nullable = schema.allowsNull
        if let e = schema.enumValues, e.contains(.null) { nullable = true }
        return ShapedSchema(shape: bareShape(schema), nullable: nullable, effective: schema, outer: nil)
    }

    private static func bareShape(_ schema: Schema) -> Shape {
        if schema.booleanSchema != nil { return .any }
        if let ref = schema.ref, schema.isPureReference { return .reference(ref) }
        let types = schema.nonNullTypes

        if let values = schema.enumValues?.filter({ $0 != .null }), !values.isEmpty {
            let strings = values.compactMap(\.stringValue)
            if strings.count == values.count, types == nil || types == [.string] { return .stringEnum(uniqueByCodePoints(strings)) }
            let ints = values.compactMap { v -> Int64? in if case .integer(let t) = v { return Int64(t) }; return nil }
            if ints.count == values.count, types == nil || types == [.integer] || types == [.number] {
                return .integerEnum(unique(ints))
            }
        }
        if let c = schema.constValue, case .string = c, types == nil || types == [.string] {
            return .string(format: stringFormat(schema))
        }
        // `const` without `type` still says the type.
        if types == nil, let c = schema.constValue {
            switch c {
            case .integer: return .integer(format: schema.format)
            case .number: return .number(format: schema.format)
            case .bool: return .boolean
            default: break
            }
        }

        let nonNullAllOf = schema.allOf.filter { !$0.isNullOnly && !isAnnotationOnly($0) }
        if !nonNullAllOf.isEmpty {
            if nonNullAllOf.count == 1, schema.properties.isEmpty, schema.ref == nil {
                return shape(nonNullAllOf[0]).shape
            }
            // Parts that are not objects (`allOf: [{maximum: 30}, {minimum: 20}]`) make no
            // struct: the value keeps the type written beside them, or is JSONValue, and the
            // validator checks the parts against the schema's description.
            if schema.properties.isEmpty, schema.ref == nil, nonNullAllOf.allSatisfy(isNotObjectPart) {
                if types == nil || types == [] { return .any }
            } else {
                return .allOf(nonNullAllOf)
            }
        }
        for branches in [schema.oneOf, schema.anyOf] where !branches.isEmpty {
            let rest = branches.filter { !$0.isNullOnly }
            if rest.count == 1 { return shape(rest[0]).shape }
            if rest.count > 1, schema.properties.isEmpty { return .union(rest, schema.discriminator) }
        }
        if let ref = schema.ref { return .reference(ref) }

        // `type: 'null'` alone: the value is null or absent, held as JSONValue so that anything
        // else is reported rather than read as an empty object.
        if let types, types.isEmpty { return .any }
        if let types, types.count > 1 {
            return .primitiveUnion(types)
        }
        switch types?.first {
        case .string?: return .string(format: stringFormat(schema))
        case .integer?: return .integer(format: schema.format)
        case .number?: return .number(format: schema.format)
        case .boolean?: return .boolean
        case .array?: return .array(items: arrayItems(schema))
        case .null?: return .any
        case .object?, nil:
            if !schema.properties.isEmpty { return .object }
            let extra = schema.additionalProperties ?? schema.unevaluatedProperties
            if types == nil {
                // Without a `type`, non-arrays and non-objects are valid too. A Swift array or
                // dictionary of JSONValue would add nothing over JSONValue itself but refuse them,
                // so those (a mixed `prefixItems`, only `unevaluatedProperties` or several
                // patterns) are JSONValue, checked against the schema's description.
                if schema.items != nil || !schema.prefixItems.isEmpty {
                    let items = arrayItems(schema)
                    return items == nil && schema.items == nil ? .any : .array(items: items)
                }
                if extra == nil && schema.patternProperties.isEmpty { return .any }
                if schema.additionalProperties == nil && schema.patternProperties.count != 1 { return .any }
            }
            switch extra {
            case .schema(let s)?: return .map(values: s.value)
            default:
                if let first = schema.patternProperties.values.first, schema.patternProperties.count == 1 {
                    return .map(values: first)
                }
                return .map(values: nil)
            }
        }
    }

    /// An allOf branch that only documents (`{example: online}`, `{description: …}`, `{}`, as
    /// Box writes beside a `$ref`): it adds nothing to the type, so `allOf: [X, {example: …}]` is X.
    static func isAnnotationOnly(_ s: Schema) -> Bool {
        s.ref == nil && s.types == nil && s.format == nil && s.properties.isEmpty && s.required.isEmpty
            && s.allOf.isEmpty && s.oneOf.isEmpty && s.anyOf.isEmpty && s.items == nil && s.prefixItems.isEmpty
            && s.enumValues == nil && s.constValue == nil && s.booleanSchema == nil && s.additionalProperties == nil
            && s.unevaluatedProperties == nil && s.patternProperties.isEmpty && s.propertyNames == nil && s.not == nil
            && s.minLength == nil && s.maxLength == nil && s.pattern == nil && s.minimum == nil && s.maximum == nil
            && s.multipleOf == nil && s.minItems == nil && s.maxItems == nil && !s.uniqueItems
            && s.minProperties == nil && s.maxProperties == nil && s.discriminator == nil && s.contentEncoding == nil
            && s.unmodelledKeywords.isEmpty && !s.nullable
    }

    /// 3.1 writes `format: byte` as `contentEncoding: base64`; both are `Data`, which the
    /// runtime's coders read and write as base64.
    static func stringFormat(_ schema: Schema) -> String? {
        schema.format ?? (schema.contentEncoding == "base64" ? "byte" : nil)
    }

    /// An array's element schema. A tuple (`prefixItems`) whose positions, and any items after
    /// them, all have one simple type is an array of that type; any other tuple is an array of
    /// JSONValue (``prefixItemsLoseTypes(_:)`` says when).
    static func arrayItems(_ schema: Schema) -> Schema? {
        guard let first = schema.prefixItems.first else { return schema.items?.value }
        return prefixItemsLoseTypes(schema) ? nil : first
    }

    static func prefixItemsLoseTypes(_ schema: Schema) -> Bool {
        guard let first = schema.prefixItems.first.map(simpleType) else { return false }
        // Without `items`, elements after the prefix may be anything.
        if schema.items == nil { return true }
        var rest = schema.prefixItems.dropFirst().map(simpleType)
        if let items = schema.items?.value, items.booleanSchema != false { rest.append(simpleType(items)) }
        return first == nil || rest.contains { $0 != first }
    }

    /// A key equal for schemas that translate to the same simple Swift type; nil for others.
    private static func simpleType(_ schema: Schema) -> String? {
        switch shape(schema).shape {
        case .string(let format): return "string " + (format ?? "")
        case .integer(let format): return "integer " + (format ?? "")
        case .number(let format): return "number " + (format ?? "")
        case .boolean: return "boolean"
        case .reference(let target): return "ref " + target.description
        default: return nil
        }
    }

    /// An allOf part that contributes no properties: constraints on the value itself.
    private static func isNotObjectPart(_ part: Schema) -> Bool {
        part.ref == nil && part.properties.isEmpty && part.additionalProperties == nil && part.patternProperties.isEmpty
            && part.types?.contains(.object) != true && part.allOf.allSatisfy(isNotObjectPart)
            && part.anyOf.isEmpty && part.oneOf.isEmpty
    }

    /// JSON Schema compares strings by code points, Swift's `==` by canonical equivalence: `é`
    /// and `e` + U+0301 are two values of an enum, not one.
    private static func uniqueByCodePoints(_ values: [String]) -> [String] {
        // Values equal in code points are canonically equivalent: with no duplicate under `==`
        // there is none to find by code points, and hashing strings is the cheaper of the two.
        let canonical = unique(values)
        if canonical.count == values.count { return canonical }
        var seen = Set<[UInt8]>()
        return values.filter { seen.insert(Array($0.utf8)).inserted }
    }

    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
