import Foundation

/// A response being written by a generated server from an operation's `Output`.
public struct ServerReply: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields.
    public var headers: HTTPFields
    /// The body; empty for none.
    public var body: HTTPBody

    /// A reply with `status`, carrying the fields (and, when it has one, the buffered body) of
    /// `raw`: the response a handler built in an output's headers, or an undocumented output.
    /// Fields the server writes itself (`Content-Length`, `Transfer-Encoding`) are dropped.
    public init(status: Int, raw: HTTPResponse = HTTPResponse(status: 0)) {
        self.status = status
        var headers = HTTPFields()
        for field in raw.headers where !["content-length", "transfer-encoding", "connection"].contains(field.name.lowercased()) {
            headers.append(field.name, field.value)
        }
        self.headers = headers
        body = HTTPBody(raw.body)
    }

    /// Sets `Content-Type` to `contentType`, replacing any the handler set.
    public mutating func contentType(_ contentType: String) {
        headers["Content-Type"] = contentType
    }

    /// A JSON body.
    public mutating func json(_ value: some Encodable, contentType: String = "application/json") throws {
        self.contentType(contentType)
        body = HTTPBody(try JSONCoding.encode(value))
    }

    /// A text body, sent as UTF-8 (and said so when `contentType` names no charset).
    public mutating func text(_ value: String, contentType: String = "text/plain") {
        self.contentType(contentType.lowercased().contains("charset") ? contentType : contentType + "; charset=utf-8")
        body = HTTPBody(value)
    }

    /// A body of bytes, streamed as the handler produces them.
    public mutating func bytes(_ value: HTTPBody, contentType: String = "application/octet-stream") {
        self.contentType(contentType)
        body = value
    }

    /// A multipart body: its parts' bytes as they are, the boundary they were written with added
    /// to `contentType` (a reader cannot find the parts without it).
    public mutating func multipart(_ value: MultipartParts, contentType: String) {
        bytes(value.body, contentType: contentType.lowercased().contains("boundary=") ? contentType : contentType + "; boundary=" + value.boundary)
    }

    /// Writes the documented header `name` from its typed value (`simple` style, or JSON for
    /// `content` headers); nil writes nothing.
    public mutating func header(_ name: String, _ value: (some Encodable)?, _ shape: HeaderValueShape) {
        guard let value, let json = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value)) else { return }
        let text: String
        switch (shape, json) {
        case (_, .null): return
        case (.json, _):
            text = (try? JSONCoding.encode(json)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        case (.object(let explode), .object):
            text = HeaderEncoding.text(FormEncoding.pairs(json).map { explode ? $0.0 + "=" + $0.1 : $0.0 + "," + $0.1 })
        case (_, .array(let items)):
            text = HeaderEncoding.text(items.map(\.scalarText))
        default:
            text = HeaderEncoding.text(json.scalarText)
        }
        headers[name] = text
    }
}
