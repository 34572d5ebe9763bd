import OpenAPIModel

extension TranslationContext {
    /// A string or integer enum. Closed (a plain `enum: String`) where the client only sends it;
    /// open (a struct of known constants that holds any value) where it is read from responses,
    /// so a value the server adds later doesn't fail the whole response.
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
                // By code units: a value in another normal form than its (NFC) case name needs its own raw value.
                let raw: String? = { if case .string(let s) = c.value, s.utf8.elementsEqual(c.name.utf8) { return nil }; return rawLiteral(c.value) }()
                return .enumCase(EnumCaseDecl(c.name, rawValue: raw))
            }
            // Outside ASCII, Swift's `==` and JSON Schema's code-point comparison can differ ("ä", "a\u{308}").
            if case .stringEnum(let strings) = shaped.shape, strings.contains(where: { $0.unicodeScalars.contains { !$0.isASCII } }) {
                var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")],
                                            body: ["self = try .decodedByCodePoints(from: decoder)"])
                initDecl.isThrowing = true
                decl.members.append(.function(initDecl))
            }
            return decl
        }
        // Open: a RawRepresentable struct with a static constant per listed value. It decodes any
        // value, `switch` still matches `case .pending:` (against the constants), and each value
        // costs one line of code rather than a case in three switch statements.
        var decl = TypeDecl(.struct, name, access: access,
                            conformances: ["RawRepresentable", "Codable", "Hashable", "Sendable", "ParameterValue", "OpenEnumeration"], doc: doc)
        var rawValue = PropertyDecl("rawValue", type: rawType, access: access)
        rawValue.doc = []
        decl.members.append(.property(rawValue))
        decl.members.append(.function(FunctionDecl("init", access: access, parameters: [.init(name: "rawValue", type: rawType)],
                                                   body: ["self.rawValue = rawValue"])))
        for c in cases {
            var constant = PropertyDecl(c.name, type: nil, access: access)
            constant.isStatic = true
            constant.isLet = true
            constant.initializer = "\(name)(rawValue: \(rawLiteral(c.value)))"
            decl.members.append(.property(constant))
        }
        var known = PropertyDecl("knownValues", type: "[\(name)]", access: access,
                                 doc: ["The values the spec lists; a response may carry others."])
        known.isStatic = true
        known.isLet = true
        known.initializer = "[" + cases.map { "." + $0.name }.joined(separator: ", ") + "]"
        decl.members.append(.property(known))
        return decl
    }
}
