import OpenAPIModel

extension TranslationContext {
    /// Properties whose stored value would make a struct contain itself (directly or through
    /// other structs) must live behind a reference: Swift value types need a finite size.
    func findBoxedProperties() {
        // Tarjan's strongly connected components over "struct stores struct by value".
        var index = 0
        var indices: [String: Int] = [:]
        var lowlink: [String: Int] = [:]
        var onStack = Set<String>()
        var stack: [String] = []
        var component: [String: Int] = [:]
        var componentCount = 0
        func target(_ name: String) -> String { aliasedStructs[name] ?? name }
        let nodes = structPlans.keys.sorted()
        // Iterative to stay safe on deep graphs (Stripe's schemas reach hundreds deep).
        for start in nodes where indices[start] == nil {
            var work: [(node: String, edge: Int)] = [(start, 0)]
            indices[start] = index; lowlink[start] = index; index += 1
            stack.append(start); onStack.insert(start)
            while let (node, edge) = work.last {
                let edges = structEdges[node] ?? []
                if edge < edges.count {
                    work[work.count - 1].edge += 1
                    let next = target(edges[edge].target)
                    guard structPlans[next] != nil else { continue }
                    if indices[next] == nil {
                        indices[next] = index; lowlink[next] = index; index += 1
                        stack.append(next); onStack.insert(next)
                        work.append((next, 0))
                    } else if onStack.contains(next) {
                        lowlink[node] = min(lowlink[node]!, indices[next]!)
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { lowlink[parent] = min(lowlink[parent]!, lowlink[node]!) }
                    if lowlink[node] == indices[node] {
                        while let top = stack.popLast() {
                            onStack.remove(top)
                            component[top] = componentCount
                            if top == node { break }
                        }
                        componentCount += 1
                    }
                }
            }
        }
        for (name, edges) in structEdges {
            for edge in edges where component[name] != nil && component[name] == component[target(edge.target)] {
                guard var plan = structPlans[name], let i = plan.properties.firstIndex(where: { $0.swiftName == edge.property }) else { continue }
                plan.properties[i].boxed = true
                structPlans[name] = plan
            }
        }
        // Every struct planned so far has been placed; those planned later (the next batch of
        // operations) cannot reach back into a cycle through these, so their edges are done with.
        structEdges = [:]
    }

    /// Fills every planned struct's members, walking the declaration tree by qualified name.
    func completeStructs(_ decls: [SwiftDecl], prefix: String) -> [SwiftDecl] {
        decls.map { decl in
            guard case .type(var t) = decl else { return decl }
            let qualified = prefix.isEmpty ? t.name : prefix + "." + t.name
            t.members = completeStructs(t.members, prefix: t.kind == .extension ? t.name : qualified)
            // A completed struct's plan is done with; dropping it keeps memory flat on large specs.
            if t.kind == .struct, let plan = structPlans.removeValue(forKey: qualified) {
                t.members = structMembers(plan) + t.members + codingMembers(plan)
            }
            return .type(t)
        }
    }

    private func structMembers(_ plan: StructPlan) -> [SwiftDecl] {
        var members: [SwiftDecl] = []
        for p in plan.properties {
            let name = SwiftNames.escaped(p.swiftName)
            if p.boxed {
                var storage = PropertyDecl("_\(p.swiftName)", type: p.optional ? "Indirect<\(p.use.base)>?" : "Indirect<\(p.use.base)>")
                storage.access = nil
                members.append(.property(storage))
                var property = PropertyDecl(name, type: p.typeText, access: access, doc: p.doc)
                property.getter = p.optional
                    ? ["get { _\(p.swiftName)?.value }", "set { _\(p.swiftName) = newValue.map(Indirect.init) }"]
                    : ["get { _\(p.swiftName).value }", "set { _\(p.swiftName) = Indirect(newValue) }"]
                members.append(.property(property))
            } else {
                members.append(.property(PropertyDecl(name, type: p.typeText, access: access, doc: p.doc)))
            }
        }
        let extra = plan.additional
        let extraDoc = plan.forbidsAdditional
            ? "Members the schema does not name, kept as read; the schema forbids them, which `validate()` reports."
            : "Members the schema does not name, kept as read and written back."
        members.append(.property(PropertyDecl(extra.swiftName, type: "[String: \(extra.valueType)]", access: access, doc: [extraDoc])))
        if plan.notesNulls {
            var nulls = PropertyDecl("nullMembers", type: "Set<String>", access: access, doc: [
                "The optional members read as `null` (which the schema allows); written back as `null` while still nil.",
            ])
            nulls.initializer = "[]"
            members.append(.property(nulls))
        }
        if plan.holdsNonObjects {
            var other = PropertyDecl("nonObjectValue", type: "JSONValue?", access: access, doc: [
                "The value when it is not an object: the schema states no `type`, so any JSON value is valid and",
                "`properties` apply to objects only. Written back as read; nil for an object.",
            ])
            other.initializer = "nil"
            members.append(.property(other))
            var count = PropertyDecl("unknownMemberCount", type: "Int", access: access,
                                     doc: ["A non-object counts as one unknown member: a union prefers a branch whose type matches it."])
            count.getter = ["nonObjectValue == nil ? \(extra.swiftName).count : 1"]
            members.append(.property(count))
        }
        let pinned = plan.properties.compactMap(\.pinnedCheck)
        if !pinned.isEmpty {
            var count = PropertyDecl("unexpectedValueCount", type: "Int", access: access,
                                     doc: ["How many properties differ from the value the schema pins them to; a union prefers a branch with none."])
            count.getter = [pinned.map { "(\($0) ? 0 : 1)" }.joined(separator: " + ")]
            members.append(.property(count))
        }
        var parameters = plan.properties.map { p in
            FunctionDecl.Parameter(label: p.swiftName, name: SwiftNames.localName(p.swiftName), type: p.typeText,
                                   defaultValue: p.defaultLiteral ?? (p.optional ? "nil" : nil))
        }
        var body = plan.properties.map { p in
            p.boxed
                ? "self._\(p.swiftName) = \(p.optional ? "\(SwiftNames.localName(p.swiftName)).map(Indirect.init)" : "Indirect(\(SwiftNames.localName(p.swiftName)))")"
                : "self.\(SwiftNames.escaped(p.swiftName)) = \(SwiftNames.localName(p.swiftName))"
        }
        parameters.append(.init(name: extra.swiftName, type: "[String: \(extra.valueType)]", defaultValue: "[:]"))
        body.append("self.\(extra.swiftName) = \(extra.swiftName)")
        let initDoc = plan.properties.isEmpty ? [] : ["Creates a value; optional properties default to nil, others to the spec's default."]
        members.append(.function(FunctionDecl("init", access: access, parameters: parameters, doc: initDoc, body: body)))
        return members
    }

    /// Decoding reads the named properties and keeps every other member; encoding writes the
    /// kept members back, then the named properties. Both go through the runtime's
    /// `MemberReader`/`MemberWriter`, by JSON name, one line per property: no `CodingKeys` enum,
    /// whose synthesized conformances cost more to compile than the bodies that use it.
    private func codingMembers(_ plan: StructPlan) -> [SwiftDecl] {
        [.function(decodeFunction(plan)), .function(encodeFunction(plan))]
    }

    private func decodeFunction(_ plan: StructPlan) -> FunctionDecl {
        var decode: [String] = []
        if plan.holdsNonObjects {
            // Assigned rather than `self.init(…)`: a struct initializer that delegates on one path must on all.
            decode += ["if let value = try decoder.nonObjectValue() {"]
                + plan.properties.map { "    self.\($0.boxed ? "_" + $0.swiftName : SwiftNames.escaped($0.swiftName)) = nil" }
                + ["    self.\(plan.additional.swiftName) = [:]", "    self.nonObjectValue = value", "    return", "}"]
        }
        guard !plan.properties.isEmpty else {
            decode.append("self.\(plan.additional.swiftName) = try decoder.additionalMembers()")
            var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")], body: decode)
            initDecl.isThrowing = true
            return initDecl
        }
        decode.append("var members = try MemberReader(decoder)")
        for p in plan.properties {
            let name = SwiftNames.stringLiteral(p.wireName)
            // Each way keeps `null` apart from absent, so the value is written back as read: a
            // required JSONValue (also `type: 'null'`, a nullable free-form value) must be present,
            // maybe as `.null`; an optional one holds an explicit `null` as `.null`; a typed
            // optional that allows null is nil either way and the null is noted in `nulls`.
            let read = !p.optional || p.writesNull && p.use.base == "JSONValue" ? "try members.required(\(p.use.base).self, \(name))"
                : p.use.base == "JSONValue" ? "try members.keepingNull(\(name))"
                : plan.notesNull(p) ? "try members.nullable(\(p.use.base).self, \(name))"
                : "try members.optional(\(p.use.base).self, \(name))"
            if p.boxed {
                decode.append("self._\(p.swiftName) = \(p.optional ? "(\(read)).map(Indirect.init)" : "Indirect(\(read))")")
            } else {
                decode.append("self.\(SwiftNames.escaped(p.swiftName)) = \(read)")
            }
        }
        decode.append("self.\(plan.additional.swiftName) = try members.additionalMembers()")
        if plan.notesNulls { decode.append("self.nullMembers = members.nulls") }
        var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")], body: decode)
        initDecl.isThrowing = true
        return initDecl
    }

    private func encodeFunction(_ plan: StructPlan) -> FunctionDecl {
        var encode = plan.holdsNonObjects ? ["if let nonObjectValue { return try nonObjectValue.encode(to: encoder) }"] : []
        if plan.properties.isEmpty {
            encode.append("try encoder.encodeAdditionalMembers(\(plan.additional.swiftName))")
        } else {
            encode.append("var members = try MemberWriter(encoder, additionalMembers: \(plan.additional.swiftName))")
        }
        for p in plan.properties {
            let name = SwiftNames.stringLiteral(p.wireName)
            let value = "self." + SwiftNames.escaped(p.swiftName)
            encode.append(plan.notesNull(p) ? "try members.optional(\(value), \(name), nullIn: nullMembers)"
                : p.optional && !p.writesNull ? "try members.optional(\(value), \(name))" : "try members.required(\(value), \(name))")
        }
        var encodeDecl = FunctionDecl("encode", access: access, parameters: [.init(label: "to", name: "encoder", type: "any Encoder")], body: encode)
        encodeDecl.isThrowing = true
        return encodeDecl
    }
}
