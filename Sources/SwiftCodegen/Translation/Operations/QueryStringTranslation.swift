import OpenAPIModel

extension TranslationContext {
    /// The expression that writes an `in: querystring` parameter's value, chosen by its media type.
    func queryStringCall(_ p: OperationPlan.Param) -> (String) -> String {
        let contentType = (p.parameter.contentType ?? "").lowercased()
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            return { "try QueryStringEncoding.form(\($0))" }
        }
        if p.use.base == "String" {
            return { "QueryStringEncoding.text(\($0))" }
        }
        if !contentType.contains("json") {
            diagnostics.warning("querystring parameter `\(p.parameter.name)` is `\(contentType)`, which openapi-gen cannot write; it is sent as JSON",
                                at: p.parameter.content?.location ?? p.parameter.sourceLocation, pointer: p.parameter.pointer.fragment)
        }
        return { "try QueryStringEncoding.json(\($0))" }
    }
}
