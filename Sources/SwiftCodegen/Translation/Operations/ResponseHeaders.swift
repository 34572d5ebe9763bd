import OpenAPIModel

extension TranslationContext {
    /// The headers `response` documents, each typed by its schema; inline header schemas are
    /// declared in `container`, named `hintPrefix` and the header's name. A `Content-Type` entry
    /// is skipped, as OpenAPI says it is ignored: the media type is what the response's
    /// `content` keys say.
    func planResponseHeaders(_ response: Response, hintPrefix: String, in container: inout Container) -> [OperationPlan.ResponseHeader] {
        var names = NameScope(reserved: ["raw"])
        var result: [OperationPlan.ResponseHeader] = []
        for (name, header) in Self.documentedHeaders(response) {
            var type = "String"
            var shape = ".scalar"
            if let schema = header.schema ?? header.content?.schema {
                let use = typeUse(schema, hint: (hintPrefix.isEmpty ? "" : SwiftNames.typeName(hintPrefix)) + SwiftNames.typeName(name), in: &container)
                type = use.base
                if header.content != nil {
                    shape = ".json"
                } else {
                    switch queryLabel(use) {
                    case "value": shape = ".scalar"
                    case "values": shape = ".list"
                    default:
                        if case .array = use.shaped.shape { shape = ".list" } else { shape = ".object(explode: \(header.explode))" }
                    }
                }
            } else if header.content != nil {
                type = "JSONValue"
                shape = ".json"
            }
            var doc = DocComments.split(header.description)
            if doc.isEmpty { doc = ["The `\(name)` response header."] }
            if header.deprecated { doc += ["", "- Warning: Deprecated in the spec."] }
            result.append(.init(name: name, swiftName: names.claim(SwiftNames.memberName(name)), type: type,
                                required: header.required, shape: shape, doc: doc))
        }
        return result
    }

    /// The header fields a response documents, in spec order, without `Content-Type`.
    static func documentedHeaders(_ response: Response) -> [(name: String, header: Header)] {
        response.headers.elements.filter { $0.key.lowercased() != "content-type" }.map { ($0.key, $0.value) }
    }

    /// `Output.OkHeaders`: the typed headers of one response beside the raw response, read by
    /// `init(decoding:operationID:)`.
    func responseHeadersDecl(_ result: OperationPlan.Result) -> TypeDecl {
        responseHeadersDecl(result.headersType, headers: result.headers, rawStatus: result.nominalStatus,
                            doc: ["The headers of the HTTP \(result.status) response."])
    }

    /// A headers struct named `name`: `headers` typed, beside the raw response, read by
    /// `init(decoding:operationID:)`; one built in code says it has status `rawStatus`.
    func responseHeadersDecl(_ name: String, headers: [OperationPlan.ResponseHeader], rawStatus: Int, doc: [String]) -> TypeDecl {
        var decl = TypeDecl(.struct, name, access: access, conformances: ["Sendable", "Hashable"], doc: doc)
        var parameters: [FunctionDecl.Parameter] = []
        var assign: [String] = []
        var decode: [String] = []
        for h in headers {
            let type = h.required ? h.type : h.type + "?"
            decl.members.append(.property(PropertyDecl(SwiftNames.escaped(h.swiftName), type: type, access: access, doc: h.doc)))
            parameters.append(.init(label: h.swiftName, name: SwiftNames.localName(h.swiftName), type: type,
                                    defaultValue: h.required ? nil : "nil"))
            assign.append("self.\(SwiftNames.escaped(h.swiftName)) = \(SwiftNames.localName(h.swiftName))")
            let reader = h.required ? "required" : "optional"
            decode.append("self.\(SwiftNames.escaped(h.swiftName)) = try ResponseHeaderDecoding.\(reader)(\(h.type).self, "
                + "\(SwiftNames.stringLiteral(h.name)), \(h.shape), in: response, operationID: operationID)")
        }
        var raw = PropertyDecl("raw", type: "HTTPResponse", access: access,
                               doc: ["The response as received: status, every header field and the buffered body."])
        raw.isLet = false
        decl.members.append(.property(raw))
        parameters.append(.init(name: "raw", type: "HTTPResponse", defaultValue: "HTTPResponse(status: \(rawStatus))"))
        assign.append("self.raw = raw")
        decl.members.append(.function(FunctionDecl("init", access: access, parameters: parameters,
                                                   doc: ["Creates the headers of a response built in code (by a fake server or a test)."],
                                                   body: assign)))
        var reading = FunctionDecl("init", access: access,
                                   parameters: [.init(label: "decoding", name: "response", type: "HTTPResponse"),
                                                .init(name: "operationID", type: "String")],
                                   doc: ["Reads the documented headers of `response`; a required one that is missing, or one whose",
                                         "text its schema cannot read, throws `ClientError.undecodableResponse`."],
                                   body: decode + ["self.raw = response"])
        reading.isThrowing = true
        decl.members.append(.function(reading))
        // `raw` holds whatever the server added (dates, trace ids), so equality is kept to what
        // the spec documents: a decoded output equals one built in code from the same values.
        let fields = headers.map { SwiftNames.escaped($0.swiftName) }
        var equals = FunctionDecl("==", access: access, parameters: [.init(name: "lhs", type: "Self"), .init(name: "rhs", type: "Self")],
                                  returnType: "Bool", doc: ["Compares the documented headers; `raw` is not compared."],
                                  body: [fields.map { "lhs.\($0) == rhs.\($0)" }.joined(separator: " && ")])
        equals.modifiers = ["static"]
        decl.members.append(.function(equals))
        decl.members.append(.function(FunctionDecl("hash", access: access, parameters: [.init(label: "into", name: "hasher", type: "inout Hasher")],
                                                   body: fields.map { "hasher.combine(\($0))" })))
        return decl
    }

    /// The `headers:` associated value's type, with a default when every documented header is
    /// optional, so fakes and tests can still write `.ok(body)`.
    func headersParameterType(_ result: OperationPlan.Result) -> String {
        if result.headers.isEmpty { return "ResponseHeaders = .init(status: \(result.nominalStatus))" }
        if result.headers.contains(where: \.required) { return result.headersType }
        // A shared struct's own default status is that of every response using it, or 0 when
        // they differ; the case then says its own.
        if let shared = result.sharedHeaders, shared.rawStatus != result.nominalStatus {
            return result.headersType + " = .init(raw: HTTPResponse(status: \(result.nominalStatus)))"
        }
        return result.headersType + " = .init()"
    }
}
