import OpenAPIModel

/// One operation as the generated code sees it: names, inputs, and each documented response.
struct OperationPlan {
    struct Param {
        var parameter: Parameter
        var swiftName: String
        var use: TypeUse
        var optional: Bool
        var doc: [String]
    }

    enum BodyKind {
        case json, form, multipart, text, binary, eventStream, jsonLines, jsonSequence
        /// A `multipart/*` body whose parts a 3.2 `itemSchema` (or `itemEncoding`) types.
        case multipartItems

        /// Read as it arrives rather than collected: the bytes (binary, multipart) or the items
        /// of a stream.
        var streams: Bool {
            switch self {
            case .json, .form, .text: return false
            case .multipart, .multipartItems, .binary, .eventStream, .jsonLines, .jsonSequence: return true
            }
        }

        /// A request body of this kind is sent as it is produced (`upload`), not from memory:
        /// bytes, or items typed by a 3.2 `itemSchema` (any other stream is sent as bytes).
        var uploads: Bool { [.binary, .jsonLines, .jsonSequence, .eventStream, .multipartItems].contains(self) }
    }

    /// One documented media type of a response: how it is read and into what.
    struct Content {
        var contentType: String
        var kind: BodyKind
        /// The Swift type the body is read into (`Receipt`, `HTTPBody`, `ServerSentEvents<Chunk>`).
        var type: String
        /// The item type of a stream (`Chunk` of `ServerSentEvents<Chunk>`).
        var itemType: String?
        /// The media type a typed multipart part is read as when it names none (`itemEncoding`'s).
        var partContentType: String?
        /// The case of the body enum when the response documents several media types.
        var caseName: String
    }

    struct Body {
        var contentType: String
        var kind: BodyKind
        var type: String
        var required: Bool
        var use: TypeUse?
        var doc: [String]
        /// With several media types: one per type, and `type` names the enum the caller picks from.
        var variants: [BodyVariant] = []
        /// A form's Encoding Objects, as the `[String: FormMemberEncoding]` literal passed to the runtime.
        var formEncoding: String?
        /// The media type typed multipart parts are written in (the `itemEncoding`'s).
        var partContentType: String?
    }

    /// One media type a request body can be sent as.
    struct BodyVariant {
        var contentType: String
        var kind: BodyKind
        var type: String
        var caseName: String
        /// As ``Body/formEncoding``.
        var formEncoding: String?
        /// As ``Body/partContentType``.
        var partContentType: String? = nil
    }

    struct Result {
        var status: ResponseStatus
        var caseName: String
        /// The documented media types, in spec order; empty when the response has no body.
        var contents: [Content] = []
        /// With several media types, the enum under `Output` with a case for each.
        var bodyEnum: String?
        var doc: [String]

        /// The case's body type; nil when the response has no body.
        var payloadType: String? { bodyEnum ?? contents.first?.type }
        /// The headers the spec documents for this response, in spec order.
        var headers: [ResponseHeader] = []
        /// The case's `headers:` value: a struct declared under `Output` when the spec documents
        /// headers, the runtime's `ResponseHeaders` otherwise; either carries the raw response.
        var headersType = "ResponseHeaders"
        /// Set when other responses document the same headers: `headersType` is then a
        /// typealias of this shared struct rather than a struct of its own.
        var sharedHeaders: SharedHeaderSet?

        /// The status a value built without a response (by a fake or a test) says it has.
        var nominalStatus: Int {
            switch status {
            case .code(let c): return c
            case .range(let d): return d * 100
            case .default: return 0
            }
        }
    }

    /// One documented response header, read into its schema's type.
    struct ResponseHeader {
        var name: String
        var swiftName: String
        var type: String
        var required: Bool
        /// The runtime `HeaderValueShape` the text is read as (`.scalar`, `.list`, …).
        var shape: String
        var doc: [String]
    }

    var entry: OperationEntry
    /// True when a response or the request body is read or sent as it arrives, so the client
    /// sends through `ClientCore.stream`.
    var streams: Bool {
        results.contains { $0.contents.contains { $0.kind.streams } } || body?.kind.uploads == true
            || body?.variants.contains { $0.kind.uploads } == true
    }
    /// `searchLookalikesBulk`: the protocol method.
    var methodName: String
    /// `SearchLookalikesBulk`: the namespace under `Operations`.
    var typeName: String
    /// The spec's operationId, or one made from method and path.
    var operationID: String
    var params: [Param] = []
    var body: Body?
    var results: [Result] = []
    var doc: [String] = []
    /// Security schemes that may authorize the call, each alternative a set applied together.
    var security: [SecurityRequirement] = []

    /// The response the convenience method returns: the first documented 2xx.
    var success: Result? {
        results.first { r in
            switch r.status {
            case .code(let c): return (200..<300).contains(c)
            case .range(let r): return r == 2
            case .default: return false
            }
        }
    }
}

enum OperationNaming {
    /// FastAPI names operations `{function}{path with non-word characters as _}_{method}`
    /// (`search_lookalikes_bulk_status_api_v1_account_search_lookalikes_bulk__job_id__get`); the
    /// function name is what the author chose, so that is what the method is called.
    static func baseName(operationID: String?, path: String, method: HTTPMethod) -> String {
        guard let id = operationID, !id.isEmpty else {
            return method.rawValue + " " + path
        }
        let pathPart = String(String.UnicodeScalarView(path.unicodeScalars.map { isPythonWordCharacter($0) ? $0 : "_" }))
        let suffix = pathPart + "_" + method.rawValue
        if id.hasSuffix(suffix), id.count > suffix.count {
            return String(id.dropLast(suffix.count))
        }
        return id
    }

    /// Python's `\w` on text, which FastAPI's `re.sub(r"\W", "_", …)` keeps: `_` and what
    /// `str.isalnum()` accepts, a letter or a scalar with a numeric value, in any script
    /// (`/заказы/{id}` → `_заказы__id_`).
    private static func isPythonWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }

    static func caseName(for status: ResponseStatus) -> String {
        switch status {
        case .default: return "default"
        case .range(let r):
            return ["1": "informational", "2": "success", "3": "redirection", "4": "clientError", "5": "serverError"][String(r)] ?? "status\(r)XX"
        case .code(let c):
            return reasonNames[c] ?? "status\(c)"
        }
    }

    static let reasonNames: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted",
        203: "nonAuthoritativeInformation", 204: "noContent", 205: "resetContent", 206: "partialContent",
        300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified",
        307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest", 401: "unauthorized",
        402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable",
        407: "proxyAuthenticationRequired", 408: "requestTimeout", 409: "conflict", 410: "gone", 411: "lengthRequired",
        412: "preconditionFailed", 413: "contentTooLarge", 414: "uriTooLong", 415: "unsupportedMediaType",
        416: "rangeNotSatisfiable", 417: "expectationFailed", 418: "imATeapot", 421: "misdirectedRequest",
        422: "unprocessableContent", 423: "locked", 424: "failedDependency", 425: "tooEarly", 426: "upgradeRequired",
        428: "preconditionRequired", 429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge",
        451: "unavailableForLegalReasons", 500: "internalServerError", 501: "notImplemented", 502: "badGateway",
        503: "serviceUnavailable", 504: "gatewayTimeout", 505: "httpVersionNotSupported", 507: "insufficientStorage",
        511: "networkAuthenticationRequired",
    ]

    static func bodyKind(_ contentType: String) -> OperationPlan.BodyKind {
        let type = contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        if type == "text/event-stream" { return .eventStream }
        if ["application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines"].contains(type) { return .jsonLines }
        if type == "application/json-seq" { return .jsonSequence }
        if type.contains("json") { return .json }
        if type == "application/x-www-form-urlencoded" { return .form }
        if type == "multipart/form-data" || type.hasPrefix("multipart/") { return .multipart }
        if type.hasPrefix("text/") { return .text }
        return .binary
    }

    /// Of several media types, the one generated code speaks: JSON, then form, then the others.
    static func preferredMediaType<T>(_ content: OrderedMap<T>) -> (String, T)? {
        let order: [OperationPlan.BodyKind] = [.json, .form, .multipart, .text, .binary, .eventStream, .jsonLines, .jsonSequence]
        for kind in order {
            if let hit = content.first(where: { bodyKind($0.key) == kind }) { return (hit.key, hit.value) }
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}
