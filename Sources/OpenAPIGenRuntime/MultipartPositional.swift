import Foundation

/// A part of a `multipart/*` body typed by its position: the enum generated for OpenAPI 3.2's
/// `prefixEncoding` (with `prefixItems`), one case per position the spec types and one for the
/// parts after them. ``MultipartItems`` reads parts through it, ``MultipartUpload`` writes them.
public protocol MultipartPositional: Sendable {
    /// The value of `part`, the part at `position` (0 for the first).
    init(part: MultipartPart, position: Int) throws
    /// The part this value is sent as, with its media type.
    func multipartPart() throws -> MultipartPart
}

extension MultipartPart {
    /// The part read as `type`, as its own `Content-Type` (or else `declared`) says: JSON
    /// decoded, text as `String` (or a number read from it), the bytes as `Data`, the part
    /// itself as ``MultipartPart``.
    public func decoded<T>(_ type: T.Type, as declared: String) throws -> T {
        try MultipartItemCoding.decode(type, from: self, declared: declared)
    }

    /// `value` as a part of `contentType`: JSON for JSON types, a string's text, `Data`'s
    /// bytes, or a ``MultipartPart`` as it is.
    public init<T>(encoding value: T, as contentType: String) throws {
        self = try MultipartItemCoding.encode(value, contentType: contentType)
    }
}
