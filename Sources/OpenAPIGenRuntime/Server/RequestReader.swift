import Foundation

/// Reads a routed request into an operation's `Input`, collecting every problem instead of
/// stopping at the first, so that one 400 lists everything wrong with the request.
///
/// Generated servers call one method per parameter and one for the body, then
/// ``validate(_:)`` with the built input, then throw ``rejection(status:)`` if anything was
/// recorded.
public struct RequestReader: Sendable {
    /// The request being read.
    public let request: ServerRequest
    /// Everything found wrong so far, in the order the parameters were read.
    public private(set) var problems: [ServerProblem] = []
    /// True once the body's media type was one the operation does not accept (answered 415).
    public private(set) var unsupportedMediaType = false
    /// Parameter names read so far, with their locations, so a validation issue is reported
    /// where its value came from.
    private var locations: [String: String] = [:]

    /// A reader for `request`.
    public init(_ request: ServerRequest) {
        self.request = request
    }

    /// The path parameter `name`, read in its `style`.
    public mutating func path<T: Decodable>(
        _ name: String, as type: T.Type, shape: ParameterShape, style: ParameterStyle = .simple, explode: Bool = false
    ) -> T? {
        locations[name] = "path"
        guard let raw = request.pathParameters[name] else {
            report("path", name, "is required", "missing")
            return nil
        }
        guard let pieces = ParameterDecoding.path(raw, name: name, shape: shape, style: style, explode: explode) else {
            report("path", name, "\(String(raw).debugDescription) is not in the parameter's \(style) style", "value_error")
            return nil
        }
        return read(type, pieces, "path", name)
    }

    /// The query parameter `name`; `required` records a problem when it is absent. `others`
    /// names the operation's other query parameters, which an exploded `form` object leaves
    /// alone (its members are the remaining pairs). With `allowReserved` a `+` is a plus, as the
    /// client sent it, not a form-encoded space.
    public mutating func query<T: Decodable>(
        _ name: String, as type: T.Type, shape: ParameterShape, style: ParameterStyle = .form, explode: Bool = true,
        required: Bool, others: Set<String> = [], allowReserved: Bool = false
    ) -> T? {
        locations[name] = "query"
        guard let pairs = allowReserved ? request.reservedQueryPairs : request.queryPairs else {
            if !problems.contains(where: { $0.location == "query" && $0.path.isEmpty }) {
                report("query", "", "the query string has a malformed percent-escape", "value_error")
            }
            return nil
        }
        let pieces: ParameterDecoding.Pieces?
        switch shape {
        case .scalar:
            pieces = pairs.first { $0.name == name }.map { .scalar($0.value) }
        case .array:
            let values = pairs.filter { $0.name == name }.map(\.value)
            if values.isEmpty {
                pieces = nil
            } else if explode {
                pieces = .array(values)
            } else {
                let separator: Character = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
                pieces = ParameterDecoding.delimited(values[0], .array, separator: separator, explode: false)
            }
        case .object:
            if style == .deepObject {
                let prefix = name + "["
                let members = pairs.compactMap { pair -> (String, String)? in
                    guard pair.name.hasPrefix(prefix), pair.name.hasSuffix("]") else { return nil }
                    return (String(pair.name.dropFirst(prefix.count).dropLast()), pair.value)
                }
                pieces = members.isEmpty ? nil : .object(members)
            } else if explode {
                let members = pairs.filter { $0.name != name && !others.contains($0.name) }.map { ($0.name, $0.value) }
                pieces = members.isEmpty ? nil : .object(members)
            } else {
                pieces = pairs.first { $0.name == name }.map { ParameterDecoding.delimited($0.value, .object, explode: false) }
            }
        }
        guard let pieces else {
            if required { report("query", name, "is required", "missing") }
            return nil
        }
        return read(type, pieces, "query", name)
    }

    /// How an OpenAPI 3.2 `in: querystring` parameter spells the whole query string.
    public enum QueryStringFormat: Sendable {
        /// `application/x-www-form-urlencoded`: pairs, read like a form body.
        case form
        /// JSON, percent-encoded.
        case json
        /// The text itself, percent-encoded (a `String` parameter of any other media type).
        case text
    }

    /// The `in: querystring` parameter `name`: the whole query string, read as `format` says
    /// (with the form's Encoding Objects in `encoding`).
    public mutating func queryString<T: Decodable>(
        _ name: String, as type: T.Type, format: QueryStringFormat, encoding: [String: FormMemberEncoding] = [:], required: Bool
    ) -> T? {
        locations[name] = "query"
        let raw = request.head.queryString ?? ""
        guard !raw.isEmpty else {
            if required { report("query", name, "is required", "missing") }
            return nil
        }
        switch format {
        case .form:
            guard let pairs = request.queryPairs else {
                report("query", name, "the query string has a malformed percent-escape", "value_error")
                return nil
            }
            do {
                return try FormBodyDecoding.decode(T.self, pairs: pairs, encoding: encoding)
            } catch let error as DecodingError {
                let inner = Self.codingPath(error)
                report("query", inner.isEmpty ? name : inner, Self.describe(error), "value_error")
            } catch {
                report("query", name, "the query string does not match its schema", "value_error")
            }
        case .json, .text:
            guard let text = PercentEncoding.decode(Substring(raw)) else {
                report("query", name, "the query string has a malformed percent-escape", "value_error")
                return nil
            }
            if format == .text, let value = text as? T { return value }
            do {
                return try ServerJSON.decode(T.self, from: Data(text.utf8))
            } catch let error as DecodingError {
                let inner = Self.codingPath(error)
                report("query", inner.isEmpty ? name : name + (inner.hasPrefix("[") ? "" : ".") + inner,
                       Self.describe(error, subject: "the query string"), Self.kind(error))
            } catch {
                report("query", name, "the query string is not valid JSON", "json_invalid")
            }
        }
        return nil
    }

    /// The header parameter `name` (`simple` style); repeated lines are joined with `,`.
    public mutating func header<T: Decodable>(
        _ name: String, as type: T.Type, shape: ParameterShape, explode: Bool = false, required: Bool
    ) -> T? {
        locations[name] = "header"
        let lines = request.head.headers.values(for: name)
        guard !lines.isEmpty else {
            if required { report("header", name, "is required", "missing") }
            return nil
        }
        let text = lines.joined(separator: ",").trimmingCharacters(in: .whitespaces)
        return read(type, ParameterDecoding.delimited(text, shape, explode: explode), "header", name)
    }

    /// The cookie `name`, percent-decoded (``HeaderEncoding/cookie(_:)`` escapes what a cookie
    /// value cannot hold) unless `decodes` is false: OpenAPI 3.2's `style: cookie`, whose values
    /// are sent as they are.
    public mutating func cookie<T: Decodable>(
        _ name: String, as type: T.Type, shape: ParameterShape, explode: Bool = false, decodes: Bool = true, required: Bool
    ) -> T? {
        locations[name] = "cookie"
        guard let raw = request.cookies.first(where: { $0.name == name })?.value else {
            if required { report("cookie", name, "is required", "missing") }
            return nil
        }
        guard let text = decodes ? PercentEncoding.decode(Substring(raw)) : raw else {
            report("cookie", name, "has a malformed percent-escape", "value_error")
            return nil
        }
        return read(type, ParameterDecoding.delimited(text, shape, explode: explode), "cookie", name)
    }

    /// The index in `documented` of the media type the body was sent as; nil (and 415) when the
    /// request says a type the operation does not accept. A body sent without `Content-Type`
    /// is read as the first documented type.
    public mutating func bodyContentType(documented: [String]) -> Int? {
        guard let actual = request.contentType else { return 0 }
        if let index = MediaTypeRange.bestMatch(actual, in: documented) { return index }
        unsupportedMediaType = true
        report("body", "", "the media type \(actual.debugDescription) is not one the operation accepts (\(documented.joined(separator: ", ")))", "unsupported_media_type")
        return nil
    }

    /// Refuses the body's media type with 415: one the operation documents but this server
    /// cannot read (generated code says which).
    public mutating func refuseMediaType(_ message: String) {
        unsupportedMediaType = true
        report("body", "", message, "unsupported_media_type")
    }

    /// A JSON body decoded into `T`; an empty body is missing (a problem when `required`).
    public mutating func jsonBody<T: Decodable>(_ type: T.Type, required: Bool) -> T? {
        guard let data = bufferedBody(required: required) else { return nil }
        do {
            return try ServerJSON.decode(T.self, from: data)
        } catch let error as DecodingError {
            report("body", Self.codingPath(error), Self.describe(error), Self.kind(error))
        } catch {
            report("body", "", "the body is not valid JSON", "json_invalid")
        }
        return nil
    }

    /// An `application/x-www-form-urlencoded` body decoded into `T`, each member read as its
    /// Encoding Object in `encoding` says (see ``FormEncoding/encode(_:encoding:)``).
    public mutating func formBody<T: Decodable>(_ type: T.Type, required: Bool, encoding: [String: FormMemberEncoding] = [:]) -> T? {
        guard let data = bufferedBody(required: required) else { return nil }
        guard let text = String(validating: data, as: UTF8.self), let pairs = ServerRequest.pairs(text) else {
            report("body", "", "the form has a malformed percent-escape or is not UTF-8", "value_error")
            return nil
        }
        do {
            return try FormBodyDecoding.decode(T.self, pairs: pairs, encoding: encoding)
        } catch let error as DecodingError {
            report("body", Self.codingPath(error), Self.describe(error), "value_error")
        } catch {
            report("body", "", "the form does not match its schema", "value_error")
        }
        return nil
    }

    /// A `multipart/form-data` body, its parts as sent (with the request's boundary).
    public mutating func multipartBody(required: Bool) -> MultipartFormData? {
        guard let data = bufferedBody(required: required) else { return nil }
        guard let form = MultipartFormData.parse(data, contentType: request.contentType ?? "") else {
            report("body", "", "the body is not multipart/form-data framed by the boundary its Content-Type names", "value_error")
            return nil
        }
        return form
    }

    /// A 3.2 typed multipart body (`itemSchema`, `prefixItems`), streamed: the handler reads its
    /// items from ``MultipartUpload/received`` as the parts arrive.
    public mutating func multipartItemsBody<Item>(_ type: MultipartUpload<Item>.Type, partContentType: String, required: Bool) -> MultipartUpload<Item>? {
        guard let body = streamedBody(required: required) else { return nil }
        guard let parts = try? MultipartParts(body: body, contentType: request.contentType) else {
            report("body", "", "the multipart body's Content-Type names no boundary", "value_error")
            return nil
        }
        return MultipartUpload(received: parts, partContentType: partContentType)
    }

    /// A text body, which must be UTF-8.
    public mutating func textBody(required: Bool) -> String? {
        // Zero bytes under a declared media type are the empty text, not a missing body.
        if request.contentType != nil, (request.body.bufferedData ?? Data()).isEmpty { return "" }
        guard let data = bufferedBody(required: required) else { return nil }
        guard let text = String(validating: data, as: UTF8.self) else {
            report("body", "", "the body is not UTF-8 text", "value_error")
            return nil
        }
        return text
    }

    /// The body as the handler reads it: streamed for operations that stream their body.
    public mutating func streamedBody(required: Bool) -> HTTPBody? {
        // Zero bytes under a declared media type are an empty file, not a missing body.
        if case .known(0) = request.body.length, request.contentType == nil {
            if required { report("body", "", "is required", "missing") }
            return nil
        }
        return request.body
    }

    /// Records the issues of the built input (the generated validators), each at the location
    /// its parameter was read from, or in the body.
    public mutating func validate(_ input: some Validatable) {
        for issue in input.validationIssues {
            let head = issue.path.prefix { $0 != "." && $0 != "[" }
            report(locations[String(head)] ?? "body", issue.path, issue.message, "value_error")
        }
    }

    /// The rejection listing every problem: 415 for a media type the operation does not accept,
    /// else `status` (400, or 422 when the operation documents it), in FastAPI's shape when
    /// that is what the operation documents for 422.
    public func rejection(status: Int, fastAPIShape: Bool = false) -> ServerRejection {
        ServerRejection(status: unsupportedMediaType ? 415 : status, problems: problems, fastAPIShape: fastAPIShape && !unsupportedMediaType)
    }

    /// Records a problem found by generated code.
    public mutating func report(_ location: String, _ path: String, _ message: String, _ kind: String) {
        problems.append(ServerProblem(location: location, path: path, message: message, kind: kind))
    }

    private mutating func read<T: Decodable>(_ type: T.Type, _ pieces: ParameterDecoding.Pieces, _ location: String, _ name: String) -> T? {
        if let value = ParameterDecoding.decode(type, pieces) { return value }
        if let (path, message) = Self.numberProblem(type, pieces) {
            report(location, name + path, message, "value_error")
            return nil
        }
        let text: String
        switch pieces {
        case .scalar(let s): text = s.debugDescription
        case .array(let items): text = items.map(\.debugDescription).joined(separator: ", ")
        case .object(let members): text = members.map { "\($0.0)=\($0.1)".debugDescription }.joined(separator: ", ")
        }
        report(location, name, "\(text) is not a valid \(Self.typeName(T.self))", "type_error")
        return nil
    }

    /// Where and why a parameter's number does not fit its type (`limit` or `ids[2]`: integer out
    /// of range), read from the pieces as JSON literals; nil for any other failure.
    private static func numberProblem<T: Decodable>(_ type: T.Type, _ pieces: ParameterDecoding.Pieces) -> (String, String)? {
        let literal = ResponseHeaderDecoding.literal
        let json: String
        switch pieces {
        case .scalar(let text): json = literal(text)
        case .array(let items): json = "[" + items.map(literal).joined(separator: ",") + "]"
        case .object(let members): json = "{" + members.map { ResponseHeaderDecoding.quoted($0.0) + ":" + literal($0.1) }.joined(separator: ",") + "}"
        }
        guard let error = JSONDiagnosticDecoder.diagnose(type, Data(json.utf8)), ServerJSON.isNumberProblem(error),
              case .dataCorrupted(let context) = error else { return nil }
        let path = codingPath(error)
        return (path.isEmpty || path.hasPrefix("[") ? path : "." + path, context.debugDescription)
    }

    private mutating func bufferedBody(required: Bool) -> Data? {
        let data = request.body.bufferedData ?? Data()
        if data.isEmpty {
            if required { report("body", "", "is required", "missing") }
            return nil
        }
        return data
    }

    /// `Int`, `[String]`: the Swift name without the module, which says nothing to a caller.
    private static func typeName(_ type: Any.Type) -> String {
        String(describing: type).split(separator: ".").last.map(String.init) ?? String(describing: type)
    }

    private static func codingPath(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return ""
        }
        var path = ""
        var keys = context.codingPath
        if case .keyNotFound(let key, _) = error { keys.append(key) }
        for key in keys {
            if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return path
    }

    /// The decoder's reason, without Swift type names and coding-path dumps; `subject` names
    /// what was decoded, for a reason about the whole of it.
    private static func describe(_ error: DecodingError, subject: String = "the body") -> String {
        switch error {
        case .keyNotFound: return "is required"
        case .valueNotFound: return "must not be null"
        case .typeMismatch(let type, _): return "is not a valid \(typeName(type))"
        case .dataCorrupted(let context):
            if !context.codingPath.isEmpty { return context.debugDescription }
            // ``ServerJSON`` says where the syntax broke; Foundation's own text says nothing more.
            if context.debugDescription.hasPrefix("not valid JSON") { return subject + " is " + context.debugDescription }
            return subject + " is not valid JSON"
        @unknown default: return subject + " does not match its schema"
        }
    }

    /// `json_invalid` for text that is not JSON or a value of the wrong JSON type, as before;
    /// `value_error` for a value of the right type the member cannot hold (an integer out of
    /// range, a malformed date).
    private static func kind(_ error: DecodingError) -> String {
        if case .dataCorrupted(let context) = error, !context.codingPath.isEmpty { return "value_error" }
        return "json_invalid"
    }
}
