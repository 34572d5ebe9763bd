import OpenAPIModel

extension TranslationContext {
    /// The protocol with one method per operation: what the client implements, and what fakes,
    /// mocks and servers implement too.
    func apiProtocol(_ plans: [OperationPlan], name: String) -> TypeDecl {
        let info = document.info
        var doc = ["\(info.title) (version \(info.version)): one method per operation."]
        if let d = info.description, !d.isEmpty { doc += [""] + DocComments.split(d) }
        var proto = TypeDecl(.protocol, name, access: access, conformances: ["Sendable"], doc: doc)
        for plan in plans {
            var f = FunctionDecl(plan.methodName, parameters: [.init(label: "_", name: "input", type: "Operations.\(plan.typeName).Input")],
                                 returnType: "Operations.\(plan.typeName).Output", doc: plan.doc)
            f.isAsync = true
            f.isThrowing = true
            proto.members.append(.function(f))
        }
        return proto
    }

    /// Per-operation conveniences on the protocol: labelled arguments in, the success body out,
    /// any other documented or undocumented status thrown as an `OperationError` carrying it.
    func convenienceExtension(_ plans: [OperationPlan], protocolName: String) -> TypeDecl {
        var ext = TypeDecl(.extension, protocolName)
        for plan in plans {
            guard let success = plan.success else { continue }
            var parameters: [FunctionDecl.Parameter] = []
            var arguments: [String] = []
            for p in plan.params {
                parameters.append(.init(label: p.swiftName, name: SwiftNames.localName(p.swiftName),
                                        type: p.optional ? p.use.base + "?" : p.use.base, defaultValue: p.optional ? "nil" : nil))
                arguments.append("\(p.swiftName): \(SwiftNames.localName(p.swiftName))")
            }
            if let b = plan.body {
                parameters.append(.init(name: "body", type: b.required ? b.type : b.type + "?", defaultValue: b.required ? nil : "nil"))
                arguments.append("body: body")
            }
            let ns = "Operations.\(plan.typeName)"
            let call = "let output = try await self.\(plan.methodName)(\(ns).Input(\(arguments.joined(separator: ", "))))"
            var body = [call]
            let pattern: String
            switch (success.status, success.payloadType) {
            case (_, nil): pattern = "case .\(SwiftNames.escaped(success.caseName)) = output"
            case (.code, _?): pattern = "case .\(SwiftNames.escaped(success.caseName))(let value, _) = output"
            case (_, _?): pattern = "case .\(SwiftNames.escaped(success.caseName))(_, let value, _) = output"
            }
            body.append("guard \(pattern) else {")
            body.append("    throw OperationError(operationID: \(ns).id, output: output)")
            body.append("}")
            if success.payloadType != nil { body.append("return value") }
            // The full description is on the protocol requirement; repeating it here would double
            // the documentation text of every operation.
            var doc = DocComments.split(plan.entry.operation.summary)
            if !doc.isEmpty { doc.append("") }
            doc += ["Returns the HTTP \(success.status) body; any other status throws `OperationError<\(ns).Output>`.",
                    "See ``\(protocolName)/\(plan.methodName)(_:)`` for the operation's description."]
            var f = FunctionDecl(plan.methodName, access: access, parameters: parameters, returnType: success.bodyEnum.map { "\(ns).Output." + $0 } ?? success.payloadType, doc: doc, body: body)
            f.isAsync = true
            f.isThrowing = true
            // Marked here rather than on the protocol requirement, so the module itself never
            // calls a deprecated declaration (and compiles without warnings).
            if plan.entry.operation.deprecated { f.attributes = ["@available(*, deprecated)"] }
            ext.members.append(.function(f))
        }
        return ext
    }

    func serversDecl() -> (decl: TypeDecl, defaultServer: String?) {
        var servers = TypeDecl(.enum, "Servers", access: access, doc: ["The servers the spec lists."])
        var defaultServer: String?
        for (i, server) in document.servers.enumerated() {
            let name = "server\(i + 1)"
            var doc = DocComments.split(server.description)
            if !doc.isEmpty { doc.append("") }
            doc.append("`\(server.url)`")
            if server.variables.isEmpty {
                var p = PropertyDecl(name, type: "URL", access: access, doc: doc)
                p.isStatic = true
                p.isLet = true
                p.initializer = "URL(string: \(SwiftNames.stringLiteral(server.url)))!"
                servers.members.append(.property(p))
                if i == 0, server.url.contains("://") { defaultServer = "Servers.\(name)" }
            } else {
                var parameters: [FunctionDecl.Parameter] = []
                var body = ["var url = \(SwiftNames.stringLiteral(server.url))"]
                var scope = NameScope()
                for (key, variable) in server.variables {
                    let swiftName = scope.claim(SwiftNames.memberName(key))
                    parameters.append(.init(name: swiftName, type: "String", defaultValue: SwiftNames.stringLiteral(variable.defaultValue)))
                    body.append("url = url.replacingOccurrences(of: \(SwiftNames.stringLiteral("{\(key)}")), with: \(SwiftNames.escaped(swiftName)))")
                }
                body.append("return URL(string: url)!")
                var f = FunctionDecl(name, access: access, parameters: parameters, returnType: "URL", doc: doc, body: body)
                f.modifiers = ["static"]
                servers.members.append(.function(f))
                if i == 0, server.url.contains("://") { defaultServer = "Servers.\(name)()" }
            }
        }
        return (servers, defaultServer)
    }

    /// The client: holds the transport and credentials, validates input before sending, and maps
    /// each response to the operation's output.
    func clientDecl(_ plans: [OperationPlan], name: String, protocolName: String, credentials: ClientCredentials, defaultServer: String?) -> TypeDecl {
        var client = TypeDecl(.struct, name, access: access, conformances: [protocolName],
                              doc: ["Calls \(document.info.title) over HTTP through an `HTTPTransport`."])
        var core = PropertyDecl("core", type: "ClientCore", access: access,
                                doc: ["Base URL, transport and the request/response plumbing every operation shares."])
        core.isLet = true
        client.members.append(.property(core))
        var parameters: [FunctionDecl.Parameter] = [.init(name: "baseURL", type: "URL", defaultValue: defaultServer)]
        // Whatever the spec names its credentials, they never reach a log line.
        var secretNames = credentials.sharedHeaders.map(\.headerName)
        for s in credentials.schemes { if case .apiKey(let name, _) = s.scheme.kind { secretNames.append(name) } }
        let options = secretNames.isEmpty ? "options" : "options.redacting([\(secretNames.map(SwiftNames.stringLiteral).joined(separator: ", "))])"
        var body = ["self.core = ClientCore(baseURL: baseURL, transport: transport, options: \(options))"]
        for h in credentials.sharedHeaders {
            var p = PropertyDecl(h.swiftName, type: "String", access: access, doc: h.doc)
            p.isLet = true
            client.members.append(.property(p))
            parameters.append(.init(name: h.swiftName, type: "String"))
            body.append("self.\(SwiftNames.escaped(h.swiftName)) = \(SwiftNames.escaped(h.swiftName))")
        }
        for s in credentials.schemes {
            for n in s.swiftNames {
                var p = PropertyDecl(n, type: "String?", access: access,
                                     doc: DocComments.credential(s.schemeName, s.scheme))
                p.isLet = true
                client.members.append(.property(p))
                parameters.append(.init(name: n, type: "String?", defaultValue: "nil"))
                body.append("self.\(SwiftNames.escaped(n)) = \(SwiftNames.escaped(n))")
            }
        }
        parameters.append(.init(name: "transport", type: "any HTTPTransport", defaultValue: "URLSessionTransport()"))
        parameters.append(.init(name: "options", type: "ClientOptions", defaultValue: "ClientOptions()"))
        client.members.append(.function(FunctionDecl("init", access: access, parameters: parameters,
                                                      doc: ["Creates a client; `baseURL` defaults to the spec's first server.",
                                                            "`options` sets retries, timeouts and logging."], body: body)))
        return client
    }

    /// The client's implementation of each protocol method.
    func clientMethods(_ plans: [OperationPlan], credentials: ClientCredentials) -> [SwiftDecl] {
        plans.map { .function(clientMethod($0, credentials: credentials)) }
    }

    private func clientMethod(_ plan: OperationPlan, credentials: ClientCredentials) -> FunctionDecl {
        let ns = "Operations.\(plan.typeName)"
        var body = ["try core.validate(input, operationID: \(ns).id)"]
        body.append("var request = HTTPRequest(method: \(SwiftNames.stringLiteral(plan.entry.method.token)), path: \(pathExpression(plan)))")
        var cookies: [String] = []
        for p in plan.params {
            let value = "input." + p.swiftName
            let name = SwiftNames.stringLiteral(p.parameter.name)
            let style = ".\(p.parameter.effectiveStyle.rawValue)"
            let explode = p.parameter.effectiveExplode ? "true" : "false"
            switch p.parameter.location {
            case .path:
                continue
            case .query:
                let label = queryLabel(p.use)
                if p.parameter.allowReserved {
                    // Reserved characters are sent as they are: the items this parameter adds say so.
                    body.append("QueryEncoding.allowingReserved(&request.query) { QueryEncoding.append(&$0, name: \(name), \(label): \(value), style: \(style), explode: \(explode)) }")
                } else {
                    body.append("QueryEncoding.append(&request.query, name: \(name), \(label): \(value), style: \(style), explode: \(explode))")
                }
            case .querystring:
                let call = queryStringCall(p)
                body.append(p.optional ? "if let value = \(value) { request.queryString = \(call("value")) }" : "request.queryString = \(call(value))")
            case .header, .cookie:
                let label = queryLabel(p.use)
                let text: (String) -> String = { v in
                    label == "object" || label == "encodable"
                        ? "HeaderEncoding.text(encodable: \(v), explode: \(explode))" : "HeaderEncoding.text(\(v))"
                }
                if p.parameter.location == .header {
                    body.append(p.optional
                        ? "if let value = \(value) { request.headers.append(\(name), \(text("value"))) }"
                        : "request.headers.append(\(name), \(text(value)))")
                } else {
                    let prefix = SwiftNames.stringLiteral(p.parameter.name + "=")
                    // 3.2's `style: cookie` sends values as they are: the caller escapes them.
                    let cookie: (String) -> String = { v in p.parameter.style == .cookie ? text(v) : "HeaderEncoding.cookie(\(text(v)))" }
                    cookies.append(p.optional
                        ? "if let value = \(value) { cookies.append(\(prefix) + \(cookie("value"))) }"
                        : "cookies.append(\(prefix) + \(cookie(value)))")
                }
            }
        }
        if !cookies.isEmpty {
            body.append("var cookies: [String] = []")
            body += cookies
            body.append("if !cookies.isEmpty { request.headers.append(\"Cookie\", cookies.joined(separator: \"; \")) }")
        }
        for h in credentials.sharedHeaders {
            body.append("request.headers.append(\(SwiftNames.stringLiteral(h.headerName)), HeaderEncoding.text(\(h.swiftName)))")
        }
        body += securityStatements(plan, credentials: credentials)
        if let accept = acceptHeader(plan) { body.append("request.headers.append(\"Accept\", \(SwiftNames.stringLiteral(accept)))") }
        if let b = plan.body {
            body += requestBodyStatements(b, ns: ns)
        }
        // Nothing to add (no parameters, credentials, body or Accept): `let`, or Swift warns.
        if !body.dropFirst(2).contains(where: { $0.contains("request.") || $0.contains("&request") }) {
            body[1] = "let" + body[1].dropFirst(3)
        }
        let streams = plan.streams
        if streams {
            let upload = plan.body.map { $0.kind.uploads || $0.variants.contains { $0.kind.uploads } } == true ? "upload: upload, " : ""
            body.append("let (response, received) = try await core.stream(request, \(upload)operationID: \(ns).id)")
        } else {
            body.append("let response = try await core.send(request, operationID: \(ns).id)")
        }
        body.append("switch response.status {")
        for r in plan.results {
            let pattern: String
            switch r.status {
            case .code(let c): pattern = "case \(c):"
            case .range(let d): pattern = "case \(d * 100)..<\(d * 100 + 100):"
            case .default: pattern = "default:"
            }
            body.append(pattern)
            body += resultStatements(r, ns: ns, streams: streams).map { "    " + $0 }
        }
        if !plan.results.contains(where: { $0.status == .default }) {
            body.append("default:")
            body.append(streams ? "    return .undocumented(statusCode: response.status, try await core.buffer(response, received))"
                                : "    return .undocumented(statusCode: response.status, response)")
        }
        body.append("}")
        var f = FunctionDecl(plan.methodName, access: access, parameters: [.init(label: "_", name: "input", type: "\(ns).Input")],
                             returnType: "\(ns).Output", body: body)
        f.isAsync = true
        f.isThrowing = true
        return f
    }

    /// Sets `Content-Type` and the body; a binary body goes in `upload`, sent as it is produced.
    private func requestBodyStatements(_ b: OperationPlan.Body, ns: String) -> [String] {
        func encoding(_ kind: OperationPlan.BodyKind, _ contentType: String, _ formEncoding: String?, _ partContentType: String?) -> [String] {
            // Text is sent as UTF-8, which a bare text/* type would not say (its default is US-ASCII).
            let declared = kind == .text && !contentType.lowercased().contains("charset") ? contentType + "; charset=utf-8" : contentType
            var header = kind == .multipart ? "body.contentType" : SwiftNames.stringLiteral(declared)
            // The boundary is the upload's; the media type (`multipart/mixed`) the spec's.
            if kind == .multipartItems { header = "body.contentType(\(SwiftNames.stringLiteral(Self.mediaEssence(contentType))))" }
            let set: String
            switch kind {
            case .json: set = "request.body = try core.encodeJSON(body, operationID: \(ns).id)"
            case .form: set = "request.body = try FormEncoding.encode(body\(formEncoding.map { ", encoding: " + $0 } ?? ""))"
            case .multipart: set = "request.body = body.encoded()"
            case .text: set = "request.body = Data(body.utf8)"
            case .binary: set = "upload = body"
            case .eventStream: set = "upload = body.body"
            case .jsonLines, .jsonSequence: set = "upload = body.body"
            case .multipartItems: set = "upload = body.body(partContentType: \(SwiftNames.stringLiteral(partContentType ?? "application/json")))"
            }
            return ["request.headers.append(\"Content-Type\", \(header))", set]
        }
        let uploads = b.kind.uploads || b.variants.contains { $0.kind.uploads }
        var lines: [String] = uploads ? ["var upload: HTTPBody?"] : []
        var inner: [String]
        if b.variants.isEmpty {
            inner = encoding(b.kind, b.contentType, b.formEncoding, b.partContentType)
        } else {
            inner = ["switch body {"]
            for v in b.variants {
                inner.append("case .\(SwiftNames.escaped(v.caseName))(let body):")
                inner += encoding(v.kind, v.contentType, v.formEncoding, v.partContentType).map { "    " + $0 }
            }
            inner.append("}")
        }
        if b.required {
            lines.append("let body = input.body")
            lines += inner
        } else {
            lines.append("if let body = input.body {")
            lines += inner.map { "    " + $0 }
            lines.append("}")
        }
        return lines
    }

    /// The statements returning one documented status's case.
    private func resultStatements(_ r: OperationPlan.Result, ns: String, streams: Bool) -> [String] {
        var lines: [String] = []
        // The kinds read at once need the whole body; a stream's is left to the caller.
        let buffer = "let response = try await core.buffer(response, received)"
        if streams, r.contents.count == 1, !r.contents[0].kind.streams { lines.append(buffer) }
        var prefix: [String] = []
        if case .code = r.status {} else { prefix.append("statusCode: response.status") }
        let headers = r.headers.isEmpty ? "headers: ResponseHeaders(raw: response)"
            : "headers: try \(ns).Output.\(r.headersType)(decoding: response, operationID: \(ns).id)"
        let name = SwiftNames.escaped(r.caseName)
        func ret(_ payload: String?) -> String {
            "return .\(name)(" + (prefix + (payload.map { [$0] } ?? []) + [headers]).joined(separator: ", ") + ")"
        }
        switch r.contents.count {
        case 0:
            lines.append(ret(nil))
        case 1:
            lines.append(ret(contentExpression(r.contents[0], ns: ns, streams: streams)))
        default:
            let documented = r.contents.map { SwiftNames.stringLiteral($0.contentType) }.joined(separator: ", ")
            lines.append("switch try core.contentIndex(response, documented: [\(documented)], operationID: \(ns).id) {")
            for (i, c) in r.contents.enumerated() {
                lines.append(i == r.contents.count - 1 ? "default:" : "case \(i):")
                if streams, !c.kind.streams { lines.append("    " + buffer) }
                lines.append("    " + ret(".\(SwiftNames.escaped(c.caseName))(\(contentExpression(c, ns: ns, streams: streams)))"))
            }
            lines.append("}")
        }
        return lines
    }

    func queryLabel(_ use: TypeUse) -> String {
        switch use.shaped.shape {
        case .array(let items):
            guard let items else { return "encodable" }
            let item = SchemaShaper.shape(items)
            if item.nullable { return "encodable" }
            return queryLabel(TypeUse(base: "", nullable: false, shaped: item)) == "value" ? "values" : "encodable"
        case .map(let values):
            if let values, case .string = SchemaShaper.shape(values).shape { return "object" }
            return "encodable"
        case .object, .allOf, .union, .any, .primitiveUnion: return "encodable"
        case .reference(let target):
            guard let resolved = schema(for: target) else { return "encodable" }
            let shaped = SchemaShaper.shape(resolved)
            if shaped.nullable { return "encodable" }
            return queryLabel(TypeUse(base: use.base, nullable: use.nullable, shaped: shaped))
        default: return "value"
        }
    }

    /// The path template with each `{name}` replaced by the encoded parameter.
    private func pathExpression(_ plan: OperationPlan) -> String {
        var out = "\""
        var rest = Substring(plan.entry.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += Self.escapeLiteral(String(rest[..<open]))
            var name = String(rest[rest.index(after: open)..<close])
            if name.hasSuffix("*") { name.removeLast() }
            if let p = plan.params.first(where: { $0.parameter.location == .path && $0.parameter.name == name }) {
                let value = "input.\(p.swiftName)"
                let label = queryLabel(p.use) == "object" ? "encodable" : queryLabel(p.use)
                let style = p.parameter.effectiveStyle
                if label == "value", style != .label, style != .matrix {
                    out += "\\(PathEncoding.segment(\(value)))"
                } else {
                    out += "\\(PathEncoding.render(name: \(SwiftNames.stringLiteral(name)), \(label): \(value), style: .\(style.rawValue), explode: \(p.parameter.effectiveExplode)))"
                }
            } else {
                out += Self.escapeLiteral(String(rest[open...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        out += Self.escapeLiteral(String(rest)) + "\""
        return out
    }

    private static func escapeLiteral(_ s: String) -> String {
        String(SwiftNames.stringLiteral(s).dropFirst().dropLast())
    }

    /// Applies the first security alternative whose credentials the client holds.
    private func securityStatements(_ plan: OperationPlan, credentials: ClientCredentials) -> [String] {
        var lines: [String] = []
        var alternatives: [[String]] = []
        for requirement in plan.security {
            var conditions: [String] = []
            var apply: [String] = []
            for schemeName in requirement.schemes.keys.sorted() {
                guard let c = credentials.schemes.first(where: { $0.schemeName == schemeName }) else { continue }
                switch c.scheme.kind {
                case .apiKey(let name, let location):
                    conditions.append("let \(c.swiftNames[0]) = \(c.swiftNames[0])")
                    switch location {
                    case .query: apply.append("request.query.append(QueryItem(name: \(SwiftNames.stringLiteral(name)), value: \(c.swiftNames[0])))")
                    case .cookie: apply.append("request.headers.append(\"Cookie\", \(SwiftNames.stringLiteral(name + "=")) + HeaderEncoding.cookie(\(c.swiftNames[0])))")
                    default: apply.append("request.headers.append(\(SwiftNames.stringLiteral(name)), HeaderEncoding.text(\(c.swiftNames[0])))")
                    }
                case .http(let scheme, _) where scheme.lowercased() == "basic":
                    conditions.append("let \(c.swiftNames[0]) = \(c.swiftNames[0])")
                    conditions.append("let \(c.swiftNames[1]) = \(c.swiftNames[1])")
                    apply.append("request.headers.append(\"Authorization\", \"Basic \" + Data((\(c.swiftNames[0]) + \":\" + \(c.swiftNames[1])).utf8).base64EncodedString())")
                case .http(let scheme, _):
                    conditions.append("let \(c.swiftNames[0]) = \(c.swiftNames[0])")
                    let prefix = scheme.lowercased() == "bearer" ? "Bearer" : scheme
                    apply.append("request.headers.append(\"Authorization\", \(SwiftNames.stringLiteral(prefix + " ")) + HeaderEncoding.text(\(c.swiftNames[0])))")
                case .oauth2, .openIDConnect:
                    conditions.append("let \(c.swiftNames[0]) = \(c.swiftNames[0])")
                    apply.append("request.headers.append(\"Authorization\", \"Bearer \" + HeaderEncoding.text(\(c.swiftNames[0])))")
                case .mutualTLS:
                    continue
                }
            }
            if !conditions.isEmpty { alternatives.append(["if " + conditions.joined(separator: ", ") + " {"] + apply.map { "    " + $0 }) }
        }
        for (i, alt) in alternatives.enumerated() {
            var first = alt[0]
            if i > 0 { first = "} else " + first }
            lines.append(first)
            lines += alt.dropFirst()
        }
        if !alternatives.isEmpty { lines.append("}") }
        return lines
    }
}
