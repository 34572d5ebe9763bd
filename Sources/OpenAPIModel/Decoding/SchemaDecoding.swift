import YAMLTree

/// JSON Schema as OpenAPI 3.0 and 3.1 write it, with 3.0's spellings folded into 3.1's.
extension ModelDecoder {
    /// Decodes a schema in place. A `$ref` is kept as a reference: its target is queued and
    /// decoded once, later, by ``decodeReferencedSchemas(into:)``.
    func schema(_ cursor: Cursor) -> Schema {
        let cursor = cursor.materialized
        var schema = Schema(location: cursor.location, pointer: cursor.pointer)
        if isTooDeep(cursor) { return schema }
        expandedSchemaCount += 1
        switch cursor.node.content {
        case .scalar(let scalar) where scalar.kind == .bool:
            schema.booleanSchema = scalar.boolValue
        case .scalar(let scalar) where scalar.kind == .null:
            // `items:` with nothing after it: most likely a placeholder for "anything".
            warning("a schema written as null (nothing after the key) is read as `{}`, which allows any value", at: cursor)
        case .mapping(let mapping):
            guard spend(mapping.count, at: cursor.node) else { break }
            decodeSchemaKeywords(mapping, cursor, into: &schema)
        default:
            error("a schema must be a mapping (or true or false), found \(cursor.node.kindDescription)", at: cursor)
        }
        return schema
    }

    private func decodeSchemaKeywords(_ mapping: MappingRef, _ cursor: Cursor, into schema: inout Schema) {
        if let refEntry = refEntry(mapping) {
            let isOnlyReference = decodeSchemaReference(refEntry, in: mapping, cursor, into: &schema)
            if isOnlyReference { return }
        }
        var nullable = false
        var bounds = BoundKeywords()
        var extensions = OrderedMap<Value>()
        var unmodelled: [Schema.UnmodelledKeyword] = []
        var propertiesNode: NodeRef?
        for entry in mapping.entries {
            switch schemaKeywords.keyword(entry) {
            case .ref:
                continue
            case .type:
                schema.types = types(cursor.child(entry))
                schema.typeLocation = entry.value.location
            case .nullable:
                nullable = bool(cursor.child(entry), entry.key) ?? false
            case .format:
                schema.format = string(cursor.child(entry), entry.key)
            case .title:
                schema.title = string(cursor.child(entry), entry.key)
            case .description:
                schema.description = string(cursor.child(entry), entry.key)
            case .deprecated:
                schema.deprecated = bool(cursor.child(entry), entry.key) ?? false
            case .readOnly:
                schema.readOnly = bool(cursor.child(entry), entry.key) ?? false
            case .writeOnly:
                schema.writeOnly = bool(cursor.child(entry), entry.key) ?? false
            case .enum:
                if let (items, _) = sequence(cursor.child(entry), entry.key, expected: "a list of values", materialize: false) {
                    schema.enumValues = items.map(value)
                }
            case .const:
                schema.constValue = value(entry.value)
            case .default:
                schema.defaultValue = value(entry.value)
            case .example:
                schema.examples.append(value(entry.value))
            case .examples:
                schema.examples.append(contentsOf: schemaExamples(cursor.child(entry)))
            case .properties:
                schema.properties = schemaMap(cursor.child(entry), entry.key, of: "property names")
                propertiesNode = entry.value
            case .required:
                if let flag = entry.value.scalar, flag.kind == .bool, let value = flag.boolValue {
                    legacyRequiredFlag(value, at: cursor.child(entry))
                } else {
                    schema.required = stringList(cursor.child(entry), entry.key, expected: "a list of property names") ?? []
                }
            case .items:
                let items = cursor.child(entry)
                if entry.value.isSequence {
                    error("`items` must be a schema; for a list of schemas by position use `prefixItems` (OpenAPI 3.1)", at: items)
                } else {
                    schema.items = Indirect(self.schema(items))
                }
            case .prefixItems:
                schema.prefixItems = schemaList(cursor.child(entry), entry.key)
            case .additionalProperties:
                schema.additionalProperties = extraProperties(entry, cursor)
            case .unevaluatedProperties:
                schema.unevaluatedProperties = extraProperties(entry, cursor)
            case .patternProperties:
                schema.patternProperties = schemaMap(cursor.child(entry), entry.key, of: "regular expressions")
            case .propertyNames:
                schema.propertyNames = Indirect(self.schema(cursor.child(entry)))
            case .allOf:
                schema.allOf = schemaList(cursor.child(entry), entry.key)
            case .oneOf:
                schema.oneOf = schemaList(cursor.child(entry), entry.key)
            case .anyOf:
                schema.anyOf = schemaList(cursor.child(entry), entry.key)
            case .not:
                schema.not = Indirect(self.schema(cursor.child(entry)))
            case .discriminator:
                schema.discriminator = discriminator(cursor.child(entry))
            case .minLength:
                schema.minLength = count(cursor.child(entry), entry.key)
            case .maxLength:
                schema.maxLength = count(cursor.child(entry), entry.key)
            case .pattern:
                schema.pattern = string(cursor.child(entry), entry.key)
                schema.patternLocation = entry.value.location
            case .minItems:
                schema.minItems = count(cursor.child(entry), entry.key)
            case .maxItems:
                schema.maxItems = count(cursor.child(entry), entry.key)
            case .uniqueItems:
                schema.uniqueItems = bool(cursor.child(entry), entry.key) ?? false
            case .minProperties:
                schema.minProperties = count(cursor.child(entry), entry.key)
            case .maxProperties:
                schema.maxProperties = count(cursor.child(entry), entry.key)
            case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum:
                bounds.read(entry, cursor.child(entry), decoder: self)
            case .multipleOf:
                if let step = number(cursor.child(entry), entry.key) {
                    if step.value > 0 {
                        schema.multipleOf = step
                    } else {
                        error("`multipleOf` must be greater than 0, found \(step.text)", at: cursor.child(entry))
                    }
                }
            case .contentEncoding:
                schema.contentEncoding = string(cursor.child(entry), entry.key)
            case .contentMediaType:
                schema.contentMediaType = string(cursor.child(entry), entry.key)
            case .contentSchema:
                schema.contentSchema = Indirect(self.schema(cursor.child(entry)))
            case .defs, .definitions:
                var defs = schema.defs
                for (name, defined) in schemaMap(cursor.child(entry), entry.key, of: "names") {
                    defs[name] = defined
                }
                schema.defs = defs
            case .dynamicRef:
                // Followed as a `$ref` to the schema the dynamic scope it can be known to have
                // gives; said so where another schema declares the same anchor and could be meant
                // instead. When the scope depends on the way evaluation takes, it stays dynamic.
                if version >= .v3_1, schema.ref == nil, let name = entry.value.scalar?.text {
                    let resolution = dynamicSchemaReference(name, at: cursor)
                    if case .dependsOnPath(let anchor, let bookend, let start) = resolution {
                        let at = cursor.child(entry)
                        if let target = resolveReference(bookend, from: cursor.file, reportAt: entry.value.location, pointer: at.pointer) {
                            schema.dynamicReference = Schema.DynamicReference(anchor: anchor, target: RefTarget(file: target.key.file, pointer: target.pointer))
                            enqueueSchemaTarget(target)
                            recordPathDependentReference(anchor: anchor, start: start, in: cursor.file, reportAt: entry.value.location)
                            // Checked from the start only; said where evaluation can start below it.
                            if !evaluationCanStartBelow(start, reaching: cursor.pointer, in: cursor.file) { continue }
                            unmodelled.append(Schema.UnmodelledKeyword(name: entry.key, location: entry.keyLocation))
                        }
                        continue
                    }
                    if case .resolved(let text) = resolution {
                        _ = decodeSchemaReference(entry, in: mapping, cursor, into: &schema, resolvedText: text)
                    }
                    let anchor = name.firstIndex(of: "#").map { String(name[name.index(after: $0)...]) } ?? ""
                    if dynamicAnchorCount(anchor, in: cursor.file) < 2 { continue }
                }
                unmodelled.append(Schema.UnmodelledKeyword(name: entry.key, location: entry.keyLocation))
            case .if:
                schema.ifSchema = Indirect(self.schema(cursor.child(entry)))
            case .then:
                schema.thenSchema = Indirect(self.schema(cursor.child(entry)))
            case .else:
                schema.elseSchema = Indirect(self.schema(cursor.child(entry)))
            case .dependentRequired:
                schema.dependentRequired = stringListMap(cursor.child(entry), entry.key)
            case .dependentSchemas:
                schema.dependentSchemas = schemaMap(cursor.child(entry), entry.key, of: "property names")
            case .contains:
                schema.contains = Indirect(self.schema(cursor.child(entry)))
            case .minContains:
                schema.minContains = count(cursor.child(entry), entry.key)
            case .maxContains:
                schema.maxContains = count(cursor.child(entry), entry.key)
            case .unevaluatedItems:
                schema.unevaluatedItems = extraProperties(entry, cursor)
            case nil:
                if Self.isExtension(entry.key) { extensions.appendNew(entry.key, value(entry.value)) }
            }
        }
        if nullable, schema.types != nil, !schema.allowsNull {
            schema.types?.append(.null)
        }
        schema.nullable = nullable
        if let propertiesNode { addLegacyRequiredProperties(propertiesNode, to: &schema) }
        schema.extensions = extensions
        schema.unmodelledKeywords = unmodelled
        bounds.apply(to: &schema, decoder: self)
    }

    /// Reads `$ref` (or `$dynamicRef`, whose text the dynamic scope gave as `resolvedText`) in a
    /// schema. Returns true when nothing else in the mapping is to be read: OpenAPI 3.0 ignores
    /// keywords beside `$ref`; 3.1 keeps them.
    private func decodeSchemaReference(_ refEntry: EntryRef, in mapping: MappingRef, _ cursor: Cursor, into schema: inout Schema,
                                       resolvedText: String? = nil) -> Bool {
        let refCursor = cursor.child(refEntry)
        guard let scalar = refEntry.value.scalar, scalar.kind == .string else {
            mismatch(refCursor, refEntry.key, expected: "a string (a reference such as `#/components/schemas/Name`)")
            return false
        }
        let text = version < .v3_1 ? scalar.text : resolvedText ?? schemaReferenceText(scalar.text, at: cursor)
        var target = resolveReference(text, from: cursor.file, reportAt: refEntry.value.location, pointer: refCursor.pointer)
        if let found = target, let kind = Self.parameterLikeKind(found) {
            target = parameterSchemaTarget(found, kind: kind, text: text, at: refCursor)
        }
        if let target {
            schema.ref = RefTarget(file: target.key.file, pointer: target.pointer)
            enqueueSchemaTarget(target)
        }
        let siblings = mapping.entries.filter { $0.key != refEntry.key }
        if version == .v3_0 {
            if !siblings.isEmpty {
                warning("OpenAPI 3.0 ignores keywords beside `$ref` (\(Self.list(siblings.map { "`\($0.key)`" })) here); OpenAPI 3.1 keeps them",
                        at: refEntry.keyLocation, pointer: cursor.pointer)
            }
            if let target { recordReferenceEdge(from: cursor, to: target, at: refEntry.value.location, pointer: refCursor.pointer) }
            return true
        }
        if let target, siblings.allSatisfy({ Self.annotationKeywords.contains($0.key) || Self.isExtension($0.key) }) {
            recordReferenceEdge(from: cursor, to: target, at: refEntry.value.location, pointer: refCursor.pointer)
        }
        return false
    }

    /// Keywords that describe a schema without constraining it; a `$ref` with only these beside
    /// it is still nothing but a reference.
    static let annotationKeywords: Set<String> = [
        "title", "description", "summary", "deprecated", "readOnly", "writeOnly", "default", "example", "examples",
        "nullable", "externalDocs", "xml", "$comment", "$id", "$anchor", "$schema", "$dynamicAnchor",
    ]

    /// `additionalProperties` or `unevaluatedProperties`: a boolean or a schema.
    private func extraProperties(_ entry: EntryRef, _ cursor: Cursor) -> Schema.AdditionalProperties {
        if let allowed = entry.value.scalar?.boolValue { return .allowed(allowed) }
        return .schema(Indirect(schema(cursor.child(entry))))
    }

    /// `type` as a word or a list of words (3.1), `null` included.
    private func types(_ cursor: Cursor) -> [Schema.JSONType]? {
        switch cursor.node.content {
        case .sequence(let items):
            var result: [Schema.JSONType] = []
            for (i, item) in items.enumerated() {
                if let type = jsonType(cursor.element(i, item)), !result.contains(type) { result.append(type) }
            }
            if items.isEmpty { warning("`type` is an empty list, which allows no value; ignored", at: cursor) }
            return result.isEmpty ? nil : result
        default:
            return jsonType(cursor).map(Self.single)
        }
    }

    /// `JSONType(rawValue:)`, which compares the text with each name in turn, for the keyword
    /// nearly every schema has. No name has a character that another spelling could equal.
    private static func jsonType(named name: String) -> Schema.JSONType? {
        switch name.utf8.count {
        case 4: return name == "null" ? .null : nil
        case 5: return name == "array" ? .array : nil
        case 6: return name == "string" ? .string : name == "number" ? .number : name == "object" ? .object : nil
        case 7: return name == "integer" ? .integer : name == "boolean" ? .boolean : nil
        default: return nil
        }
    }

    /// One shared array per type: most schemas have a single type, and each would otherwise
    /// allocate its own one-element array.
    private static func single(_ type: Schema.JSONType) -> [Schema.JSONType] {
        switch type {
        case .string: return SingleType.string
        case .integer: return SingleType.integer
        case .number: return SingleType.number
        case .boolean: return SingleType.boolean
        case .array: return SingleType.array
        case .object: return SingleType.object
        case .null: return SingleType.null
        }
    }

    private func jsonType(_ cursor: Cursor) -> Schema.JSONType? {
        guard let scalar = cursor.node.scalar else {
            mismatch(cursor, "type", expected: "a type name or a list of type names")
            return nil
        }
        // `type: null` unquoted is YAML's null, which authors mean as the type's name.
        if scalar.kind == .null, scalar.text == "null" { return .null }
        if let type = Self.jsonType(named: scalar.text), scalar.kind == .string { return type }
        let valid = Schema.JSONType.allCases.map(\.rawValue)
        var message = "unknown type \"\(scalar.text)\"; valid types are \(valid.joined(separator: ", "))"
        if let suggestion = NameSuggestion.closest(to: scalar.text, among: valid) {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        error(message, at: cursor)
        return nil
    }

    /// A map of names to schemas (`properties`, `patternProperties`, `$defs`); the map itself
    /// may be a `$ref`, which is inlined. An inlined map is decoded once per target: otherwise
    /// maps that each inline another twice would cost exponential time.
    /// `dependentRequired`: property names to lists of property names.
    private func stringListMap(_ cursor: Cursor, _ key: String) -> OrderedMap<[String]> {
        var result = OrderedMap<[String]>()
        guard let (mapping, map) = mapping(cursor, key, expected: "a mapping of property names to lists of property names") else { return result }
        for entry in mapping.entries {
            result.appendNew(entry.key, stringList(map.child(entry), "\(key).\(entry.key)", expected: "a list of property names") ?? [])
        }
        return result
    }

    private func schemaMap(_ cursor: Cursor, _ key: String, of names: String) -> OrderedMap<Schema> {
        let decoded = decodeShared(cursor) { (target: Cursor) -> OrderedMap<Schema>? in
            guard let (mapping, map) = mapping(target, key, expected: "a mapping of \(names) to schemas") else { return nil }
            var result = OrderedMap<Schema>()
            result.reserveCapacity(mapping.count)
            for entry in mapping.entries {
                result.appendNew(entry.key, schema(map.child(entry)))
            }
            return result
        }
        return decoded ?? OrderedMap()
    }

    /// A list of schemas (`allOf`, `oneOf`, `anyOf`, `prefixItems`), inlined and shared like
    /// ``schemaMap(_:_:of:)``.
    private func schemaList(_ cursor: Cursor, _ key: String) -> [Schema] {
        let decoded = decodeShared(cursor) { (target: Cursor) -> [Schema]? in
            guard let (items, list) = sequence(target, key, expected: "a list of schemas") else { return nil }
            var result: [Schema] = []
            result.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                result.append(schema(list.element(i, item)))
            }
            return result
        }
        return decoded ?? []
    }

    /// 3.1's `examples` is a list of values. A mapping (the media-type form, a common slip) is
    /// read for its values with a warning.
    private func schemaExamples(_ cursor: Cursor) -> [Value] {
        switch cursor.node.content {
        case .sequence(let items):
            return items.map(value)
        case .mapping(let mapping):
            warning("a schema's `examples` is a list of values; found a mapping, whose values are used", at: cursor)
            return mapping.entries.map { value($0.value) }
        case .scalar:
            mismatch(cursor, "examples", expected: "a list of values")
            return []
        }
    }
}

private enum SingleType {
    static let string: [Schema.JSONType] = [.string]
    static let integer: [Schema.JSONType] = [.integer]
    static let number: [Schema.JSONType] = [.number]
    static let boolean: [Schema.JSONType] = [.boolean]
    static let array: [Schema.JSONType] = [.array]
    static let object: [Schema.JSONType] = [.object]
    static let null: [Schema.JSONType] = [.null]
}
