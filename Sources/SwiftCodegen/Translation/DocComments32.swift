import OpenAPIModel

/// Doc comment text from what OpenAPI 3.2 adds: response summaries, examples as sent, and
/// security schemes' flows, metadata and deprecation.
extension DocComments {
    /// The response's `summary`, then its `description`, then its bodies' examples as sent.
    static func response(_ response: Response) -> [String] {
        var doc = split(response.summary)
        let description = split(response.description)
        if !doc.isEmpty, !description.isEmpty { doc.append("") }
        doc += description
        let examples = response.content.flatMap { $0.value.serializedExamples }
        return doc + serializedExamples(examples, separated: !doc.isEmpty)
    }

    /// `serializedValue`s, shown as the wire text they are.
    static func serializedExamples(_ examples: [String], separated: Bool) -> [String] {
        guard !examples.isEmpty else { return [] }
        var doc = separated ? [""] : []
        doc += examples.map { "Example as sent: `\($0.replacingOccurrences(of: "`", with: "'"))`" }
        return doc
    }

    /// A credential property: what the scheme is, how the caller obtains an OAuth 2 token
    /// (the client only sends it), and whether the spec deprecates the scheme.
    static func credential(_ name: String, _ scheme: SecurityScheme) -> [String] {
        var doc = ["Credential for the `\(name)` security scheme\(scheme.description.map { ": " + $0 } ?? ".")"]
        var details: [String] = []
        for flow in scheme.flows {
            var line = "- OAuth 2 \(flow.name) flow"
            let urls = [("device authorization", flow.deviceAuthorizationURL), ("authorization", flow.authorizationURL),
                        ("token", flow.tokenURL), ("refresh", flow.refreshURL)]
                .compactMap { label, url in url.map { "\(label) `\($0)`" } }
            if !urls.isEmpty { line += ": " + urls.joined(separator: ", ") }
            if !flow.scopes.isEmpty { line += "; scopes " + flow.scopes.keys.map { "`\($0)`" }.joined(separator: ", ") }
            details.append(line)
        }
        if let metadata = scheme.oauth2MetadataURL { details.append("- Authorization server metadata: `\(metadata)`") }
        if !scheme.flows.isEmpty || scheme.oauth2MetadataURL != nil {
            details += ["", "The caller obtains the access token; the client sends it as `Authorization: Bearer`."]
        }
        if !details.isEmpty { doc += [""] + details }
        if scheme.deprecated { doc += ["", "- Warning: Deprecated in the spec."] }
        return doc
    }
}
