import Foundation

/// A received HTTP response, as a transport hands it to generated code.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, for example `200`.
    public var status: Int
    /// The response header fields.
    public var headers: HTTPFields
    /// The complete body; empty when the response had none.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPFields = HTTPFields(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
