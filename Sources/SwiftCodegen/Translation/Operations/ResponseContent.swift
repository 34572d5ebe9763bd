import OpenAPIModel

extension TranslationContext {
    /// Every media type `response` documents, typed; inline schemas are declared in `container`
    /// (as response types: open enums, nothing sent).
    func planResponseContents(_ response: Response, caseName: String, in container: inout Container) -> [OperationPlan.Content] {
        var caseNames = NameScope()
        var result: [OperationPlan.Content] = []
        let hint = SwiftNames.typeName(caseName) + "Body"
        for (index, entry) in response.content.enumerated() {
            let (contentType, media) = entry
            let kind = OperationNaming.bodyKind(contentType)
            let typeHint = index == 0 ? hint : hint + SwiftNames.typeName(Self.mediaCaseBase(contentType))
            func schemaType(_ schema: Schema?, fallback: String) -> String {
                guard let schema else { return fallback }
                return typeUse(schema, hint: typeHint, in: &container).rendered
            }
            /// A stream's item schema: the items of an array schema (a sequence of them), or the schema.
            func itemType(_ schema: Schema?) -> String {
                guard let schema else { return "JSONValue" }
                if case .array(let items) = SchemaShaper.shape(schema).shape {
                    return items.map { typeUse($0, hint: typeHint + "Item", in: &container).rendered } ?? "JSONValue"
                }
                return schemaType(schema, fallback: "JSONValue")
            }
            var content = OperationPlan.Content(contentType: contentType, kind: kind, type: "", itemType: nil,
                                                caseName: caseNames.claim(Self.mediaCaseBase(contentType)))
            switch kind {
            case .json: content.type = schemaType(media.schema, fallback: "JSONValue")
            case .form: content.type = schemaType(media.schema, fallback: "[String: String]")
            case .text: content.type = "String"
            case .binary: content.type = "HTTPBody"
            case .multipart, .multipartItems:
                // 3.2 `itemSchema` / `itemEncoding`: each part typed; otherwise the parts as they are.
                if let (prefix, rest) = MultipartItemSchema.positions(media, resolve: schema(for:)) {
                    // 3.2 `prefixEncoding`: each position its own type, read as its own media type.
                    content.kind = .multipartItems
                    content.partContentType = "application/octet-stream"
                    content.itemType = multipartPositionsType(prefix, rest: rest, hint: typeHint + "Part", in: &container)
                    content.type = "MultipartItems<\(content.itemType!)>"
                } else if let item = MultipartItemSchema.item(media) {
                    let partType = MultipartItemSchema.partContentType(media, item: item, resolve: schema(for:))
                    content.kind = .multipartItems
                    content.partContentType = partType
                    content.itemType = multipartItemType(item, reading: MultipartItemSchema.reading(partType), hint: typeHint + "Part", in: &container)
                    content.type = "MultipartItems<\(content.itemType!)>"
                } else {
                    content.type = "MultipartParts"
                }
            case .eventStream:
                var item = "String"
                if let events = media.itemSchema {
                    // 3.2: the item schema describes the event; its `data` may carry JSON.
                    switch StreamItemSchema.eventData(events, resolve: schema(for:)) {
                    case .json(let payload):
                        item = payload.map { typeUse($0, hint: typeHint + "Payload", in: &container).rendered } ?? "JSONValue"
                    case .kinds(let kinds):
                        item = eventKindsType(kinds, hint: typeHint + "Event", in: &container)
                    case .text, .untyped: break
                    }
                } else if let schema = media.schema, case .string = SchemaShaper.shape(schema).shape {} else if media.schema != nil {
                    item = schemaType(media.schema, fallback: "String")
                }
                content.itemType = item
                content.type = "ServerSentEvents<\(item)>"
            case .jsonLines:
                content.itemType = media.itemSchema.map { schemaType($0, fallback: "JSONValue") } ?? itemType(media.schema)
                content.type = "JSONLines<\(content.itemType!)>"
            case .jsonSequence:
                content.itemType = media.itemSchema.map { schemaType($0, fallback: "JSONValue") } ?? itemType(media.schema)
                content.type = "JSONSequence<\(content.itemType!)>"
            }
            result.append(content)
        }
        return result
    }

    /// The Swift type of one typed multipart part: the item schema's type for JSON parts,
    /// `String` (or the number or boolean the schema says) for text, ``MultipartPart`` for the rest.
    func multipartItemType(_ item: Schema, reading: MultipartItemSchema.PartReading, hint: String, in container: inout Container) -> String {
        switch reading {
        case .whole: return "MultipartPart"
        case .json: return typeUse(item, hint: hint, in: &container).rendered
        case .text:
            switch SchemaShaper.shape(item).shape {
            case .integer, .number, .boolean: return typeUse(item, hint: hint, in: &container).rendered
            default: return "String"
            }
        }
    }

    /// `json` for `application/json`, `eventStream` for `text/event-stream`, `image` for
    /// `image/*`, `any` for `*/*`: the body enum's case for a media type.
    static func mediaCaseBase(_ contentType: String) -> String {
        let essence = contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        let parts = essence.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return SwiftNames.memberName(essence.isEmpty ? "body" : essence) }
        if parts[0] == "*" { return "any" }
        if parts[1] == "*" { return SwiftNames.memberName(parts[0]) }
        if parts[0] == "text" && parts[1] == "plain" { return "plainText" }
        if essence == "application/x-www-form-urlencoded" { return "form" }
        if essence == "multipart/form-data" { return "multipart" }
        return SwiftNames.memberName(parts[1])
    }

    /// `Output.OkBody`: one case per media type of a response that documents several.
    func responseBodyEnumDecl(_ result: OperationPlan.Result) -> TypeDecl {
        var decl = TypeDecl(.enum, result.bodyEnum ?? "Body", access: access, conformances: ["Sendable", "Hashable"],
                            doc: ["The body of the HTTP \(result.status) response, by the `Content-Type` it arrived with."])
        for c in result.contents {
            var enumCase = EnumCaseDecl(SwiftNames.escaped(c.caseName), associatedValues: [(nil, c.type)])
            enumCase.doc = ["`\(c.contentType)`."]
            decl.members.append(.enumCase(enumCase))
        }
        return decl
    }

    /// The expression reading one media type's body; `response` holds the head (and, for the
    /// kinds read at once, the buffered body), `received` the stream when the operation streams.
    func contentExpression(_ c: OperationPlan.Content, ns: String, streams: Bool) -> String {
        let id = "\(ns).id"
        let documented = SwiftNames.stringLiteral(c.contentType)
        let stream = streams ? "received" : "HTTPBody(response.body)"
        switch c.kind {
        case .json: return "try core.decodeJSON(\(c.type).self, from: response, as: \(documented), operationID: \(id))"
        case .form: return "try core.decodeForm(\(c.type).self, from: response, as: \(documented), operationID: \(id))"
        case .text: return "try core.decodeText(response, as: \(documented), operationID: \(id))"
        case .binary: return "try core.binary(response, \(stream), as: \(documented), operationID: \(id))"
        case .multipart: return "try core.multipart(response, \(stream), as: \(documented), operationID: \(id))"
        case .multipartItems:
            let part = SwiftNames.stringLiteral(c.partContentType ?? "application/json")
            return "try core.multipartItems(\(c.itemType!).self, response, \(stream), partContentType: \(part), as: \(documented), operationID: \(id))"
        case .eventStream: return "try core.events(\(c.itemType!).self, response, \(stream), as: \(documented), operationID: \(id))"
        case .jsonLines: return "try core.jsonLines(\(c.itemType!).self, response, \(stream), as: \(documented), operationID: \(id))"
        case .jsonSequence: return "try core.jsonSequence(\(c.itemType!).self, response, \(stream), as: \(documented), operationID: \(id))"
        }
    }

    /// The `Accept` header: every documented response media type once, in spec order, later ones
    /// with lower `q` so the server knows which the client prefers.
    func acceptHeader(_ plan: OperationPlan) -> String? {
        var types: [String] = []
        for r in plan.results {
            for c in r.contents where !types.contains(c.contentType) { types.append(c.contentType) }
        }
        guard !types.isEmpty else { return nil }
        return types.enumerated().map { i, t in
            i == 0 ? t : t + ";q=" + (i >= 9 ? "0.1" : "0.\(10 - i)")
        }.joined(separator: ", ")
    }
}
