import OpenAPIModel

extension TranslationContext {
    /// The statements reading every parameter and the body of `plan` into locals through the
    /// runtime's `RequestReader`, and the locals that must be unwrapped (required values).
    func serverReadStatements(_ plan: OperationPlan, credentials: ClientCredentials) -> (lines: [String], required: [String]) {
        var lines = ["var reader = RequestReader(request)"]
        var required: [String] = []
        // Headers every operation requires are client properties, not `Input` members; the
        // server still insists on them (the handler reads them from the request context).
        for shared in credentials.sharedHeaders {
            lines.append("_ = reader.header(\(SwiftNames.stringLiteral(shared.headerName)), as: String.self, shape: .scalar, required: true)")
        }
        let queryNames = plan.params.filter { $0.parameter.location == .query }.map(\.parameter.name)
        for p in plan.params {
            let local = Self.serverLocal(p)
            let name = SwiftNames.stringLiteral(p.parameter.name)
            let type = "\(p.use.base).self"
            let shape = ".\(serverShape(p.use))"
            let style = ".\(p.parameter.effectiveStyle.rawValue)"
            let explode = p.parameter.effectiveExplode ? "true" : "false"
            let isRequired = p.optional ? "false" : "true"
            let call: String
            switch p.parameter.location {
            case .path:
                call = "reader.path(\(name), as: \(type), shape: \(shape), style: \(style), explode: \(explode))"
            case .query:
                let others = queryNames.filter { $0 != p.parameter.name }
                let othersText = shape == ".object" && p.parameter.effectiveStyle == .form && p.parameter.effectiveExplode && !others.isEmpty
                    ? ", others: [\(others.map(SwiftNames.stringLiteral).joined(separator: ", "))]" : ""
                // `allowReserved`: the client sends reserved characters, `+` among them, as they are.
                let reserved = p.parameter.allowReserved ? ", allowReserved: true" : ""
                call = "reader.query(\(name), as: \(type), shape: \(shape), style: \(style), explode: \(explode), required: \(isRequired)\(othersText)\(reserved))"
            case .header:
                call = "reader.header(\(name), as: \(type), shape: \(shape), explode: \(explode), required: \(isRequired))"
            case .cookie:
                // 3.2's `style: cookie` sends values as they are: nothing to decode.
                let decodes = p.parameter.style == .cookie ? ", decodes: false" : ""
                call = "reader.cookie(\(name), as: \(type), shape: \(shape), explode: \(explode)\(decodes), required: \(isRequired))"
            case .querystring:
                let contentType = (p.parameter.contentType ?? "").lowercased()
                if contentType.hasPrefix("application/x-www-form-urlencoded") {
                    let encoding = formMemberEncodings(p.parameter.content?.encoding ?? OrderedMap()).map { ", encoding: " + $0 } ?? ""
                    call = "reader.queryString(\(name), as: \(type), format: .form\(encoding), required: \(isRequired))"
                } else if p.use.base == "String" {
                    call = "reader.queryString(\(name), as: \(type), format: .text, required: \(isRequired))"
                } else {
                    // The client sends other media types as JSON (and warns), so that is what is read.
                    call = "reader.queryString(\(name), as: \(type), format: .json, required: \(isRequired))"
                }
            }
            lines.append("let \(local) = \(call)")
            if !p.optional { required.append(local) }
        }
        if let b = plan.body {
            lines += serverBodyStatements(b, plan: plan)
            if b.required { required.append("body") }
        }
        return (lines, required)
    }

    /// How the runtime splits a parameter's text: one value, array items or object members.
    func serverShape(_ use: TypeUse) -> String {
        switch queryLabel(use) {
        case "value": return "scalar"
        case "values": return "array"
        case "object": return "object"
        default: return shapeOfEncodable(use.shaped.shape)
        }
    }

    private func shapeOfEncodable(_ shape: Shape) -> String {
        switch shape {
        case .array: return "array"
        case .map, .object, .allOf: return "object"
        case .reference(let target):
            guard let resolved = schema(for: target) else { return "scalar" }
            return shapeOfEncodable(shapeOf(resolved).shape)
        default: return "scalar"
        }
    }

    /// Reads the body into `body` (optional until the guard unwraps a required one).
    private func serverBodyStatements(_ b: OperationPlan.Body, plan: OperationPlan) -> [String] {
        let required = b.required ? "true" : "false"
        guard !b.variants.isEmpty else {
            let documented = SwiftNames.stringLiteral(b.contentType)
            var lines = ["let body: \(b.type)?"]
            if let read = serverBodyRead(b.kind, type: b.type, required: required, formEncoding: b.formEncoding, partContentType: b.partContentType) {
                lines.append("if reader.bodyContentType(documented: [\(documented)]) != nil {")
                lines.append("    body = \(read)")
                lines.append("} else {")
                lines.append("    body = nil")
                lines.append("}")
            } else {
                lines += unsupportedBody(b.contentType, plan: plan)
            }
            return lines
        }
        let documented = b.variants.map { SwiftNames.stringLiteral($0.contentType) }.joined(separator: ", ")
        var lines = ["let body: \(b.type)?", "switch reader.bodyContentType(documented: [\(documented)]) {"]
        for (i, v) in b.variants.enumerated() {
            lines.append("case \(i):")
            if let read = serverBodyRead(v.kind, type: v.type, required: required, formEncoding: v.formEncoding, partContentType: v.partContentType) {
                lines.append("    body = \(read).map { .\(SwiftNames.escaped(v.caseName))($0) }")
            } else {
                lines += unsupportedBody(v.contentType, plan: plan).map { "    " + $0 }
            }
        }
        lines += ["default:", "    body = nil", "}"]
        return lines
    }

    /// The reader call for one media type; nil for those the server cannot read yet.
    private func serverBodyRead(_ kind: OperationPlan.BodyKind, type: String, required: String, formEncoding: String?, partContentType: String?) -> String? {
        switch kind {
        case .json: return "reader.jsonBody(\(type).self, required: \(required))"
        case .form: return "reader.formBody(\(type).self, required: \(required)\(formEncoding.map { ", encoding: " + $0 } ?? ""))"
        case .text: return "reader.textBody(required: \(required))"
        case .binary: return "reader.streamedBody(required: \(required))"
        // Typed event uploads (`ServerSentEventUpload<Payload>`) wrap the streamed bytes as they come.
        case .eventStream: return "reader.streamedBody(required: \(required))" + (type == "HTTPBody" ? "" : ".map { \(type)(body: $0) }")
        case .jsonLines, .jsonSequence: return "reader.streamedBody(required: \(required)).map { \(type)(body: $0) }"
        case .multipart: return type == "MultipartFormData" ? "reader.multipartBody(required: \(required))" : nil
        case .multipartItems:
            return "reader.multipartItemsBody(\(type).self, partContentType: \(SwiftNames.stringLiteral(partContentType ?? "application/json")), required: \(required))"
        }
    }

    private func unsupportedBody(_ contentType: String, plan: OperationPlan) -> [String] {
        diagnostics.warning("the generated server does not read `\(contentType)` request bodies yet: operation '\(plan.operationID)' answers them 415",
                            at: plan.entry.operation.requestBody?.location)
        return ["reader.refuseMediaType(\(SwiftNames.stringLiteral("`\(contentType)` bodies are not supported by this server")))",
                "body = nil"]
    }
}
