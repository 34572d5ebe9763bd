import OpenAPIModel

extension TranslationContext {
    /// The enum of an event stream whose `itemSchema` is a union of event kinds: one case per
    /// kind, picked by the event's name, its data typed as the kind says; `other` keeps an
    /// event no kind names, as it arrived (servers add kinds). Declared in `container`;
    /// returns its name there.
    func eventKindsType(_ kinds: [StreamItemSchema.EventKind], hint: String, in container: inout Container) -> String {
        let name = container.typeNames.claim(SwiftNames.typeName(hint))
        var decl = TypeDecl(.enum, name, access: access,
                            conformances: ["ServerSentEventDecodable", "ServerSentEventEncodable", "Hashable", "Validatable"],
                            doc: ["An event of the stream, by its `event` name."])
        var caseNames = NameScope(reserved: ["other"])
        var decode = ["switch event.event {"]
        var encode = ["switch self {"]
        var validate = ["switch self {"]
        for kind in kinds {
            let caseName = SwiftNames.escaped(caseNames.claim(SwiftNames.memberName(kind.name)))
            let literal = SwiftNames.stringLiteral(kind.name)
            let type: String
            switch kind.data {
            case .json(let payload):
                type = payload.map { typeUse($0, hint: hint + SwiftNames.typeName(kind.name), in: &container).rendered } ?? "JSONValue"
                decode.append("case \(literal): self = .\(caseName)(try event.decodeJSON(\(type).self))")
                encode.append("case .\(caseName)(let value): return try .json(value, event: \(literal))")
            default:
                type = "String"
                decode.append("case \(literal): self = .\(caseName)(event.data)")
                encode.append("case .\(caseName)(let value): return ServerSentEvent(event: \(literal), data: value)")
            }
            validate.append("case .\(caseName)(let value): v.nestedIfConstrained(value, at: \"data\")")
            var enumCase = EnumCaseDecl(caseName, associatedValues: [(nil, type)])
            enumCase.doc = ["`event: \(kind.name)`."]
            decl.members.append(.enumCase(enumCase))
        }
        var other = EnumCaseDecl("other", associatedValues: [(nil, "ServerSentEvent")])
        other.doc = ["An event no kind of the spec names, as it arrived."]
        decl.members.append(.enumCase(other))
        decode += ["default: self = .other(event)", "}"]
        encode += ["case .other(let event): return event", "}"]
        var initDecl = FunctionDecl("init", access: access, parameters: [.init(label: "event", name: "event", type: "ServerSentEvent")], body: decode)
        initDecl.isThrowing = true
        initDecl.doc = ["The kind `event` names; throws when its data does not decode into the kind's schema."]
        decl.members.append(.function(initDecl))
        var encodeDecl = FunctionDecl("serverSentEvent", access: access, returnType: "ServerSentEvent", body: encode)
        encodeDecl.isThrowing = true
        encodeDecl.doc = ["The event this value is sent as."]
        decl.members.append(.function(encodeDecl))
        validate += ["case .other: break", "}"]
        decl.members.append(.function(validateDecl(validate)))
        container.members.append(.type(decl))
        return container.reference(name)
    }

    /// `validate(into:)` of an enum of event kinds or of position-typed parts: the value of its
    /// case checked against its schema (with `ClientOptions.validateResponses`, as it arrives).
    func validateDecl(_ body: [String]) -> FunctionDecl {
        var decl = FunctionDecl("validate", access: access, parameters: [.init(label: "into", name: "v", type: "inout Validator")], body: body)
        decl.doc = ["Checks the value of the case against its schema."]
        return decl
    }
}
