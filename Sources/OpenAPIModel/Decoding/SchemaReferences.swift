import YAMLTree

/// Schemas reached through `$ref`: queued when first reached, decoded once each from a
/// worklist, then checked for cycles made of nothing but references.
extension ModelDecoder {
    func enqueueSchemaTarget(_ target: ResolvedTarget) {
        if schemaTargetKeys.insert(target.key).inserted {
            schemaTargets.append(target)
        }
    }

    /// Records that the schema at `cursor` is only a reference, when it may itself be a target.
    func recordReferenceEdge(from cursor: Cursor, to target: ResolvedTarget, at location: SourceLocation, pointer: JSONPointer) {
        guard cursor.isSchemaTargetRoot else { return }
        referenceEdges[TargetKey(file: cursor.file, pointer: PointerText.text(of: cursor.pointer))] =
            ReferenceEdge(target: target.key, location: location, pointer: pointer)
    }

    /// Decodes a schema that a `$ref` may reach (a component, a worklist target) and remembers
    /// it under its place so that it is decoded only once.
    func targetSchema(_ cursor: Cursor) -> Schema {
        targetSchema(cursor, key: TargetKey(file: cursor.file, pointer: PointerText.text(of: cursor.pointer)))
    }

    /// ``targetSchema(_:)`` where the target's key is known.
    func targetSchema(_ cursor: Cursor, key: TargetKey) -> Schema {
        if let decoded = decodedSchemas[key] { return decoded.value }
        var root = cursor
        root.isSchemaTargetRoot = true
        let decoded = schema(root)
        decodedSchemas[key] = Indirect(decoded)
        return decoded
    }

    /// Drains the worklist; decoding a target may queue more, which this loop then reaches.
    func decodeReferencedSchemas(into document: inout Document) {
        var index = 0
        while index < schemaTargets.count {
            let target = schemaTargets[index]
            index += 1
            // Components are decoded already; looking first spares copying them out.
            if decodedSchemas[target.key] == nil {
                _ = targetSchema(Cursor(node: target.node, pointer: target.pointer), key: target.key)
            }
        }
        document.referencedSchemas.reserveCapacity(schemaTargets.count)
        document.referencedSchemaOrder.reserveCapacity(schemaTargets.count)
        for target in schemaTargets {
            guard let decoded = decodedSchemas[target.key] else { continue }
            let refTarget = RefTarget(file: target.key.file, pointer: target.pointer)
            document.referencedSchemas[refTarget] = decoded.value
            document.referencedSchemaOrder.append(refTarget)
        }
        document.dynamicScopes = dynamicScopes
        reportReferenceCycles()
    }

    /// A schema that is only a reference to a schema that is only a reference back describes
    /// nothing. Each such cycle is reported once, at the `$ref` that closes it when the cycle is
    /// read from its first member in the source.
    private func reportReferenceCycles() {
        var state: [TargetKey: Bool] = [:]  // false: on the current walk; true: finished
        for start in schemaTargets.map(\.key) + referenceEdges.keys.sorted(by: Self.sourceOrder) {
            guard state[start] == nil else { continue }
            var walk: [TargetKey] = []
            var current = start
            while state[current] == nil, let edge = referenceEdges[current] {
                state[current] = false
                walk.append(current)
                current = edge.target
            }
            if state[current] == false, let cycleStart = walk.firstIndex(of: current) {
                let cycle = Array(walk[cycleStart...])
                let first = cycle.min { Self.sourceOrder(referenceEdges[$0]!, referenceEdges[$1]!) }!
                let closing = cycle.first { referenceEdges[$0]!.target == first }!
                let edge = referenceEdges[closing]!
                let path = (cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!] + [first])
                    .map { describe($0) }.joined(separator: " → ")
                error("reference cycle: these schemas are only references to each other, so none of them describes a value (\(path))",
                      at: edge.location, pointer: edge.pointer)
            }
            for key in walk { state[key] = true }
            state[current] = true
        }
    }

    private static func sourceOrder(_ a: TargetKey, _ b: TargetKey) -> Bool {
        (a.file, a.pointer) < (b.file, b.pointer)
    }

    private static func sourceOrder(_ a: ReferenceEdge, _ b: ReferenceEdge) -> Bool {
        a.location < b.location
    }

    private func describe(_ key: TargetKey) -> String {
        (key.file == rootFile ? "" : store.files.path(of: key.file)) + "#" + key.pointer
    }

    /// `discriminator` with its mapping; mapping values are references or bare schema names
    /// (`Dog` for `#/components/schemas/Dog`), both resolved into targets.
    func discriminator(_ cursor: Cursor) -> Schema.Discriminator? {
        guard let (mapping, object) = mapping(cursor, "discriminator", expected: "a mapping with `propertyName`") else { return nil }
        var propertyName: String?
        var written = OrderedMap<String>()
        var targets = OrderedMap<RefTarget>()
        var fallback: (text: String, target: RefTarget?, location: SourceLocation)?
        for entry in mapping.entries {
            switch entry.key {
            case "defaultMapping":
                let field = object.child(entry)
                if version < .v3_2 {
                    warning("`defaultMapping` is an OpenAPI 3.2 field; read anyway", at: entry.keyLocation, pointer: field.pointer)
                }
                guard let text = string(field, entry.key) else { continue }
                let target = discriminatorTarget(text, at: field)
                if let target { enqueueSchemaTarget(target) }
                fallback = (text, target.map { RefTarget(file: $0.key.file, pointer: $0.pointer) }, entry.keyLocation)
            case "propertyName":
                propertyName = string(object.child(entry), entry.key)
            case "mapping":
                guard let (pairs, map) = self.mapping(object.child(entry), entry.key, expected: "a mapping of values to schema references")
                else { continue }
                for pair in pairs.entries {
                    let valueCursor = map.child(pair)
                    guard let text = string(valueCursor, pair.key) else { continue }
                    written[pair.key] = text
                    if let target = discriminatorTarget(text, at: valueCursor) {
                        targets[pair.key] = RefTarget(file: target.key.file, pointer: target.pointer)
                        enqueueSchemaTarget(target)
                    }
                }
            default:
                break
            }
        }
        guard let propertyName else {
            error("`discriminator` needs `propertyName`, the property whose value selects the schema", at: object)
            return nil
        }
        var result = Schema.Discriminator(propertyName: propertyName, mapping: written, mappingTargets: targets, location: object.location)
        result.defaultMapping = fallback?.text
        result.defaultTarget = fallback?.target
        result.defaultMappingLocation = fallback?.location
        return result
    }

    private func discriminatorTarget(_ text: String, at cursor: Cursor) -> ResolvedTarget? {
        let looksLikeReference = text.contains("/") || text.contains("#")
            || text.hasSuffix(".yaml") || text.hasSuffix(".yml") || text.hasSuffix(".json")
        if looksLikeReference {
            return resolveReference(text, from: cursor.file, reportAt: cursor.location, pointer: cursor.pointer)
        }
        let escaped = PointerText.escape(text)
        return resolveReference("#/components/schemas/" + escaped, from: rootFile, reportAt: cursor.location, pointer: cursor.pointer)
    }
}
