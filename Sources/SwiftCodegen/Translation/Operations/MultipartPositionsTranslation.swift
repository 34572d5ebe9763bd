import OpenAPIModel

extension TranslationContext {
    /// The enum of a `multipart/*` body typed by position (3.2 `prefixEncoding`): `part1`,
    /// `part2`, … for the positions, each read and written in its Encoding Object's media type,
    /// then `item` for the parts after them (typed as `itemSchema`/`items` with `itemEncoding`
    /// say) or, when the spec says nothing of those, `other` with the part as it is. Declared
    /// in `container`; returns its name there.
    func multipartPositionsType(_ prefix: [MultipartItemSchema.Position], rest: MultipartItemSchema.Position?, hint: String,
                                in container: inout Container) -> String {
        let name = container.typeNames.claim(SwiftNames.typeName(hint))
        var decl = TypeDecl(.enum, name, access: access, conformances: ["MultipartPositional", "Hashable", "Validatable"],
                            doc: ["A part of the body, by its position."])
        var decode = ["switch position {"]
        var encode = ["switch self {"]
        var validate = ["switch self {"]
        func partType(_ position: MultipartItemSchema.Position, hint: String) -> String {
            let reading = MultipartItemSchema.reading(position.contentType)
            guard let schema = position.schema else {
                switch reading {
                case .json: return "JSONValue"
                case .text: return "String"
                case .whole: return "MultipartPart"
                }
            }
            return multipartItemType(schema, reading: reading, hint: hint, in: &container)
        }
        func add(_ caseName: String, _ type: String, contentType: String, doc: String) {
            var enumCase = EnumCaseDecl(caseName, associatedValues: [(nil, type)])
            enumCase.doc = [doc]
            decl.members.append(.enumCase(enumCase))
            let literal = SwiftNames.stringLiteral(contentType)
            encode.append("case .\(caseName)(let value): return try MultipartPart(encoding: value, as: \(literal))")
            decode.append("    self = .\(caseName)(try part.decoded(\(type).self, as: \(literal)))")
            validate.append("case .\(caseName)(let value): v.nestedIfConstrained(value, at: \"\")")
        }
        for (index, position) in prefix.enumerated() {
            decode.append("case \(index):")
            add("part\(index + 1)", partType(position, hint: hint + "\(index + 1)"), contentType: position.contentType,
                doc: "Part \(index + 1) (`\(position.contentType)`).")
        }
        decode.append("default:")
        if let rest {
            add("item", partType(rest, hint: hint + "Item"), contentType: rest.contentType,
                doc: "A part after the first \(prefix.count) (`\(rest.contentType)`).")
        } else {
            var other = EnumCaseDecl("other", associatedValues: [(nil, "MultipartPart")])
            other.doc = ["A part after the first \(prefix.count), which the spec does not describe, as it is."]
            decl.members.append(.enumCase(other))
            decode.append("    self = .other(part)")
            encode.append("case .other(let part): return part")
            validate.append("case .other: break")
        }
        validate.append("}")
        decode.append("}")
        encode.append("}")
        var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "part", name: "part", type: "MultipartPart"),
                                                                          .init(label: "position", name: "position", type: "Int")], body: decode)
        initDecl.isThrowing = true
        initDecl.doc = ["The part at `position` (0 for the first), read as that position's media type."]
        decl.members.append(.function(initDecl))
        var encodeDecl = FunctionDecl("multipartPart", access: access, returnType: "MultipartPart", body: encode)
        encodeDecl.isThrowing = true
        encodeDecl.doc = ["The part this value is sent as."]
        decl.members.append(.function(encodeDecl))
        decl.members.append(.function(validateDecl(validate)))
        container.members.append(.type(decl))
        return container.reference(name)
    }
}
