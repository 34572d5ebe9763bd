import OpenAPIModel

extension TranslationContext {
    /// `let credentials = try request.authenticate([...])`: the operation's security
    /// alternatives (scheme name → how its credential is sent), checked before anything is
    /// read, so a request without credentials is answered 401 and never reaches the handler.
    /// Scopes are not checked: a bearer token's scopes are the handler's (or its identity
    /// provider's) to judge, so when an alternative lists any they are handed over too
    /// (`let (credentials, scopes) = …`, `withScopes` true) for the request context.
    func serverSecurityStatements(_ plan: OperationPlan) -> (lines: [String], withScopes: Bool) {
        var alternatives: [String] = []
        var scopeLists: [String] = []
        for requirement in plan.security {
            var schemes: [String] = []
            var scopes: [String] = []
            var checkable = true
            for name in requirement.schemes.keys.sorted() {
                guard let scheme = document.components.securitySchemes[name] else { continue }
                let spelled: String
                switch scheme.kind {
                case .apiKey(let header, let location):
                    let place = location == .query ? "query" : location == .cookie ? "cookie" : "header"
                    spelled = ".apiKey(name: \(SwiftNames.stringLiteral(header)), in: .\(place))"
                case .http(let kind, _) where kind.lowercased() == "basic": spelled = ".basic"
                case .http(let kind, _) where kind.lowercased() == "bearer": spelled = ".bearer"
                case .http(let kind, _): spelled = ".http(scheme: \(SwiftNames.stringLiteral(kind)))"
                case .oauth2, .openIDConnect: spelled = ".bearer"
                case .mutualTLS:
                    diagnostics.warning("the generated server cannot check the mutualTLS scheme '\(name)' (the TLS terminator must): operation '\(plan.operationID)' refuses the alternatives that need it",
                                        at: scheme.location)
                    checkable = false
                    continue
                }
                schemes.append("\(SwiftNames.stringLiteral(name)): \(spelled)")
                if let list = requirement.schemes[name], !list.isEmpty {
                    scopes.append("\(SwiftNames.stringLiteral(name)): [\(list.map(SwiftNames.stringLiteral).joined(separator: ", "))]")
                }
            }
            guard checkable else { continue }
            alternatives.append(schemes.isEmpty ? "[:]" : "[" + schemes.joined(separator: ", ") + "]")
            scopeLists.append(scopes.isEmpty ? "[:]" : "[" + scopes.joined(separator: ", ") + "]")
        }
        if plan.security.isEmpty {
            return (["let credentials: [String: Credential] = [:]"], false)
        }
        if alternatives.isEmpty {
            // Every alternative needs what the server cannot check: nobody gets through.
            return (["let credentials = try request.authenticate([[\"mutualTLS\": .http(scheme: \"mutual-tls\")]])"], false)
        }
        let list = alternatives.joined(separator: ", ")
        guard scopeLists.contains(where: { $0 != "[:]" }) else {
            return (["let credentials = try request.authenticate([\(list)])"], false)
        }
        return (["let (credentials, scopes) = try request.authenticate([\(list)], scopes: [\(scopeLists.joined(separator: ", "))])"], true)
    }
}
