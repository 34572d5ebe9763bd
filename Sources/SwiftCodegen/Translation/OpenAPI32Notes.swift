import OpenAPIModel
import YAMLTree

/// What OpenAPI 3.2 adds that the generated code does not honour yet, each said once at its
/// place in the spec.
extension TranslationContext {
    func noteUnhonoured32(_ entries: [OperationEntry]) {
        var places: Set<SourceLocation> = []
        func warnOnce(_ message: String, at location: SourceLocation, pointer: JSONPointer? = nil) {
            guard places.insert(location).inserted else { return }
            diagnostics.warning(message, at: location, pointer: pointer?.fragment)
        }
        for entry in entries {
            let operation = entry.operation
            var contents: [(String, OrderedMap<MediaType>, responds: Bool)] = []
            if let body = operation.requestBody { contents.append(("the request body", body.content, false)) }
            for (status, response) in operation.responses { contents.append(("the \(status) response", response.content, true)) }
            for (owner, content, responds) in contents {
                for (type, media) in content {
                    guard let location = media.sequentialLocation else { continue }
                    if StreamItemSchema.honoured(type, media, request: !responds, resolve: schema(for:)) {
                        notePartEncodings(media, type: type, owner: "\(owner) of \(entry.method.token) \(entry.path)", pointer: operation.pointer, warnOnce)
                        continue
                    }
                    let fields = [media.itemSchema != nil ? "`itemSchema`" : nil, media.prefixEncoding.isEmpty ? nil : "`prefixEncoding`",
                                  media.itemEncoding != nil ? "`itemEncoding`" : nil].compactMap { $0 }
                    let place = "\(fields.joined(separator: ", ")) of \(type) in \(owner) of \(entry.method.token) \(entry.path)"
                    if !responds, MultipartItemSchema.isFormData(type) {
                        warnOnce("\(place): form fields are sent by name, which typed items do not carry; the body is the caller's parts (`MultipartFormData`)",
                                 at: location, pointer: operation.pointer)
                    } else if !responds {
                        warnOnce("\(place): a request body is sent as the caller's bytes (`HTTPBody`); its items are not typed one by one",
                                 at: location, pointer: operation.pointer)
                    } else if let item = media.itemSchema, OperationNaming.bodyKind(type) == .eventStream,
                              case .untyped(let reason) = StreamItemSchema.eventData(item, resolve: schema(for:)) {
                        warnOnce("\(place): \(reason); the events arrive parsed, with their data as text",
                                 at: location, pointer: operation.pointer)
                    } else {
                        warnOnce("\(place): items are not typed one by one yet; the body is handled whole, as without them",
                                 at: location, pointer: operation.pointer)
                    }
                }
            }
            for p in operation.parameters where p.location == .querystring {
                // Encoding Objects apply to form content only (multipart is no query string).
                if let media = p.content, !media.encoding.isEmpty,
                   !(p.contentType ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
                    warnOnce("the Encoding Objects of querystring parameter `\(p.name)` apply to form content only; its `\(p.contentType ?? "")` value is written without them",
                             at: media.location, pointer: p.pointer)
                }
            }
        }
        var seen: Set<SourceLocation> = []
        func walk(_ schema: Schema, depth: Int) {
            guard depth < 64, seen.insert(schema.location).inserted else { return }
            let branches = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
            if let d = schema.discriminator, let text = d.defaultMapping, Self.defaultBranch(branches, d) == nil,
               !(Self.defaultOutsideBranches(branches, d).map { self.schema(for: $0) != nil } ?? false) {
                warnOnce("discriminator `defaultMapping` (\(text)) is honoured only when the union's branches are all references and it names a schema: a payload whose `\(d.propertyName)` is absent or unmapped fails to decode",
                         at: d.defaultMappingLocation ?? d.location, pointer: schema.pointer)
            }
            for (_, property) in schema.properties { walk(property, depth: depth + 1) }
            if let items = schema.items { walk(items.value, depth: depth + 1) }
            for branch in schema.allOf + schema.oneOf + schema.anyOf { walk(branch, depth: depth + 1) }
        }
        for (_, schema) in document.components.schemas { walk(schema, depth: 0) }
        for target in document.referencedSchemaOrder { if let schema = document.referencedSchemas[target] { walk(schema, depth: 0) } }
    }

    /// What the Encoding Objects of a typed multipart body say that its parts do not honour:
    /// their `headers` (not typed) and nested encodings (a nested multipart part is read whole).
    private func notePartEncodings(_ media: MediaType, type: String, owner: String, pointer: JSONPointer?,
                                   _ warnOnce: (String, SourceLocation, JSONPointer?) -> Void) {
        let kind = OperationNaming.bodyKind(type)
        guard kind == .multipart || kind == .multipartItems else { return }
        for encoding in media.prefixEncoding + [media.itemEncoding].compactMap({ $0 }) {
            if let at = encoding.headersLocation {
                warnOnce("the `headers` of a part's Encoding Object in \(type) in \(owner) are not typed: a part read whole (`MultipartPart`) has its headers as they arrived, and an upload writes a `MultipartPart` item's own",
                         at, pointer)
            }
            if let at = encoding.nestedLocation {
                warnOnce("the nested Encoding Objects of a part in \(type) in \(owner) are not applied: the part is read whole (`MultipartPart`; its own parts with `MultipartParts(body:contentType:)`)",
                         at, pointer)
            }
        }
    }
}
