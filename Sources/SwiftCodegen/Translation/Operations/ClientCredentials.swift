import OpenAPIModel

/// Values the client holds once instead of every call taking them: header parameters that every
/// operation requires (`X-API-Key`), and the credentials of the spec's security schemes.
struct ClientCredentials {
    struct SharedHeader {
        var headerName: String
        var swiftName: String
        var doc: [String]
    }

    struct SchemeCredential {
        var schemeName: String
        var scheme: SecurityScheme
        /// The client properties the scheme reads: one token, or username and password.
        var swiftNames: [String]
    }

    var sharedHeaders: [SharedHeader] = []
    var schemes: [SchemeCredential] = []

    static func find(operations: [OperationEntry], document: Document, names: inout NameScope) -> ClientCredentials {
        var result = ClientCredentials()
        if let first = operations.first, operations.count > 0 {
            for p in first.operation.parameters where p.location == .header && p.required {
                let everywhere = operations.allSatisfy { entry in
                    entry.operation.parameters.contains { $0.location == .header && $0.required && $0.name.lowercased() == p.name.lowercased() }
                }
                guard everywhere else { continue }
                var base = p.name
                if base.lowercased().hasPrefix("x-") { base = String(base.dropFirst(2)) }
                result.sharedHeaders.append(SharedHeader(
                    headerName: p.name, swiftName: names.claim(SwiftNames.memberName(base)),
                    doc: DocComments.lines(for: nil, fallback: p.description ?? "Sent as the `\(p.name)` header on every request.")))
            }
        }
        var used: [String] = []
        for requirement in (document.security ?? []) + operations.flatMap({ $0.operation.security ?? [] }) {
            for name in requirement.schemes.keys.sorted() where !used.contains(name) { used.append(name) }
        }
        for name in used {
            guard let scheme = document.components.securitySchemes[name] else { continue }
            let base = SwiftNames.memberName(name)
            switch scheme.kind {
            case .apiKey:
                result.schemes.append(SchemeCredential(schemeName: name, scheme: scheme, swiftNames: [names.claim(base)]))
            case .http(let kind, _) where kind.lowercased() == "basic":
                result.schemes.append(SchemeCredential(schemeName: name, scheme: scheme,
                                                       swiftNames: [names.claim(base + "Username"), names.claim(base + "Password")]))
            case .http, .oauth2, .openIDConnect:
                result.schemes.append(SchemeCredential(schemeName: name, scheme: scheme, swiftNames: [names.claim(base + "Token")]))
            case .mutualTLS:
                continue
            }
        }
        return result
    }

    func isShared(_ p: Parameter) -> Bool {
        p.location == .header && sharedHeaders.contains { $0.headerName.lowercased() == p.name.lowercased() }
    }
}
