import YAMLTree

/// OAuth 2 flows, and OpenAPI 3.2's security scheme fields: `deprecated`, `oauth2MetadataUrl`
/// and the device authorization flow (RFC 8628).
extension ModelDecoder {
    static let oauthFlowNames = ["implicit", "password", "clientCredentials", "authorizationCode", "deviceAuthorization"]

    func readSecurityFields32(_ scheme: inout SecurityScheme, _ mapping: MappingRef, _ object: Cursor) {
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "deprecated":
                note32(entry, field, what: "security scheme `deprecated`")
                scheme.deprecated = bool(field, entry.key) ?? false
            case "oauth2MetadataUrl":
                note32(entry, field, what: "`oauth2MetadataUrl`")
                scheme.oauth2MetadataURL = string(field, entry.key)
            case "flows" where scheme.kind == .oauth2:
                scheme.flows = oauthFlows(field)
            default:
                break
            }
        }
    }

    private func note32(_ entry: EntryRef, _ field: Cursor, what: String) {
        if version < .v3_2 {
            warning("\(what) is an OpenAPI 3.2 field; read anyway", at: entry.keyLocation, pointer: field.pointer)
        }
    }

    private func oauthFlows(_ cursor: Cursor) -> [SecurityScheme.OAuthFlow] {
        guard let (mapping, flows) = mapping(cursor, "flows", expected: "a mapping of flow names to OAuth Flow Objects") else { return [] }
        var result: [SecurityScheme.OAuthFlow] = []
        for entry in mapping.entries where !Self.isExtension(entry.key) {
            let field = flows.child(entry)
            guard Self.oauthFlowNames.contains(entry.key) else {
                warning("unknown OAuth flow `\(entry.key)` (expected one of \(Self.oauthFlowNames.joined(separator: ", "))); ignored",
                        at: entry.keyLocation, pointer: field.pointer)
                continue
            }
            if entry.key == "deviceAuthorization" { note32(entry, field, what: "the `deviceAuthorization` OAuth flow") }
            guard let (fields, object) = self.mapping(field, entry.key, expected: "an OAuth Flow Object") else { continue }
            var flow = SecurityScheme.OAuthFlow(name: entry.key)
            for item in fields.entries {
                let value = object.child(item)
                switch item.key {
                case "authorizationUrl": flow.authorizationURL = string(value, item.key)
                case "deviceAuthorizationUrl": flow.deviceAuthorizationURL = string(value, item.key)
                case "tokenUrl": flow.tokenURL = string(value, item.key)
                case "refreshUrl": flow.refreshURL = string(value, item.key)
                case "scopes":
                    guard let (scopes, map) = self.mapping(value, item.key, expected: "a mapping of scope names to descriptions") else { continue }
                    for scope in scopes.entries { flow.scopes[scope.key] = string(map.child(scope), scope.key) ?? "" }
                default: break
                }
            }
            if flow.name == "deviceAuthorization" {
                for (key, present) in [("deviceAuthorizationUrl", flow.deviceAuthorizationURL != nil), ("tokenUrl", flow.tokenURL != nil)] where !present {
                    warning("the deviceAuthorization flow needs `\(key)`", at: object)
                }
            }
            result.append(flow)
        }
        return result
    }
}
