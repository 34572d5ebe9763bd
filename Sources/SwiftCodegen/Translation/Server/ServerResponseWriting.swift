import OpenAPIModel

extension TranslationContext {
    /// The `switch output` writing each documented case back: status (the case's own, or the
    /// status code a range or `default` case carries), typed headers, content type and body.
    func serverWriteStatements(_ plan: OperationPlan) -> [String] {
        var lines = ["switch output {"]
        for r in plan.results {
            let name = SwiftNames.escaped(r.caseName)
            var bindings: [String] = []
            let status: String
            if case .code(let c) = r.status {
                status = String(c)
            } else {
                bindings.append("let statusCode")
                status = "statusCode"
            }
            if r.payloadType != nil { bindings.append("let body") }
            bindings.append("let headers")
            lines.append("case .\(name)(\(bindings.joined(separator: ", "))):")
            // Nothing more to write (no documented headers, no body): `let`, or Swift warns.
            let binding = r.headers.isEmpty && r.contents.isEmpty ? "let" : "var"
            lines.append("    \(binding) reply = ServerReply(status: \(status), raw: headers.raw)")
            for h in r.headers {
                lines.append("    reply.header(\(SwiftNames.stringLiteral(h.name)), headers.\(SwiftNames.escaped(h.swiftName)), \(h.shape))")
            }
            switch r.contents.count {
            case 0: break
            case 1:
                lines += serverContentStatements(r.contents[0], value: "body").map { "    " + $0 }
            default:
                lines.append("    switch body {")
                for c in r.contents {
                    lines.append("    case .\(SwiftNames.escaped(c.caseName))(let value):")
                    lines += serverContentStatements(c, value: "value").map { "        " + $0 }
                }
                lines.append("    }")
            }
            lines.append("    return reply")
        }
        lines.append("case .undocumented(let statusCode, let response):")
        lines.append("    return ServerReply(status: statusCode, raw: response)")
        lines.append("}")
        return lines
    }

    /// Writes one media type's body. A documented range (`image/*`, `*/*`) is no media type:
    /// the handler's `Content-Type` (in the headers' raw response) is kept, else the bytes go as
    /// `application/octet-stream` for `*/*` and as the range itself otherwise (nothing more
    /// precise is known, and a client matches it to the documented range).
    private func serverContentStatements(_ c: OperationPlan.Content, value: String) -> [String] {
        let concrete = !c.contentType.contains("*")
        let fallback = MediaTypeText.essence(c.contentType) == "*/*" ? "application/octet-stream" : c.contentType
        let type = SwiftNames.stringLiteral(concrete ? c.contentType : fallback)
        let keep: (String) -> [String] = { call in
            concrete ? [call] : ["let declared = reply.headers[\"Content-Type\"]", call, "if let declared { reply.contentType(declared) }"]
        }
        switch c.kind {
        case .json: return keep("try reply.json(\(value), contentType: \(type))")
        case .form: return keep("reply.bytes(HTTPBody(try FormEncoding.encode(\(value))), contentType: \(type))")
        case .text: return keep("reply.text(\(value), contentType: \(type))")
        case .binary: return keep("reply.bytes(\(value), contentType: \(type))")
        case .multipart: return keep(c.type == "MultipartParts" ? "reply.multipart(\(value), contentType: \(type))" : "reply.bytes(\(value), contentType: \(type))")
        case .multipartItems: return keep("reply.multipart(\(value).parts, contentType: \(type))")
        case .eventStream, .jsonLines, .jsonSequence: return keep("reply.bytes(\(value).body, contentType: \(type))")
        }
    }
}

/// Media type text as the generator compares it.
enum MediaTypeText {
    /// `type/subtype`, lowercased, without parameters.
    static func essence(_ mediaType: String) -> String {
        (mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? "").lowercased()
    }
}
