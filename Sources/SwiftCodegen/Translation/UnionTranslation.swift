import OpenAPIModel
import YAMLTree

extension TranslationContext {
    /// oneOf/anyOf (and `type: [string, integer]`) as an enum with a case per branch. With a
    /// discriminator the tag picks the case; without one, branches are tried in spec order and
    /// the first that decodes wins.
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
                    switch SchemaShaper.shape(branch).shape {
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
                    tags = discriminator.mappingTargets.filter { $0.value == ref }.map(\.key)
                    // Without a mapping the tag is the schema's name, unless the schema itself
                    // pins the property to one value (`kind: {const: circle}`), which then is the tag.
                    if tags.isEmpty, let value = constTag(ref, property: discriminator.propertyName) { tags = [value] }
                    if tags.isEmpty, let last = ref.pointer.lastToken { tags = [last] }
                }
                branches.append(Branch(caseName: caseNames.claim(SwiftNames.memberName(hint)), type: use.rendered, tags: tags, schema: branch))
            }
        default:
            preconditionFailure("makeUnion called for a non-union shape")
        }

        var decl = TypeDecl(.enum, name, access: access, conformances: ["Codable", "Hashable", "Sendable"], doc: doc)
        decl.isIndirect = branches.contains { !["String", "Int", "Double", "Bool", "Date", "UUID", "Data"].contains($0.type) }
        decl.members = branches.map { .enumCase(EnumCaseDecl(SwiftNames.escaped($0.caseName), associatedValues: [(nil, $0.type)])) }
        decl.members += nested.members

        var decode: [String]
        if let discriminator {
            decode = [
                "let tagContainer = try decoder.container(keyedBy: DiscriminatorKey.self)",
                "let tag = try tagContainer.decode(String.self, forKey: .tag)",
                "switch tag {",
            ]
            for b in branches {
                decode.append("case \(b.tags.map(SwiftNames.stringLiteral).joined(separator: ", ")): self = .\(SwiftNames.escaped(b.caseName))(try \(b.type)(from: decoder))")
            }
            decode += [
                "default:",
                "    throw DecodingError.dataCorruptedError(",
                "        forKey: .tag, in: tagContainer, debugDescription: \"unknown \(discriminator.propertyName) \\\"\\(tag)\\\"\")",
                "}",
            ]
            decl.members.append(.type(TypeDecl(.enum, "DiscriminatorKey", conformances: ["String", "CodingKey"], members: [
                .enumCase(EnumCaseDecl("tag", rawValue: SwiftNames.stringLiteral(discriminator.propertyName)))
            ])))
        } else {
            decode = ["let container = try decoder.singleValueContainer()"]
            for b in branches {
                decode.append("if let value = try? container.decode(\(b.type).self) {")
                decode.append("    self = .\(SwiftNames.escaped(b.caseName))(value)")
                decode.append("    return")
                decode.append("}")
            }
            decode.append("throw DecodingError.dataCorruptedError(in: container, debugDescription: \"the value matches none of \(name)'s schemas\")")
        }
        var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")], body: decode)
        initDecl.isThrowing = true
        decl.members.append(.function(initDecl))

        var encode: [String]
        if discriminator != nil {
            // The case decides the tag, whatever the payload's own copy of the property says, so
            // that what is encoded decodes back to the same case.
            encode = ["let tag: String", "switch self {"]
            for b in branches {
                encode.append("case .\(SwiftNames.escaped(b.caseName))(let value):")
                encode.append("    try value.encode(to: encoder)")
                encode.append("    tag = \(SwiftNames.stringLiteral(b.tags.first ?? b.caseName))")
            }
            encode += ["}", "var tagContainer = encoder.container(keyedBy: DiscriminatorKey.self)", "try tagContainer.encode(tag, forKey: .tag)"]
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
    /// The one string value a referenced schema allows for `property` (`const`, or an `enum`
    /// of one value), looking through allOf.
    func constTag(_ ref: RefTarget, property: String) -> String? {
        guard let target = schema(for: ref), let value = flattenObject(target).properties[property] else { return nil }
        let shaped = SchemaShaper.shape(value).effective
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
