import OpenAPIModel

extension TranslationContext {
    /// A string or integer enum. Closed (a plain `enum: String`) where the client only sends it;
    /// open (an `unrecognized` case) where it is read from responses, so a value the server adds
    /// later doesn't fail the whole response.
    func makeEnum(_ name: String, _ shaped: ShapedSchema, doc: [String], open: Bool) -> TypeDecl {
        let values: [EnumValue]
        let rawType: String
        switch shaped.shape {
        case .stringEnum(let v):
            values = v.map(EnumValue.string)
            rawType = "String"
        case .integerEnum(let v):
            values = v.map(EnumValue.integer)
            rawType = "Int"
        default:
            preconditionFailure("makeEnum called for a non-enum shape")
        }
        let cases = enumCaseNames(values)
        func rawLiteral(_ value: EnumValue) -> String {
            switch value {
            case .string(let s): return SwiftNames.stringLiteral(s)
            case .integer(let i): return String(i)
            }
        }
        if !open {
            var decl = TypeDecl(.enum, name, access: access,
                                conformances: [rawType, "Codable", "Hashable", "Sendable", "CaseIterable", "ParameterValue"], doc: doc)
            decl.members = cases.map { c in
                let raw: String? = { if case .string(let s) = c.value, s == c.name { return nil }; return rawLiteral(c.value) }()
                return .enumCase(EnumCaseDecl(c.name, rawValue: raw))
            }
            return decl
        }
        var scope = NameScope(reserved: Set(cases.map { $0.name.replacingAll("`", with: "") }))
        let fallback = scope.claim("unrecognized")
        var decl = TypeDecl(.enum, name, access: access,
                            conformances: ["Codable", "Hashable", "Sendable", "RawRepresentable", "ParameterValue"], doc: doc)
        decl.members = cases.map { .enumCase(EnumCaseDecl($0.name)) }
        var fallbackCase = EnumCaseDecl(fallback, associatedValues: [(nil, rawType)])
        fallbackCase.doc = ["A value this version of the spec does not list."]
        decl.members.append(.enumCase(fallbackCase))
        var initBody = ["switch rawValue {"]
        for c in cases { initBody.append("case \(rawLiteral(c.value)): self = .\(c.name)") }
        initBody += ["default: self = .\(fallback)(rawValue)", "}"]
        decl.members.append(.function(FunctionDecl("init", access: access, parameters: [.init(name: "rawValue", type: rawType)], body: initBody)))
        var rawGetter = ["switch self {"]
        for c in cases { rawGetter.append("case .\(c.name): return \(rawLiteral(c.value))") }
        rawGetter += ["case .\(fallback)(let value): return value", "}"]
        var rawValue = PropertyDecl("rawValue", type: rawType, access: access)
        rawValue.getter = rawGetter
        decl.members.append(.property(rawValue))
        var decode = FunctionDecl("init", access: access, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")],
                                  body: ["self.init(rawValue: try decoder.singleValueContainer().decode(\(rawType).self))"])
        decode.isThrowing = true
        decl.members.append(.function(decode))
        var encode = FunctionDecl("encode", access: access, parameters: [.init(label: "to", name: "encoder", type: "any Encoder")],
                                  body: ["var container = encoder.singleValueContainer()", "try container.encode(rawValue)"])
        encode.isThrowing = true
        decl.members.append(.function(encode))
        return decl
    }
}
