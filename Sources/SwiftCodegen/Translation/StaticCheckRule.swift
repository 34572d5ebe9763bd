import OpenAPIModel

extension TranslationContext {
    /// Whether a value of `schema` needs checking against the schema's description because its
    /// Swift type and the typed checks (``validationStatements(_:value:key:patterns:typeName:depth:)``)
    /// would miss something the schema states. Looks at the schema's own keywords: properties,
    /// items and referenced types are checked where they are declared.
    func needsStaticCheck(_ schema: Schema) -> Bool {
        // Asked of each schema by its struct's validator and again by every validator above it
        // (through ``hasConstraints(_:openEnums:)``); the answer depends on the schema alone.
        if let known = staticCheckMemo[schema.storageIdentity] { return known }
        let result = staticCheckRule(schema)
        staticCheckMemo.store(result, for: schema.storageIdentity, of: schema)
        return result
    }

    private func staticCheckRule(_ schema: Schema) -> Bool {
        if let flag = schema.booleanSchema { return !flag }
        let scopes = document.dynamicScopes
        if !scopes.isEmpty {
            // A `$dynamicRef` that depends on the path is checked where evaluation starts (a
            // check here would start a scope of its own and could pick the wrong anchor).
            if scopes.starts.contains(RefTarget(file: schema.location.file, pointer: schema.pointer)) { return true }
            if schema.dynamicReference != nil {
                var rest = schema
                rest.dynamicReference = nil
                return staticCheckRule(rest)
            }
        }
        if schema.not != nil || schema.propertyNames != nil || schema.ifSchema != nil || !schema.dependentRequired.isEmpty
            || !schema.dependentSchemas.isEmpty || schema.contains != nil || schema.unevaluatedItems != nil { return true }
        let shape = shapeOf(schema).shape
        if schema.enumValues != nil || schema.constValue != nil, !enumCovered(schema, shape) { return true }
        switch shape {
        case .reference:
            // Keywords beside a `$ref` apply too (3.1), and the referenced type knows nothing of them.
            // (A reference reached through `anyOf: [$ref, null]` or a one-part allOf has only the
            // keywords written beside those.)
            // (`isPureReference` is about resolving: it does not look at bounds such as `maxItems`.)
            var rest = schema
            rest.ref = nil
            if schema.ref == nil {
                rest.allOf = []
                rest.anyOf = []
                rest.oneOf = []
            }
            return !describesNothing(rest)
        case .stringEnum, .integerEnum:
            return false
        case .any:
            return !describesNothing(schema)
        case .primitiveUnion:
            var rest = schema
            rest.types = nil
            return !describesNothing(rest)
        case .string, .integer, .number, .boolean:
            // Constraints inside allOf/anyOf/oneOf beside the type have no Swift type to hold them.
            return !schema.allOf.isEmpty || composes(schema.anyOf) || composes(schema.oneOf)
        case .array:
            return !schema.prefixItems.isEmpty || !schema.allOf.isEmpty || composes(schema.anyOf) || composes(schema.oneOf)
        case .map:
            return !schema.patternProperties.isEmpty || !schema.required.isEmpty || closed(schema)
                || schema.unevaluatedProperties != nil || !schema.allOf.isEmpty || composes(schema.anyOf) || composes(schema.oneOf)
        case .object, .allOf:
            // `additionalProperties: false` alone is checked on the members the decoder kept
            // (no description needed); beside allOf it concerns only this schema's own names.
            if closed(schema) && !schema.allOf.isEmpty || schema.unevaluatedProperties != nil || !schema.patternProperties.isEmpty { return true }
            // A typed `additionalProperties` beside allOf applies to the branches' names too
            // (it sees only this schema's own `properties`), which the merged struct declares.
            if case .schema? = schema.additionalProperties, !schema.allOf.isEmpty { return true }
            if schema.required.contains(where: { schema.properties[$0] == nil }) && schema.allOf.isEmpty && schema.ref == nil { return true }
            // Without a `type`, a struct also holds non-objects, which other keywords constrain.
            if schema.types == nil && constrainsNonObjects(schema) && !statesType(schema) { return true }
            // allOf parts that are not objects (`allOf: [{maximum: 30}, {minimum: 20}]`) have no
            // struct to carry their constraints.
            return schema.allOf.contains { part in
                part.booleanSchema == false || part.ref == nil && part.properties.isEmpty && !describesNothing(part)
                    && part.additionalProperties == nil
            } || composes(schema.anyOf) || composes(schema.oneOf) || soleBranch(schema.anyOf) || soleBranch(schema.oneOf)
        case .union(let branches, let discriminator):
            // With a discriminator the tag picks the branch, and that branch is checked (as
            // OpenAPI tools such as Ajv's `discriminator` option do), not whether another
            // branch would match as well.
            let tagged = discriminator != nil
                || branches.allSatisfy { $0.ref != nil } && constDiscriminator(branches, at: schema.location) != nil
            return composes(schema.oneOf) && !tagged || schema.types != nil || !schema.allOf.isEmpty
                || branches.contains { $0.booleanSchema == false || needsStaticCheck($0) && shapeOf($0).shape.isAny }
        }
    }

    /// `enum`/`const` the Swift type already pins: a closed enum, or a `const` string.
    private func enumCovered(_ schema: Schema, _ shape: Shape) -> Bool {
        switch shape {
        case .stringEnum, .integerEnum: return schema.constValue == nil
        case .string: if case .string? = schema.constValue, schema.enumValues == nil { return true }
        default: break
        }
        return false
    }

    /// Keywords that say something of strings, numbers or arrays.
    private func constrainsNonObjects(_ s: Schema) -> Bool {
        s.minLength != nil || s.maxLength != nil || s.pattern != nil || s.minimum != nil || s.maximum != nil
            || s.multipleOf != nil || s.minItems != nil || s.maxItems != nil || s.uniqueItems || s.items != nil
            || !s.prefixItems.isEmpty
    }

    /// `anyOf: [X]` beside an object's own keywords: X applies too, and the struct (shaped by the
    /// object's keywords) knows nothing of it.
    private func soleBranch(_ branches: [Schema]) -> Bool {
        branches.count == 1 && !branches[0].isNullOnly && !describesNothing(branches[0])
    }

    private func closed(_ schema: Schema) -> Bool {
        if case .allowed(false)? = schema.additionalProperties { return true }
        return false
    }

    /// A `oneOf`/`anyOf` beyond "X or null": more than one real branch.
    private func composes(_ branches: [Schema]) -> Bool {
        branches.filter { !$0.isNullOnly }.count > 1
    }
}

extension Shape {
    var isAny: Bool {
        if case .any = self { return true }
        return false
    }
}
