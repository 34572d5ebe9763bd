import YAMLTree

extension ModelDecoder {
    /// The node to decode at a position where a `$ref` stands for its target's content:
    /// everywhere except schemas (parameters, responses, path items, operations, a `properties`
    /// map, even a description). DigitalOcean's document writes `$ref` in all of these.
    ///
    /// Keys written beside the `$ref` override the target's (3.1 allows `summary` and
    /// `description` there; ref-anywhere documents use it more freely). Returns nil after
    /// reporting when the reference cannot be followed.
    func inlined(_ cursor: Cursor) -> Cursor? {
        followReferences(cursor)?.cursor
    }

    /// Like ``inlined(_:)``, also giving the target's key when the result is exactly a target's
    /// content (a reference was followed and nothing beside it changed the content), which
    /// makes the decoded object reusable by every reference to the same target.
    func followReferences(_ cursor: Cursor) -> (cursor: Cursor, target: TargetKey?)? {
        var current = cursor
        var reusableTarget: TargetKey?
        var overlaid = false
        while let mapping = current.node.mapping, let refEntry = refEntry(mapping) {
            // A `$ref` whose value is not text is a name (a property called `$ref`), not a reference.
            guard let text = refEntry.value.scalar?.text, refEntry.value.scalar?.kind == .string else { break }
            let refPointer = current.pointer.appending("$ref")
            guard let target = resolveReference(text, from: current.file, reportAt: refEntry.value.location, pointer: refPointer)
            else { return nil }
            if current.chain.contains(target.key) {
                error("`$ref: \(text)` leads back into itself: its target contains this reference, so inlining it would never end",
                      at: refEntry.value.location, pointer: refPointer)
                return nil
            }
            if current.chain.length >= Self.maxInlineChain {
                error("`$ref: \(text)` is nested inside more than \(Self.maxInlineChain) other references; giving up",
                      at: refEntry.value.location, pointer: refPointer)
                return nil
            }
            var node = target.node
            if mapping.count > 1 {
                node = Self.overlay(mapping, onto: node)
                overlaid = true
            }
            reusableTarget = target.key
            current = Cursor(node: node, pointer: target.pointer, chain: InlineChain(target: target.key, parent: current.chain),
                             depth: current.depth + 1)
        }
        return (current, overlaid ? nil : reusableTarget)
    }

    /// Decodes an object that references may share (a response in a shared file), once per
    /// target: a document that refers to one error response from 600 operations decodes it
    /// once, and reports its problems once.
    func decodeShared<T>(_ cursor: Cursor, _ decode: (Cursor) -> T?) -> T? {
        guard let (target, key) = followReferences(cursor) else { return nil }
        guard let key else { return decode(target) }
        let cacheKey = SharedObjectKey(target: key, type: ObjectIdentifier(T.self))
        if let cached = sharedObjects[cacheKey] {
            // Sharing keeps the work linear, but every use still adds the object's schemas to the
            // document a generator walks; references that multiply them are refused, as aliases are.
            expandedSchemaCount += cached.schemaCount
            if expandedSchemaCount > Self.maxExpandedSchemas {
                if !reportedExpansion {
                    reportedExpansion = true
                    error("references expand the document to more than \(Self.maxExpandedSchemas) schemas; refusing the rest (a reference bomb?)",
                          at: cursor)
                }
                return nil
            }
            // The cache key names `T`, so the box holds a `T?`; a checked cast would cost a
            // runtime type lookup on every reuse.
            return unsafeDowncast(cached.object, to: SharedBox<T>.self).value
        }
        let before = expandedSchemaCount
        let decoded = decode(target)
        sharedObjects[cacheKey] = SharedObject(object: SharedBox(decoded), schemaCount: expandedSchemaCount - before)
        return decoded
    }
}

extension ModelDecoder {
    /// The target mapping with the keys written beside `$ref` replacing or joining its own.
    fileprivate static func overlay(_ referring: MappingRef, onto target: NodeRef) -> NodeRef {
        guard let base = target.mapping else { return target }
        var merged = Array(base)
        for entry in referring where entry.key != "$ref" {
            if let i = merged.firstIndex(where: { $0.keyID == entry.keyID }) {
                merged[i] = entry
            } else {
                merged.append(entry)
            }
        }
        return target.arena.appendMapping(merged, at: target.location)
    }
}
