import YAMLTree

/// OpenAPI 3.2's tag fields: `summary`, `kind`, and `parent`, which nests tags into a tree.
extension ModelDecoder {
    func readTagFields32(_ tag: inout Tag, _ mapping: MappingRef, _ object: Cursor) {
        for key in ["summary", "parent", "kind"] {
            guard let entry = mapping.entry(key) else { continue }
            let field = object.child(entry)
            if version < .v3_2 {
                warning("tag `\(key)` is an OpenAPI 3.2 field; read anyway", at: entry.keyLocation, pointer: field.pointer)
            }
            switch key {
            case "summary": tag.summary = string(field, key)
            case "kind": tag.kind = string(field, key)
            default:
                tag.parent = string(field, key)
                tag.parentLocation = entry.value.location
            }
        }
    }

    /// A `parent` must name a declared tag, and following parents must not come back to a tag.
    func checkTagParents(_ tags: [Tag], pointer: JSONPointer) {
        let declared = Dictionary(tags.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, tag) in tags.enumerated() {
            guard let parent = tag.parent, let location = tag.parentLocation else { continue }
            let place = pointer.appending(index).appending("parent")
            guard declared[parent] != nil else {
                error("tag `\(tag.name)` names parent `\(parent)`, which is not in `tags`", at: location, pointer: place)
                continue
            }
            var seen: Set<String> = [tag.name]
            var current = declared[parent]
            while let next = current {
                if seen.contains(next.name) {
                    error("following `parent` from tag `\(tag.name)` runs in a cycle (through `\(next.name)`)", at: location, pointer: place)
                    break
                }
                seen.insert(next.name)
                current = next.parent.flatMap { declared[$0] }
            }
        }
    }
}
