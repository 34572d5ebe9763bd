import Foundation

/// OpenAPI 3.2 `in: querystring` parameters: one value that is the whole query string, written
/// as its media type says and stored, percent-encoded, in ``HTTPRequest/queryString``.
public enum QueryStringEncoding {
    /// `application/x-www-form-urlencoded`: the same `name=value&…` pairs as a form request
    /// body (``FormEncoding``), so nested objects and arrays are flattened the same way.
    public static func form(_ value: some Encodable) throws -> String {
        String(decoding: try FormEncoding.encode(value), as: UTF8.self)
    }

    /// A form whose members `encoding` names are written as their Encoding Objects say
    /// (``FormEncoding/encode(_:encoding:)``).
    public static func form(_ value: some Encodable, encoding: [String: FormMemberEncoding]) throws -> String {
        String(decoding: try FormEncoding.encode(value, encoding: encoding), as: UTF8.self)
    }

    /// A JSON media type: the JSON text of the value, percent-encoded as a whole (3.2's
    /// example: `{"numbers":[1,2]}` is written `%7B%22numbers%22%3A%5B1%2C2%5D%7D`).
    public static func json(_ value: some Encodable) throws -> String {
        text(String(decoding: try JSONCoding.encode(value), as: UTF8.self))
    }

    /// A media type whose value is a string written as is (text/plain, application/jsonpath):
    /// every character but RFC 3986's unreserved ones percent-encoded.
    public static func text(_ value: String) -> String {
        PercentEncoding.encode(value, allowing: PercentEncoding.isUnreserved)
    }
}
