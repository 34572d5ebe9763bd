import OpenAPIModel

/// The request-side types of OpenAPI 3.2's typed item streams that are not JSON sequences:
/// typed event-stream uploads and typed multipart parts.
extension TranslationContext {
    /// The `Payload` of `ServerSentEventUpload<Payload>` for events described by `events`: the
    /// `contentSchema` type of JSON data, `JSONValue` for JSON data without one, `String` for
    /// text; nil when the events are not described in a way the generator types (the body is
    /// then the caller's bytes, with a warning).
    func eventUploadPayload(_ events: Schema, hint: String, in container: inout Container) -> String? {
        switch StreamItemSchema.eventData(events, resolve: schema(for:)) {
        case .text: return "String"
        case .json(let payload): return payload.map { typeUse($0, hint: hint, in: &container).rendered } ?? "JSONValue"
        case .kinds(let kinds): return eventKindsType(kinds, hint: hint, in: &container)
        case .untyped: return nil
        }
    }

    /// The media type the typed parts of `media` are written in.
    func partContentType(_ media: MediaType) -> String? {
        // Parts typed by position name their own media types.
        if MultipartItemSchema.positions(media, resolve: schema(for:)) != nil { return "application/octet-stream" }
        return MultipartItemSchema.item(media).map { MultipartItemSchema.partContentType(media, item: $0, resolve: schema(for:)) }
    }

    /// `multipart/mixed` of `multipart/mixed; charset=x`, lowercased.
    static func mediaEssence(_ contentType: String) -> String {
        contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? contentType
    }
}
