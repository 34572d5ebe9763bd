import OpenAPIModel
import YAMLTree

extension TranslationContext {
    /// Every schema a reference can reach gets a top-level type: the root's `components.schemas`
    /// first, in spec order, then targets elsewhere (other files, deeper pointers) in the order the
    /// loader first reached them.
    func namedSchemaTargets() -> [(target: RefTarget, schema: Schema)] {
        var result: [(RefTarget, Schema)] = []
        var seen = Set<RefTarget>()
        let componentsPointer = JSONPointer.root.appending("components").appending("schemas")
        for (key, schema) in document.components.schemas {
            let target = RefTarget(file: document.rootFile, pointer: componentsPointer.appending(key))
            if seen.insert(target).inserted { result.append((target, schema)) }
        }
        for target in document.referencedSchemaOrder where seen.insert(target).inserted {
            if let schema = document.referencedSchemas[target] { result.append((target, schema)) }
        }
        return result
    }

    /// The name a target suggests: its component key, else the last pointer token, else the
    /// file's base name (`models/droplet.yml` → Droplet).
    func suggestedName(for target: RefTarget, files: SourceFiles) -> String {
        if let last = target.pointer.lastToken, !last.allSatisfy(\.isNumber) {
            let generic: Set<String> = ["schema", "items", "properties", "additionalProperties", "allOf", "anyOf", "oneOf"]
            if !generic.contains(last) { return last }
        }
        var base = files.path(of: target.file)
        if let slash = base.lastIndex(of: "/") { base = String(base[base.index(after: slash)...]) }
        if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        return base + target.pointer.tokens.filter { $0 != "components" && $0 != "schemas" }.joined(separator: "_")
    }

    func declareNamedSchemas(files: SourceFiles) -> [SwiftDecl] {
        let targets = namedSchemaTargets()
        for (target, _) in targets {
            namedTypes[target] = topLevelNames.claim(SwiftNames.typeName(suggestedName(for: target, files: files)))
        }
        nestedReserved.formUnion(namedTypes.values)
        for (target, schema) in targets {
            let name = namedTypes[target]!
            switch shapeOf(schema).shape {
            case .object, .allOf: namedKinds[name] = .structure
            case .stringEnum, .integerEnum, .union, .primitiveUnion: namedKinds[name] = .enumeration
            default: namedKinds[name] = .alias
            }
        }
        for (target, schema) in targets {
            if case .reference(let next) = shapeOf(schema).shape, let aliased = namedTypes[next] {
                aliasedStructs[namedTypes[target]!] = aliasedStructs[aliased] ?? (namedKinds[aliased] == .structure ? aliased : nil)
            }
        }
        responseReachable = reachableFromResponses()
        requestReachable = reachableFromRequests()
        let recursive = recursiveAliases(targets)

        var decls: [SwiftDecl] = []
        for (target, schema) in targets {
            let name = namedTypes[target]!
            let shaped = shapeOf(schema)
            noteUnhonouredKeywords(schema)
            let doc = DocComments.lines(for: schema, name: name)
            let open = responseReachable.contains(target)
            if recursive.contains(target) {
                diagnostics.warning("\(name) contains itself only through arrays or maps, which a Swift typealias cannot express; it is generated as JSONValue",
                                    at: schema.location, pointer: target.pointer.fragment)
                decls.append(.typeAlias(TypeAliasDecl(name, type: "JSONValue", access: access, doc: doc)))
                continue
            }
            switch shaped.shape {
            case .object, .allOf:
                decls.append(.type(makeStruct(name, schema: shaped.effective, qualifiedName: name, doc: doc, openEnums: open,
                                              sends: requestReachable.contains(target))))
            case .stringEnum, .integerEnum:
                decls.append(.type(makeEnum(name, shaped, doc: doc, open: open)))
            case .union, .primitiveUnion:
                decls.append(.type(makeUnion(name, shaped, qualifiedName: name, doc: doc, openEnums: open,
                                             sends: requestReachable.contains(target))))
            default:
                var container = container("", openEnums: open)
                container.typeNames = topLevelNames
                let use = typeUse(schema, hint: name + "Element", in: &container)
                topLevelNames = container.typeNames
                decls.append(.typeAlias(TypeAliasDecl(name, type: use.base, access: access, doc: doc)))
                decls += container.members
            }
        }
        return decls
    }

    /// Aliases (`typealias Tree = [String: Tree]`) that reach themselves without passing through
    /// a struct or enum: Swift rejects those, so they fall back to JSONValue.
    func recursiveAliases(_ targets: [(target: RefTarget, schema: Schema)]) -> Set<RefTarget> {
        var edges: [RefTarget: [RefTarget]] = [:]
        for (target, schema) in targets where namedKinds[namedTypes[target]!] == .alias {
            var found: [RefTarget] = []
            var work = [schema]
            while let s = work.popLast() {
                switch shapeOf(s).shape {
                case .reference(let t): found.append(t)
                case .array(let items?): work.append(items)
                case .map(let values?): work.append(values)
                default: break
                }
            }
            edges[target] = found.filter { namedTypes[$0].map { namedKinds[$0] == .alias } ?? false }
        }
        var recursive = Set<RefTarget>()
        for start in edges.keys {
            var seen = Set<RefTarget>()
            var work = edges[start] ?? []
            while let next = work.popLast() {
                if next == start {
                    recursive.insert(start)
                    break
                }
                if seen.insert(next).inserted { work += edges[next] ?? [] }
            }
        }
        return recursive
    }

    /// Named schemas that a request body or parameter can contain.
    func reachableFromRequests() -> Set<RefTarget> {
        var roots: [Schema] = []
        for entry in document.operations {
            if let body = entry.operation.requestBody { for (_, media) in body.content { if let s = media.schema { roots.append(s) } } }
            for p in entry.operation.parameters { if let s = p.schema ?? p.content?.schema { roots.append(s) } }
        }
        return reachable(from: roots)
    }

    /// Named schemas that a response body can contain, directly or through other schemas.
    func reachableFromResponses() -> Set<RefTarget> {
        var work: [Schema] = []
        for entry in document.operations {
            for (_, response) in entry.operation.responses {
                for (_, media) in response.content { if let s = media.schema { work.append(s) } }
            }
        }
        for (_, item) in document.webhooks {
            for (_, op) in item.operations {
                if let body = op.requestBody { for (_, media) in body.content { if let s = media.schema { work.append(s) } } }
            }
        }
        return reachable(from: work)
    }

    private func reachable(from roots: [Schema]) -> Set<RefTarget> {
        var reached = Set<RefTarget>()
        var work = roots
        while let schema = work.popLast() {
            if let ref = schema.ref, reached.insert(ref).inserted, let target = document.referencedSchemas[ref] {
                work.append(target)
            }
            work.append(contentsOf: schema.properties.values)
            work.append(contentsOf: schema.allOf)
            work.append(contentsOf: schema.anyOf)
            work.append(contentsOf: schema.oneOf)
            work.append(contentsOf: schema.prefixItems)
            if let items = schema.items { work.append(items.value) }
            if case .schema(let s)? = schema.additionalProperties { work.append(s.value) }
        }
        return reached
    }
}
