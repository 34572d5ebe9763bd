import OpenAPIModel

extension TranslationContext {
    /// `<Module>Server`: serves any implementation of the API protocol. It lists a route per
    /// operation, and for each operation a function that reads the request into its `Input`
    /// (`serverReadStatements`), calls the handler, and writes the `Output` back
    /// (`serverWriteStatements`); routing, limits and refusals are the runtime's `ServerCore`.
    func serverDecls(_ plans: [OperationPlan], name: String, protocolName: String, credentials: ClientCredentials) -> [TypeDecl] {
        var server = TypeDecl(.struct, name + "<Handler: \(protocolName)>", access: access, conformances: ["Sendable"],
                              doc: ["Serves any `\(protocolName)` over HTTP: routes each request to its operation, reads and",
                                    "validates its input, calls the handler and writes its output back."])
        var handler = PropertyDecl("handler", type: "Handler", access: access, doc: ["The implementation requests are answered by."])
        handler.isLet = true
        var core = PropertyDecl("core", type: "ServerCore", access: access, doc: ["Routing, body limits and the answers to refused requests."])
        core.isLet = true
        server.members += [.property(handler), .property(core)]

        var routes: [String] = []
        var streaming: [Int] = []
        for (index, plan) in plans.enumerated() {
            routes.append("    ServerRoute(\(SwiftNames.stringLiteral(plan.entry.method.token)), \(SwiftNames.stringLiteral(plan.entry.path)), operationID: Operations.\(plan.typeName).id),")
            if let b = plan.body, b.variants.isEmpty, b.kind.uploads { streaming.append(index) }
        }
        let streamingText = streaming.isEmpty ? "" : "streamingBodies: [\(streaming.map(String.init).joined(separator: ", "))], "
        server.members.append(.function(FunctionDecl(
            "init", access: access,
            parameters: [.init(name: "handler", type: "Handler"), .init(name: "options", type: "ServerOptions", defaultValue: "ServerOptions()")],
            doc: ["Serves `handler`; `options` sets the body limit and logging."],
            body: ["self.handler = handler", "self.core = ServerCore(routes: ["] + routes + ["], \(streamingText)options: options)"])))

        var dispatch = ["await core.handle(request, body: body) { route, request in", "    switch route {"]
        for (index, plan) in plans.enumerated() {
            dispatch.append("    case \(index): return try await self.\(Self.serverFunctionName(plan))(request)")
        }
        dispatch += ["    default: throw ServerRejection(status: 404, problems: [])", "    }", "}"]
        var handle = FunctionDecl("handle", access: access,
                                  parameters: [.init(label: "_", name: "request", type: "HTTPRequest"), .init(name: "body", type: "HTTPBody")],
                                  returnType: "(HTTPResponse, HTTPBody)",
                                  doc: ["Answers one request; what a `ServerTransport` calls (never throws: every failure is a status)."],
                                  body: plans.isEmpty ? ["await core.handle(request, body: body) { _, _ in throw ServerRejection(status: 404, problems: []) }"] : dispatch)
        handle.isAsync = true
        server.members.append(.function(handle))

        var run = FunctionDecl("register", access: access, parameters: [.init(label: "on", name: "transport", type: "some ServerTransport")],
                               doc: ["Hands every request `transport` receives to ``handle(_:body:)``; start the transport to serve."],
                               body: ["try await transport.register({ request, body in await self.handle(request, body: body) }, methods: core.methods)"])
        run.isAsync = true
        run.isThrowing = true
        server.members.append(.function(run))

        for plan in plans {
            server.members.append(.function(serverFunction(plan, credentials: credentials)))
        }

        var ext = TypeDecl(.extension, protocolName)
        var serve = FunctionDecl("registerHandlers", access: access,
                                 parameters: [.init(label: "on", name: "transport", type: "some ServerTransport"),
                                              .init(name: "options", type: "ServerOptions", defaultValue: "ServerOptions()")],
                                 doc: ["Answers the requests `transport` receives with this implementation, through `\(name)`;",
                                       "start the transport to serve."],
                                 body: ["try await \(name)(handler: self, options: options).register(on: transport)"])
        serve.isAsync = true
        serve.isThrowing = true
        ext.members.append(.function(serve))
        return [server, ext]
    }

    /// The local a parameter is read into, clear of the function's own locals.
    static func serverLocal(_ p: OperationPlan.Param) -> String {
        let reserved: Set<String> = ["request", "reader", "credentials", "scopes", "input", "context", "output", "reply", "body", "core", "handler"]
        return reserved.contains(p.swiftName) ? p.swiftName + "Value" : SwiftNames.localName(p.swiftName)
    }

    static func serverFunctionName(_ plan: OperationPlan) -> String {
        "serve" + SwiftNames.typeName(plan.typeName)
    }

    /// Reads, validates, calls and writes one operation.
    private func serverFunction(_ plan: OperationPlan, credentials: ClientCredentials) -> FunctionDecl {
        let ns = "Operations.\(plan.typeName)"
        let security = serverSecurityStatements(plan)
        var body = security.lines
        let reads = serverReadStatements(plan, credentials: credentials)
        body += reads.lines
        let status = serverRejectionStatus(plan)
        let unwrapped = reads.required.map { "let \($0)" }
        body.append("guard reader.problems.isEmpty\(unwrapped.isEmpty ? "" : ", " + unwrapped.joined(separator: ", ")) else { throw reader.rejection(\(status)) }")
        let arguments = plan.params.map { "\($0.swiftName): \(Self.serverLocal($0))" } + (plan.body == nil ? [] : ["body: body"])
        body.append("let input = \(ns).Input(\(arguments.joined(separator: ", ")))")
        body.append("reader.validate(input)")
        body.append("guard reader.problems.isEmpty else { throw reader.rejection(\(status)) }")
        body.append("let context = RequestContext(request: request.head, operationID: \(ns).id, credentials: credentials\(security.withScopes ? ", scopes: scopes" : ""))")
        body.append("let output = try await core.call(context) { try await self.handler.\(SwiftNames.escaped(plan.methodName))(input) }")
        body += serverWriteStatements(plan)
        var f = FunctionDecl(Self.serverFunctionName(plan), parameters: [.init(label: "_", name: "request", type: "ServerRequest")],
                             returnType: "ServerReply", body: body)
        f.modifiers = ["private"]
        f.isAsync = true
        f.isThrowing = true
        return f
    }

    /// `status: 400`, or `status: 422` (in FastAPI's shape when that is the documented schema)
    /// when the operation documents 422: the spec's own answer to a request that breaks it.
    private func serverRejectionStatus(_ plan: OperationPlan) -> String {
        guard let r = plan.results.first(where: { $0.status == .code(422) }) else { return "status: 400" }
        let fastAPI = r.contents.contains { $0.kind == .json && $0.type.hasSuffix("HTTPValidationError") }
        return fastAPI ? "status: 422, fastAPIShape: true" : "status: 422"
    }
}
