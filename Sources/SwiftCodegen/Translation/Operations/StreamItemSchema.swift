import OpenAPIModel

/// What an OpenAPI 3.2 `itemSchema` makes of a sequential media type's items.
enum StreamItemSchema {
    /// What each `text/event-stream` event's `data` is read as.
    enum EventData {
        /// Text, as it arrives: the schema types `data` as a string, or says nothing of it.
        case text
        /// JSON (`data` with `contentMediaType: application/json`), decoded into `contentSchema`
        /// when there is one, otherwise into an untyped JSON value.
        case json(Schema?)
        /// Described in a way the generator does not type (a union of event shapes, or `data`
        /// typed as something other than text); the data is handed over as text, and `reason` says why.
        case untyped(reason: String)
    }

    /// How the events described by `item` (an SSE item schema: `event`, `data`, `id`, `retry`)
    /// carry their data.
    static func eventData(_ item: Schema, resolve: (RefTarget) -> Schema?) -> EventData {
        var layers: [Schema] = [item]
        var current = item
        var hops = 0
        while let target = current.ref, let next = resolve(target), hops < 64 {
            layers.append(next)
            current = next
            hops += 1
        }
        if layers.contains(where: { !$0.oneOf.isEmpty || !$0.anyOf.isEmpty }) {
            return .untyped(reason: "events of several shapes (`oneOf`/`anyOf`) are not typed one by one")
        }
        guard var data = layers.lazy.compactMap({ $0.properties["data"] }).first else { return .text }
        hops = 0
        while data.isPureReference, let target = data.ref, let next = resolve(target), hops < 64 {
            data = next
            hops += 1
        }
        if let mediaType = data.contentMediaType, isJSON(mediaType) { return .json(data.contentSchema?.value) }
        if data.contentSchema != nil {
            return .untyped(reason: "`contentSchema` of `data` is read only with `contentMediaType: application/json`")
        }
        if let types = data.types, !types.contains(.string) {
            return .untyped(reason: "an event's `data` is always text, not \(types.map(\.rawValue).joined(separator: " or "))")
        }
        return .text
    }

    /// `application/json` or any `+json` type, parameters aside.
    static func isJSON(_ mediaType: String) -> Bool {
        let essence = mediaType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        return essence == "application/json" || essence.hasSuffix("+json")
    }

    /// True when the generator types the items of `media` (a response's `contentType`) one by
    /// one from its `itemSchema`: the JSON sequences, and event streams whose events it reads.
    static func honoured(_ contentType: String, _ media: MediaType, resolve: (RefTarget) -> Schema?) -> Bool {
        guard let item = media.itemSchema, media.prefixEncoding.isEmpty, media.itemEncoding == nil else { return false }
        switch OperationNaming.bodyKind(contentType) {
        case .jsonLines, .jsonSequence: return true
        case .eventStream:
            if case .untyped = eventData(item, resolve: resolve) { return false }
            return true
        default: return false
        }
    }
}
