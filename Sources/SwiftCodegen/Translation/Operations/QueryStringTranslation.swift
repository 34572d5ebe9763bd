import OpenAPIModel

extension TranslationContext {
    /// The expression that writes an `in: querystring` parameter's value, chosen by its media type.
    func queryStringCall(_ p: OperationPlan.Param) -> (String) -> String {
        let contentType = (p.parameter.contentType ?? "").lowercased()
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let encoding = formMemberEncodings(p.parameter.content?.encoding ?? OrderedMap())
            return { value in encoding.map { "try QueryStringEncoding.form(\(value), encoding: \($0))" } ?? "try QueryStringEncoding.form(\(value))" }
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

    /// The `[String: FormMemberEncoding]` literal of a form's Encoding Objects; nil without any.
    /// `style`/`explode` take precedence over `contentType`, as the specification says; explode
    /// defaults to true for `form` only, as for parameters.
    func formMemberEncodings(_ encodings: OrderedMap<Encoding>) -> String? {
        guard !encodings.isEmpty else { return nil }
        let entries = encodings.map { entry -> String in
            let (name, e) = entry
            var arguments: [String] = []
            // `style`, `explode` or `allowReserved` written: `contentType` is ignored, as 3.2 says.
            if e.style == nil, e.explode == nil, e.allowReserved == nil, let contentType = e.contentType {
                arguments.append("contentType: \(SwiftNames.stringLiteral(contentType))")
            } else {
                let style = e.style ?? .form
                arguments.append("style: .\(style == .cookie ? "form" : style.rawValue)")
                arguments.append("explode: \(e.explode ?? (style == .form))")
                if e.allowReserved == true { arguments.append("allowReserved: true") }
            }
            return "\(SwiftNames.stringLiteral(name)): FormMemberEncoding(\(arguments.joined(separator: ", ")))"
        }
        return "[" + entries.joined(separator: ", ") + "]"
    }
}
