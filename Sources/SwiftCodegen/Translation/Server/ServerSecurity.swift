import OpenAPIModel

extension TranslationContext {
    /// `let credentials = try request.authenticate([...])`: the operation's security
    /// alternatives (scheme name → how its credential is sent), checked before anything is
    /// read, so a request without credentials is answered 401 and never reaches the handler.
    /// Scopes are not checked: a bearer token's scopes are the handler's (or its identity
    /// provider's) to judge, from the credential in the request context.
    func serverSecurityStatements(_ plan: OperationPlan) -> [String] {
        var alternatives: [String] = []
        for requirement in plan.security {
            var schemes: [String] = []
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
            }
            guard checkable else { continue }
            alternatives.append(schemes.isEmpty ? "[:]" : "[" + schemes.joined(separator: ", ") + "]")
        }
        if plan.security.isEmpty {
            return ["let credentials: [String: Credential] = [:]"]
        }
        if alternatives.isEmpty {
            // Every alternative needs what the server cannot check: nobody gets through.
            return ["let credentials = try request.authenticate([[\"mutualTLS\": .http(scheme: \"mutual-tls\")]])"]
        }
        return ["let credentials = try request.authenticate([\(alternatives.joined(separator: ", "))])"]
    }
}
