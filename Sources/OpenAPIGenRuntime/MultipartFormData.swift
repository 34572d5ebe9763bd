import Foundation

/// A `multipart/form-data` request body: named parts of text or bytes, built by the caller.
///
/// Multipart schemas describe files and fields whose bytes don't fit JSON's model, so the
/// generated API takes the parts themselves rather than guess an encoding for each field.
public struct MultipartFormData: Sendable, Hashable {
    /// One field or file.
    public struct Part: Sendable, Hashable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var data: Data

        /// A part with raw bytes (a file when `filename` is set).
        public init(name: String, filename: String? = nil, contentType: String? = nil, data: Data) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }

        /// A text field.
        public init(name: String, text: String) {
            self.init(name: name, data: Data(text.utf8))
        }
    }

    public var parts: [Part]
    /// Separates parts; fixed per value so that encoding is repeatable.
    public var boundary: String

    /// Creates a body; the default boundary is random, as it must not occur inside any part.
    public init(parts: [Part], boundary: String = "openapi-gen-" + UUID().uuidString) {
        self.parts = parts
        self.boundary = boundary
    }

    /// The `Content-Type` header value, which carries the boundary.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body bytes (RFC 7578).
    public func encoded() -> Data {
        var data = Data()
        func line(_ text: String) { data.append(contentsOf: Array((text + "\r\n").utf8)) }
        for part in parts {
            line("--\(boundary)")
            var disposition = "Content-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let filename = part.filename { disposition += "; filename=\"\(Self.quoted(filename))\"" }
            line(disposition)
            if let type = part.contentType { line("Content-Type: \(type)") }
            line("")
            data.append(part.data)
            line("")
        }
        line("--\(boundary)--")
        return data
    }

    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
