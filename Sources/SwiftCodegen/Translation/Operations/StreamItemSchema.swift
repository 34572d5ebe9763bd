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
        /// Events of several shapes (`oneOf`/`anyOf` of event kinds), told apart by their
        /// `event` name (a `const` or one-value `enum` of `event`, or the discriminator's mapping).
        case kinds([EventKind])
        /// Described in a way the generator does not type (a union of event shapes, or `data`
        /// typed as something other than text); the data is handed over as text, and `reason` says why.
        case untyped(reason: String)
    }

    /// One kind of event of a union: the `event` name it is sent with and what its data is
    /// (`.text` or `.json`).
    struct EventKind {
        var name: String
        var data: EventData
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
        if let union = layers.first(where: { !$0.oneOf.isEmpty || !$0.anyOf.isEmpty }) {
            return eventKinds(union, resolve: resolve)
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

    /// The kinds of a union of event shapes; untyped unless every branch names its event and
    /// its data is text or JSON, each name once.
    private static func eventKinds(_ union: Schema, resolve: (RefTarget) -> Schema?) -> EventData {
        var mapped: [RefTarget: String] = [:]  // target → event name, from the discriminator
        if let d = union.discriminator, d.propertyName == "event" {
            for (name, target) in d.mappingTargets { mapped[target] = name }
        }
        var kinds: [EventKind] = []
        for branch in union.oneOf.isEmpty ? union.anyOf : union.oneOf {
            var resolved = branch
            var hops = 0
            while let target = resolved.ref, resolved.properties.isEmpty, let next = resolve(target), hops < 64 {
                resolved = next
                hops += 1
            }
            var name = branch.ref.flatMap { mapped[$0] }
            if name == nil, let event = resolved.properties["event"] {
                if case .string(let text)? = event.constValue { name = text }
                if let values = event.enumValues, values.count == 1, case .string(let text) = values[0] { name = text }
            }
            guard let name else {
                return .untyped(reason: "a kind of event of the `oneOf`/`anyOf` does not name its `event` (a `const`, or the discriminator's mapping)")
            }
            guard !kinds.contains(where: { $0.name == name }) else {
                return .untyped(reason: "two kinds of event of the `oneOf`/`anyOf` are both named `\(name)`")
            }
            let data = eventData(resolved, resolve: resolve)
            switch data {
            case .text, .json: kinds.append(EventKind(name: name, data: data))
            case .kinds: return .untyped(reason: "a kind of event of the `oneOf`/`anyOf` is itself a union")
            case .untyped(let reason): return .untyped(reason: "event `\(name)`: " + reason)
            }
        }
        return kinds.isEmpty ? .text : .kinds(kinds)
    }

    /// `application/json` or any `+json` type, parameters aside.
    static func isJSON(_ mediaType: String) -> Bool {
        let essence = mediaType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        return essence == "application/json" || essence.hasSuffix("+json")
    }

    /// True when the generator types the items of `media` (a request or response body's
    /// `contentType`) one by one from its `itemSchema`: the JSON sequences, event streams whose
    /// events it reads, and multipart parts typed by `itemSchema`, `itemEncoding` or
    /// `prefixEncoding` (but not `multipart/form-data` uploads, whose parts need names).
    static func honoured(_ contentType: String, _ media: MediaType, request: Bool, resolve: (RefTarget) -> Schema?) -> Bool {
        switch OperationNaming.bodyKind(contentType) {
        case .multipart, .multipartItems:
            if request, MultipartItemSchema.isFormData(contentType) { return false }
            return MultipartItemSchema.item(media) != nil || !media.prefixEncoding.isEmpty
        case .jsonLines, .jsonSequence:
            return media.itemSchema != nil && media.prefixEncoding.isEmpty && media.itemEncoding == nil
        case .eventStream:
            guard let item = media.itemSchema, media.prefixEncoding.isEmpty, media.itemEncoding == nil else { return false }
            if case .untyped = eventData(item, resolve: resolve) { return false }
            return true
        default: return false
        }
    }
}
