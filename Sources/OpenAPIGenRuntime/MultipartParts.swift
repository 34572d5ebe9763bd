import Foundation

/// A `multipart/*` response body read part by part as it arrives (RFC 2046; the boundary comes
/// from the response's `Content-Type`). Each part is held whole once its closing delimiter has
/// arrived; the body as a whole never is.
///
/// A body cut short before its closing delimiter throws ``MultipartError/truncated(partsRead:)``
/// after the complete parts were handed over.
public struct MultipartParts: AsyncSequence, Sendable, Hashable {
    public typealias Element = MultipartPart

    /// The body the parts are read from.
    public let body: HTTPBody
    /// The delimiter between parts, without its leading `--`.
    public let boundary: String

    /// Parts of `body`, separated by `boundary`.
    public init(body: HTTPBody, boundary: String) {
        self.body = body
        self.boundary = boundary
    }

    /// Parts of `body`, separated by the boundary `contentType` names
    /// (`multipart/mixed; boundary=x`); throws ``MultipartError/missingBoundary(contentType:)``.
    public init(body: HTTPBody, contentType: String?) throws {
        self.init(body: body, boundary: try MultipartError.boundary(of: contentType))
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator(), parser: MultipartParser(boundary: boundary))
    }

    /// Reads parts from the body's chunks.
    public struct Iterator: AsyncIteratorProtocol {
        var chunks: HTTPBody.Iterator
        var parser: MultipartParser
        var pending: [MultipartPart] = []
        var index = 0
        var ended = false

        public mutating func next() async throws -> MultipartPart? {
            while index == pending.count {
                if ended { return nil }
                guard let chunk = try await chunks.next() else {
                    ended = true
                    try parser.finish()
                    return nil
                }
                pending = try parser.feed(chunk)
                index = 0
            }
            defer { index += 1 }
            return pending[index]
        }
    }
}
