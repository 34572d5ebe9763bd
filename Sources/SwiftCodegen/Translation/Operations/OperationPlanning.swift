import OpenAPIModel

extension TranslationContext {
    /// Plans every operation the configuration selects, in spec order, declaring inline types
    /// under each operation's namespace.
    /// Plans a batch of operations. Names are claimed in `names`, which carries over from one
    /// batch to the next, so planning in batches names everything as planning all at once.
    func planOperations(_ entries: [OperationEntry], credentials: ClientCredentials,
                        names: inout OperationNames) -> [(plan: OperationPlan, namespace: TypeDecl)] {
        var result: [(OperationPlan, TypeDecl)] = []
        for entry in entries {
            let base = OperationNaming.baseName(operationID: entry.operation.operationID, path: entry.path, method: entry.method)
            let methodName = names.methods.claim(SwiftNames.memberName(base))
            // A namespace named like a model would shadow the model inside it.
            var typeBase = SwiftNames.typeName(base)
            if names.types.contains(typeBase) { typeBase += "Operation" }
            let typeName = names.types.claim(typeBase)
            var plan = OperationPlan(
                entry: entry, methodName: methodName, typeName: typeName,
                operationID: entry.operation.operationID ?? "\(entry.method.rawValue) \(entry.path)")
            let qualified = "Operations." + typeName
            var container = container(qualified, openEnums: false, sends: true)
            container.qualifiesNestedTypes = true
            container.sharesInlineTypes = true
            var memberNames = NameScope(reserved: ["body"])

            for p in entry.operation.parameters where !credentials.isShared(p) {
                let swiftName = memberNames.claim(SwiftNames.memberName(p.name))
                let schema = p.schema ?? p.content?.schema
                var use: TypeUse
                if let schema {
                    use = typeUse(schema, hint: p.name, in: &container)
                } else {
                    use = TypeUse(base: "String", nullable: false, shaped: ShapedSchema(shape: .string(format: nil), nullable: false,
                                                                                     effective: Schema(location: p.sourceLocation, pointer: p.pointer)))
                }
                var doc = DocComments.split(p.description)
                if let d = schema?.defaultValue ?? use.shaped.effective.defaultValue, let text = literal(d, for: use) {
                    if !doc.isEmpty { doc.append("") }
                    doc.append("The server's default: `\(text)`.")
                }
                doc += DocComments.serializedExamples(p.serializedExamples + (p.content?.serializedExamples ?? []), separated: !doc.isEmpty)
                if p.location == .path, use.nullable { use = nonNullPathParameter(use, p, schema: schema) }
                let optional = !p.required || use.nullable
                plan.params.append(.init(parameter: p, swiftName: swiftName, use: use, optional: optional, doc: doc))
            }

            if let body = entry.operation.requestBody, let (contentType, media) = OperationNaming.preferredMediaType(body.content) {
                func bodyType(_ contentType: String, _ media: MediaType, hint: String) -> (OperationPlan.BodyKind, String, TypeUse?) {
                    var kind = OperationNaming.bodyKind(contentType)
                    switch kind {
                    case .json, .form:
                        guard let schema = media.schema else { return (kind, "JSONValue", nil) }
                        let use = typeUse(schema, hint: hint, in: &container)
                        return (kind, use.base, use)
                    case .multipart, .multipartItems:
                        // Form fields need names, which typed items do not carry: the caller's parts.
                        if MultipartItemSchema.isFormData(contentType) { return (.multipart, "MultipartFormData", nil) }
                        if let (prefix, rest) = MultipartItemSchema.positions(media, resolve: schema(for:)) {
                            // 3.2 `prefixEncoding`: the caller hands each part as the case of its position.
                            return (.multipartItems, "MultipartUpload<\(multipartPositionsType(prefix, rest: rest, hint: hint + "Part", in: &container))>", nil)
                        }
                        if let item = MultipartItemSchema.item(media) {
                            // 3.2: parts typed by `itemSchema` / `itemEncoding`, each written as the caller produces it.
                            let reading = MultipartItemSchema.reading(MultipartItemSchema.partContentType(media, item: item, resolve: schema(for:)))
                            let type = multipartItemType(item, reading: reading, hint: hint + "Part", in: &container)
                            return (.multipartItems, "MultipartUpload<\(type)>", nil)
                        }
                        return (.multipart, "MultipartFormData", nil)
                    case .text: return (kind, "String", nil)
                    case .binary, .eventStream, .jsonLines, .jsonSequence:
                        if kind == .jsonLines || kind == .jsonSequence, let itemSchema = media.itemSchema {
                            // 3.2: items typed by `itemSchema`, each encoded as the caller produces it.
                            let item = typeUse(itemSchema, hint: hint + "Item", in: &container).rendered
                            return (kind, (kind == .jsonLines ? "JSONLinesUpload" : "JSONSequenceUpload") + "<\(item)>", nil)
                        }
                        if kind == .eventStream, let events = media.itemSchema,
                           let payload = eventUploadPayload(events, hint: hint + "Payload", in: &container) {
                            // 3.2: events described by `itemSchema`, each written as the caller produces it.
                            return (kind, "ServerSentEventUpload<\(payload)>", nil)
                        }
                        // Sent as the caller's bytes, streamed as they are produced.
                        kind = .binary
                        return (kind, "HTTPBody", nil)
                    }
                }
                let (kind, type, use) = bodyType(contentType, media, hint: "Body")
                plan.body = .init(contentType: contentType, kind: kind, type: type, required: body.required, use: use,
                                  doc: DocComments.split(body.description ?? "The request body, sent as `\(contentType)`."))
                if kind == .form { plan.body?.formEncoding = formMemberEncodings(media.encoding) }
                if kind == .multipartItems { plan.body?.partContentType = partContentType(media) }
                if body.content.count > 1 {
                    // The caller picks the media type: the body is an enum with a case for each.
                    var variantNames = NameScope()
                    var variants: [OperationPlan.BodyVariant] = []
                    for (i, (variantType, variantMedia)) in body.content.enumerated() {
                        let base = Self.mediaCaseBase(variantType)
                        let typed = bodyType(variantType, variantMedia, hint: i == 0 ? "Body" : "Body" + SwiftNames.typeName(base))
                        variants.append(.init(contentType: variantType, kind: typed.0, type: typed.1, caseName: variantNames.claim(base),
                                              formEncoding: typed.0 == .form ? formMemberEncodings(variantMedia.encoding) : nil,
                                              partContentType: typed.0 == .multipartItems ? partContentType(variantMedia) : nil))
                    }
                    plan.body?.variants = variants
                    plan.body?.type = "\(qualified).RequestBody"
                    plan.body?.use = nil
                    plan.body?.doc = DocComments.split(body.description ?? "The request body, in the media type the case names.")
                }
            }

            var caseNames = NameScope(reserved: ["undocumented"])
            for (status, response) in sortedResponses(entry.operation.responses) {
                var result = OperationPlan.Result(status: status, caseName: caseNames.claim(OperationNaming.caseName(for: status)),
                                                  doc: DocComments.response(response))
                var responseContainer = container
                responseContainer.openEnums = true
                responseContainer.sends = false
                result.contents = planResponseContents(response, caseName: result.caseName, in: &responseContainer)
                if let shared = headerSetKey(response).flatMap({ sharedHeaderSets[$0] }) {
                    result.headers = shared.headers
                    result.sharedHeaders = shared
                    // The set was translated from another response's copy; what this copy's
                    // schemas say that the code does not honour is still said at their place.
                    for (_, header) in Self.documentedHeaders(response) {
                        if let schema = header.schema ?? header.content?.schema { noteUnhonouredKeywords(schema) }
                    }
                } else {
                    result.headers = planResponseHeaders(response, hintPrefix: result.caseName, in: &responseContainer)
                }
                container.members = responseContainer.members
                container.typeNames = responseContainer.typeNames
                if result.contents.count > 1 { result.bodyEnum = SwiftNames.typeName(result.caseName) + "Body" }
                if !result.headers.isEmpty { result.headersType = SwiftNames.typeName(result.caseName) + "Headers" }
                plan.results.append(result)
            }

            var doc: [String] = []
            if let summary = entry.operation.summary { doc += DocComments.split(summary) }
            if let description = entry.operation.description {
                if !doc.isEmpty { doc.append("") }
                doc += DocComments.split(description)
            }
            if !doc.isEmpty { doc.append("") }
            doc.append("`\(entry.method.token) \(entry.path)`")
            if entry.operation.deprecated { doc += ["", "- Warning: Deprecated in the spec."] }
            plan.doc = doc
            plan.security = entry.operation.security ?? document.security ?? []

            validators.append(inputValidator(plan, qualifiedName: qualified + ".Input"))
            let namespace = operationNamespace(plan, nested: container.members)
            result.append((plan, namespace))
        }
        return result
    }

    /// Explicit codes first (ascending), then ranges, then `default`: the order a `switch`
    /// must test them in.
    func sortedResponses(_ responses: [(status: ResponseStatus, response: Response)]) -> [(ResponseStatus, Response)] {
        func rank(_ s: ResponseStatus) -> (Int, Int) {
            switch s {
            case .code(let c): return (0, c)
            case .range(let r): return (1, r)
            case .default: return (2, 0)
            }
        }
        return responses.sorted { rank($0.status) < rank($1.status) }.map { ($0.status, $0.response) }
    }

    private func inputValidator(_ plan: OperationPlan, qualifiedName: String) -> ValidatorExtension {
        var lines: [String] = []
        var patterns: [(name: String, source: String)] = []
        // An optional parameter or body is checked as it is: the runtime's checks skip nil.
        for p in plan.params {
            lines += validationStatements(p.use.shaped, value: "self." + SwiftNames.escaped(p.swiftName), key: SwiftNames.stringLiteral(p.parameter.name),
                                          patterns: &patterns, typeName: qualifiedName, optional: p.optional)
        }
        if let body = plan.body, let use = body.use {
            lines += validationStatements(use.shaped, value: "self.body", key: "\"\"", patterns: &patterns, typeName: qualifiedName,
                                          optional: !body.required)
        }
        return ValidatorExtension(typeName: qualifiedName, lines: lines, patterns: patterns)
    }

    /// `Operations.X`: the operation's id, its Input and Output, and its inline types.
    private func operationNamespace(_ plan: OperationPlan, nested: [SwiftDecl]) -> TypeDecl {
        var ns = TypeDecl(.enum, plan.typeName, access: access, doc: ["Types of `\(plan.operationID)`."])
        var id = PropertyDecl("id", type: nil, access: access)
        id.isStatic = true
        id.isLet = true
        id.initializer = SwiftNames.stringLiteral(plan.operationID)
        id.doc = ["The operation's id in the spec."]
        ns.members.append(.property(id))

        var input = TypeDecl(.struct, "Input", access: access, conformances: ["Sendable", "Hashable"],
                             doc: ["What the call sends: parameters and body."])
        var parameters: [FunctionDecl.Parameter] = []
        var body: [String] = []
        for p in plan.params {
            let type = p.optional ? p.use.base + "?" : p.use.base
            var doc = p.doc
            if doc.isEmpty { doc = ["The `\(p.parameter.name)` \(p.parameter.location.rawValue) parameter."] }
            input.members.append(.property(PropertyDecl(SwiftNames.escaped(p.swiftName), type: type, access: access, doc: doc)))
            parameters.append(.init(label: p.swiftName, name: SwiftNames.localName(p.swiftName), type: type, defaultValue: p.optional ? "nil" : nil))
            body.append("self.\(SwiftNames.escaped(p.swiftName)) = \(SwiftNames.localName(p.swiftName))")
        }
        if let b = plan.body {
            let type = b.required ? b.type : b.type + "?"
            input.members.append(.property(PropertyDecl("body", type: type, access: access, doc: b.doc)))
            parameters.append(.init(name: "body", type: type, defaultValue: b.required ? nil : "nil"))
            body.append("self.body = body")
        }
        input.members.append(.function(FunctionDecl("init", access: access, parameters: parameters, body: body)))
        ns.members.append(.type(input))
        if let b = plan.body, !b.variants.isEmpty {
            var choice = TypeDecl(.enum, "RequestBody", access: access, conformances: ["Sendable", "Hashable"],
                                  doc: ["The request body in one of the media types the spec accepts."])
            for v in b.variants {
                var c = EnumCaseDecl(SwiftNames.escaped(v.caseName), associatedValues: [(nil, v.type)])
                c.doc = ["Sent as `\(v.contentType)`."]
                choice.members.append(.enumCase(c))
            }
            ns.members.append(.type(choice))
        }

        var output = TypeDecl(.enum, "Output", access: access, conformances: ["OperationOutput", "Hashable"],
                              doc: ["What the server answered, one case per documented status; every case's `headers` holds",
                                    "the documented headers, typed, and the raw response."])
        // Boxed payloads: inline, every Output's value witnesses, copies and `==` would copy each
        // case's body struct field by field (Stripe's error body alone is ~6,000 lines of IR per
        // copy), about half of what the compiler emitted for an Operations file.
        output.isIndirect = true
        var status = ["switch self {"]
        var headerTypes: [SwiftDecl] = []
        for r in plan.results {
            var associated: [(label: String?, type: String)] = []
            let fixedCode: Int?
            if case .code(let c) = r.status { fixedCode = c } else { fixedCode = nil; associated.append(("statusCode", "Int")) }
            if let payload = r.payloadType { associated.append((nil, payload)) }
            associated.append(("headers", headersParameterType(r)))
            var c = EnumCaseDecl(SwiftNames.escaped(r.caseName), associatedValues: associated)
            c.doc = r.doc.isEmpty ? ["HTTP \(r.status)."] : r.doc + ["", "HTTP \(r.status)."]
            output.members.append(.enumCase(c))
            if let fixedCode {
                status.append("case .\(SwiftNames.escaped(r.caseName)): return \(fixedCode)")
            } else {
                let rest = String(repeating: ", _", count: associated.count - 1)
                status.append("case .\(SwiftNames.escaped(r.caseName))(let statusCode\(rest)): return statusCode")
            }
            if r.bodyEnum != nil { headerTypes.append(.type(responseBodyEnumDecl(r))) }
            if let shared = r.sharedHeaders {
                // Keeps `Output.OkHeaders` a name callers and fakes can write, shared or not.
                headerTypes.append(.typeAlias(TypeAliasDecl(r.headersType, type: shared.qualifiedName, access: access,
                                                            doc: ["The headers of the HTTP \(r.status) response, a set other responses document alike."])))
            } else if !r.headers.isEmpty {
                headerTypes.append(.type(responseHeadersDecl(r)))
            }
        }
        var undocumented = EnumCaseDecl("undocumented", associatedValues: [("statusCode", "Int"), (nil, "HTTPResponse")])
        undocumented.doc = ["A status the spec does not document, with the raw response."]
        output.members.append(.enumCase(undocumented))
        status.append("case .undocumented(let statusCode, _): return statusCode")
        status.append("}")
        var statusCode = PropertyDecl("statusCode", type: "Int", access: access, doc: ["The HTTP status code."])
        statusCode.getter = status
        output.members.append(.property(statusCode))
        output.members += headerTypes
        ns.members.append(.type(output))
        ns.members += nested
        return ns
    }
}

/// The names operations have claimed so far: client methods and `Operations` namespaces.
struct OperationNames {
    var methods = NameScope(reserved: ["core"])
    var types: NameScope
    init(reserved: Set<String>) { types = NameScope(reserved: reserved) }
}
