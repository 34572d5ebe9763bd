import OpenAPIModel
import YAMLTree

extension TranslationContext {
    /// oneOf/anyOf (and `type: [string, integer]`) as an enum with a case per branch. With a
    /// discriminator the tag picks the case; without one, every branch is tried and the one that
    /// accounts for the payload wins (see the runtime's `BranchChoice`).
    func makeUnion(_ name: String, _ shaped: ShapedSchema, qualifiedName: String, doc: [String], openEnums: Bool, sends: Bool = false,
                   sharesInlineTypes: Bool = false) -> TypeDecl {
        var nested = container(qualifiedName, openEnums: openEnums, sends: sends)
        nested.sharesInlineTypes = sharesInlineTypes
        var caseNames = NameScope()
        struct Branch {
            var caseName: String
            var type: String
            var tags: [String]
            var schema: Schema?
        }
        var branches: [Branch] = []
        var discriminator: Schema.Discriminator?
        var outsideDefault: Int?

        switch shaped.shape {
        case .primitiveUnion(let types):
            for type in types {
                let swiftType: String
                switch type {
                case .string: swiftType = Self.stringType(shaped.effective.format)
                case .integer: swiftType = "Int"
                case .number: swiftType = "Double"
                case .boolean: swiftType = "Bool"
                case .array: swiftType = "[JSONValue]"
                case .object: swiftType = "[String: JSONValue]"
                case .null: continue
                }
                branches.append(Branch(caseName: caseNames.claim(type.rawValue), type: swiftType, tags: [], schema: nil))
            }
        case .union(let schemas, let disc):
            let allReferences = schemas.allSatisfy { $0.ref != nil }
            discriminator = allReferences ? disc ?? constDiscriminator(schemas, at: shaped.effective.location) : nil
            for (index, branch) in schemas.enumerated() {
                let hint: String
                if let ref = branch.ref, let typeName = namedTypes[ref] {
                    hint = typeName
                } else if let title = branch.title {
                    hint = title
                } else {
                    switch shapeOf(branch).shape {
                    case .string: hint = "string"
                    case .integer: hint = "integer"
                    case .number: hint = "number"
                    case .boolean: hint = "boolean"
                    case .array: hint = "array"
                    case .map: hint = "object"
                    default: hint = "Option\(index + 1)"
                    }
                }
                let use = typeUse(branch, hint: hint, in: &nested)
                var tags: [String] = []
                if let discriminator, let ref = branch.ref {
                    var visiting = Set<RefTarget>()
                    tags = discriminatorTags(ref, discriminator, visiting: &visiting)
                }
                // A type whose name has no lower-case form (`_3eNum1`, from a name starting with a
                // digit) would be hidden inside the enum by a case of the same name.
                var caseName = SwiftNames.memberName(hint)
                if caseName == use.rendered { caseName += "Value" }
                branches.append(Branch(caseName: caseNames.claim(caseName), type: use.rendered, tags: tags, schema: branch))
            }
            // 3.2 `defaultMapping` naming a schema that is not a branch: a case of its own, for
            // the payloads whose tag is absent or unmapped (it is never chosen by a tag).
            if let discriminator, Self.defaultBranch(schemas, discriminator) == nil,
               let target = Self.defaultOutsideBranches(schemas, discriminator), schema(for: target) != nil {
                var reference = Schema(location: discriminator.defaultMappingLocation ?? discriminator.location, pointer: shaped.effective.pointer)
                reference.ref = target
                let use = typeUse(reference, hint: namedTypes[target] ?? "Default", in: &nested)
                var caseName = SwiftNames.memberName(namedTypes[target] ?? "default")
                if caseName == use.rendered { caseName += "Value" }
                branches.append(Branch(caseName: caseNames.claim(caseName), type: use.rendered, tags: [], schema: reference))
                outsideDefault = branches.count - 1
            }
        default:
            preconditionFailure("makeUnion called for a non-union shape")
        }

        var conformances = ["Codable", "Hashable", "Sendable"]
        // A union with object branches ranks, as a branch of another union, by the branch it holds.
        if branches.contains(where: { $0.schema.map(carriesMembers) ?? false }) { conformances.append("UnionMemberAccounting") }
        var decl = TypeDecl(.enum, name, access: access, conformances: conformances, doc: doc)
        decl.isIndirect = branches.contains { !["String", "Int", "Double", "Bool", "DateTime", "UUIDText", "Data"].contains($0.type) }
        decl.members = branches.map { .enumCase(EnumCaseDecl(SwiftNames.escaped($0.caseName), associatedValues: [(nil, $0.type)])) }
        decl.members += nested.members

        var decode: [String]
        func choice(_ members: [Branch], indent: String) -> [String] {
            ["\(indent)var choice = BranchChoice<Self>(decoder)"]
                + members.map { "\(indent)choice.consider(\($0.type).self, Self.\(SwiftNames.escaped($0.caseName)))" }
                + ["\(indent)self = try choice.chosen(\(SwiftNames.stringLiteral(name)))"]
        }
        // 3.2 `defaultMapping`: the branch for a payload whose tag is absent or unmapped.
        var fallback: Branch?
        if let discriminator, case .union(let schemas, _) = shaped.shape, let index = Self.defaultBranch(schemas, discriminator) ?? outsideDefault {
            fallback = branches[index]
        }
        if let discriminator {
            decode = ["let tagContainer = try decoder.container(keyedBy: DiscriminatorKey.self)"]
            if let fallback {
                decode += [
                    "guard let tag = try tagContainer.decodeIfPresent(String.self, forKey: .tag) else {",
                    "    self = .\(SwiftNames.escaped(fallback.caseName))(try \(fallback.type)(from: decoder))",
                    "    return",
                    "}",
                ]
            } else {
                decode.append("let tag = try tagContainer.decode(String.self, forKey: .tag)")
            }
            decode.append("switch tag {")
            // Branches that share a tag value (no mapping, several schemas pinning the same
            // `type`) are told apart by their other members, as a union without a discriminator is.
            var sharing: [String: [Int]] = [:]
            let branchTags = branches.map { b in b.tags.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } }
            for (index, tags) in branchTags.enumerated() { for tag in tags { sharing[tag, default: []].append(index) } }
            for (index, b) in branches.enumerated() {
                let own = branchTags[index].filter { sharing[$0]!.count == 1 }
                if !own.isEmpty {
                    decode.append("case \(own.map(SwiftNames.stringLiteral).joined(separator: ", ")): self = .\(SwiftNames.escaped(b.caseName))(try \(b.type)(from: decoder))")
                }
                for tag in branchTags[index] where sharing[tag]!.count > 1 && sharing[tag]!.first == index {
                    decode.append("case \(SwiftNames.stringLiteral(tag)):")
                    decode += choice(sharing[tag]!.map { branches[$0] }, indent: "    ")
                }
            }
            if let fallback {
                decode += ["default:", "    self = .\(SwiftNames.escaped(fallback.caseName))(try \(fallback.type)(from: decoder))", "}"]
            } else {
                decode += [
                    "default:",
                    "    throw DecodingError.dataCorruptedError(",
                    "        forKey: .tag, in: tagContainer, debugDescription: \"unknown \(discriminator.propertyName) \\\"\\(tag)\\\"\")",
                    "}",
                ]
            }
            decl.members.append(.type(TypeDecl(.enum, "DiscriminatorKey", conformances: ["String", "CodingKey"], members: [
                .enumCase(EnumCaseDecl("tag", rawValue: SwiftNames.stringLiteral(discriminator.propertyName)))
            ])))
        } else {
            decode = choice(branches, indent: "")
        }
        var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")], body: decode)
        initDecl.isThrowing = true
        decl.members.append(.function(initDecl))

        var encode: [String]
        if discriminator != nil {
            // The case decides the tag, whatever the payload's own copy of the property says, so
            // that what is encoded decodes back to the same case. A branch with several tags (a
            // union of tagged schemas, or several mapping keys) writes its value's own.
            // The default branch writes its value's own tag too: absent or unmapped, it decodes
            // back into that branch.
            func fixedTag(_ b: Branch) -> String? { Set(b.tags).count == 1 && b.caseName != fallback?.caseName ? b.tags[0] : nil }
            let someUntagged = branches.contains { fixedTag($0) == nil }
            encode = [someUntagged ? "let tag: String?" : "let tag: String", "switch self {"]
            for b in branches {
                encode.append("case .\(SwiftNames.escaped(b.caseName))(let value):")
                encode.append("    try value.encode(to: encoder)")
                encode.append("    tag = \(fixedTag(b).map(SwiftNames.stringLiteral) ?? "nil")")
            }
            encode.append("}")
            if someUntagged {
                encode += ["if let tag {", "    var tagContainer = encoder.container(keyedBy: DiscriminatorKey.self)",
                           "    try tagContainer.encode(tag, forKey: .tag)", "}"]
            } else {
                encode += ["var tagContainer = encoder.container(keyedBy: DiscriminatorKey.self)", "try tagContainer.encode(tag, forKey: .tag)"]
            }
        } else {
            encode = ["var container = encoder.singleValueContainer()", "switch self {"]
            for b in branches {
                encode.append("case .\(SwiftNames.escaped(b.caseName))(let value): try container.encode(value)")
            }
            encode.append("}")
        }
        var encodeDecl = FunctionDecl("encode", access: access, parameters: [.init(label: "to", name: "encoder", type: "any Encoder")], body: encode)
        encodeDecl.isThrowing = true
        decl.members.append(.function(encodeDecl))

        validators.append(unionValidator(qualifiedName, shaped, branches: branches.map { ($0.caseName, $0.schema) }))
        return decl
    }
}

extension TranslationContext {
    /// Whether a union branch decodes to a generated struct or union, which counts the members
    /// its schema leaves unnamed (``BranchChoice`` ranks branches by them).
    func carriesMembers(_ branch: Schema) -> Bool {
        var shape = shapeOf(branch).shape
        if case .reference(let target) = shape, let resolved = schema(for: target) { shape = shapeOf(resolved).shape }
        switch shape {
        case .object, .allOf, .union: return true
        default: return false
        }
    }

    /// The position of the branch a 3.2 `defaultMapping` names among a discriminated union's
    /// `branches`; nil without one, or when it names a schema that is not a branch (or a branch
    /// is not a reference, so the union is not decoded by its tag).
    static func defaultBranch(_ branches: [Schema], _ discriminator: Schema.Discriminator) -> Int? {
        guard let target = discriminator.defaultTarget, branches.allSatisfy({ $0.ref != nil }) else { return nil }
        return branches.firstIndex { $0.ref == target }
    }

    /// The schema a 3.2 `defaultMapping` names when it is not one of the union's `branches`
    /// (all references, so the union is decoded by its tag); nil otherwise.
    static func defaultOutsideBranches(_ branches: [Schema], _ discriminator: Schema.Discriminator) -> RefTarget? {
        guard let target = discriminator.defaultTarget, !branches.isEmpty, branches.allSatisfy({ $0.ref != nil }),
              !branches.contains(where: { $0.ref == target }) else { return nil }
        return target
    }

    /// The discriminator values that select the branch `ref`: its mapping keys; for a branch that
    /// is itself a union, its members' tags (its own name is no value the payload carries); else
    /// the one value the schema pins the property to (`kind: {const: circle}`); else its name.
    func discriminatorTags(_ ref: RefTarget, _ discriminator: Schema.Discriminator, visiting: inout Set<RefTarget>) -> [String] {
        let mapped = discriminator.mappingTargets.filter { $0.value == ref }.map(\.key)
        if !mapped.isEmpty { return mapped }
        if visiting.insert(ref).inserted, let target = schema(for: ref), case .union(let members, let inner) = shapeOf(target).shape,
           members.allSatisfy({ $0.ref != nil }) {
            let own = inner?.propertyName == discriminator.propertyName ? inner! : discriminator
            let tags = members.flatMap { discriminatorTags($0.ref!, own, visiting: &visiting) }
            if !tags.isEmpty { return tags }
        }
        if let value = constTag(ref, property: discriminator.propertyName) { return [value] }
        return ref.pointer.lastToken.map { [$0] } ?? []
    }

    /// The one string value a referenced schema allows for `property` (`const`, or an `enum`
    /// of one value), looking through allOf.
    func constTag(_ ref: RefTarget, property: String) -> String? {
        guard let target = schema(for: ref), let value = flattenObject(target).properties[property] else { return nil }
        let shaped = shapeOf(value).effective
        if case .string(let tag)? = shaped.constValue { return tag }
        if let values = shaped.enumValues, values.count == 1, case .string(let tag) = values[0] { return tag }
        return nil
    }

    /// A union without a discriminator whose branches each require one property, the same one,
    /// pinned to a distinct value is tagged by it all the same: otherwise the first branch that
    /// decodes wins, whatever the tag says.
    func constDiscriminator(_ branches: [Schema], at location: SourceLocation) -> Schema.Discriminator? {
        guard let first = branches.first?.ref, let firstTarget = schema(for: first) else { return nil }
        let required = branches.map { $0.ref.flatMap(schema(for:)).map { flattenObject($0).required } ?? [] }
        for property in flattenObject(firstTarget).properties.keys where required.allSatisfy({ $0.contains(property) }) {
            let tags = branches.compactMap { $0.ref.flatMap { constTag($0, property: property) } }
            if tags.count == branches.count, Set(tags).count == tags.count {
                return Schema.Discriminator(propertyName: property, mapping: OrderedMap(), mappingTargets: OrderedMap(), location: location)
            }
        }
        return nil
    }
}
