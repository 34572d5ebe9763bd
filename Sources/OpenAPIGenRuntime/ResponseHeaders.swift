import Foundation

/// The head of a response whose spec documents no headers: every case of a generated `Output`
/// carries one (or a generated struct with typed fields beside ``raw``), so the status and all
/// header fields are reachable whatever the spec documents.
///
/// All values are equal: equality covers what the spec documents, and it documents nothing
/// here; `raw` holds whatever the server added (dates, trace ids), so a decoded output equals
/// one built in code from the same body.
public struct ResponseHeaders: Sendable, Hashable {
    /// The response as received: status, every header field and, when it was buffered, the body.
    public var raw: HTTPResponse

    /// Wraps a received response.
    public init(raw: HTTPResponse) {
        self.raw = raw
    }

    /// Headers of a response built in code (by a fake server or a test) rather than received.
    public init(status: Int) {
        self.raw = HTTPResponse(status: status)
    }

    /// True: there is nothing documented to compare (see the type's discussion).
    public static func == (lhs: ResponseHeaders, rhs: ResponseHeaders) -> Bool { true }

    /// Adds nothing, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {}

    /// The value of the first field named `name` (case-insensitively), if any.
    public subscript(_ name: String) -> String? { raw.headers[name] }
}
