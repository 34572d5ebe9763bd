import Foundation

/// How generated code reads a documented response body by the `Content-Type` it arrived with.
///
/// Every reader first checks that the actual type is one the spec documents for the status
/// (`as`); a body in another type is
/// ``ClientError/undecodableResponse(operationID:status:contentType:underlying:)`` naming both.
/// A response without `Content-Type` is read as the documented type.
extension ClientCore {
    /// Which of `documented` the response's `Content-Type` selects (most specific match).
    public func contentIndex(_ response: HTTPResponse, documented: [String], operationID: String) throws -> Int {
        guard let actual = response.headers["Content-Type"] else { return 0 }
        guard let index = MediaTypeRange.bestMatch(actual, in: documented) else {
            throw ClientError.undecodableResponse(
                operationID: operationID, status: response.status, contentType: actual,
                underlying: "the body is `\(MediaTypeRange.essence(actual))`, which the spec does not document for HTTP "
                    + "\(response.status) (it documents \(documented.map { "`\($0)`" }.joined(separator: ", ")))")
        }
        return index
    }

    /// Decodes a JSON body documented as `documented`.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from response: HTTPResponse, as documented: String, operationID: String) throws -> T {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return try decodeJSON(type, from: response, operationID: operationID)
    }

    /// A text body, as UTF-8 (the encoding generated clients send, and nearly every API's).
    public func decodeText(_ response: HTTPResponse, as documented: String, operationID: String) throws -> String {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return String(decoding: response.body, as: UTF8.self)
    }

    /// An `application/x-www-form-urlencoded` body read into `type`.
    public func decodeForm<T: Decodable>(_ type: T.Type, from response: HTTPResponse, as documented: String, operationID: String) throws -> T {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        do {
            return try FormDecoding.decode(type, from: response.body)
        } catch let error as DecodingError {
            throw ClientError.undecodableResponse(
                operationID: operationID, status: response.status,
                contentType: response.headers["Content-Type"], underlying: ClientError.describe(error))
        }
    }

    /// A body handed over as it arrives (binary, multipart, any type the generator reads as bytes).
    public func binary(_ response: HTTPResponse, _ body: HTTPBody, as documented: String, operationID: String) throws -> HTTPBody {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return body
    }

    /// A `text/event-stream` body read event by event.
    public func events<T>(_ type: T.Type, _ response: HTTPResponse, _ body: HTTPBody, as documented: String, operationID: String) throws
        -> ServerSentEvents<T>
    {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return ServerSentEvents(body: body, validatesItems: options.validateResponses)
    }

    /// A JSON Lines body read line by line.
    public func jsonLines<T>(_ type: T.Type, _ response: HTTPResponse, _ body: HTTPBody, as documented: String, operationID: String) throws
        -> JSONLines<T>
    {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return JSONLines(body: body, validatesItems: options.validateResponses)
    }

    /// A JSON text sequence body read record by record.
    public func jsonSequence<T>(_ type: T.Type, _ response: HTTPResponse, _ body: HTTPBody, as documented: String, operationID: String) throws
        -> JSONSequence<T>
    {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return JSONSequence(body: body, validatesItems: options.validateResponses)
    }
}

/// Reads `application/x-www-form-urlencoded` bodies into Codable values: each `name=value`
/// pair becomes a member, read as a number or boolean when the type asks for one.
public enum FormDecoding {
    /// The value the form encodes.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let text = String(decoding: data, as: UTF8.self)
        var pairs: [(String, String)] = []
        for item in text.split(separator: "&") where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            pairs.append((unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : ""))
        }
        func object(_ value: (String) -> String) -> String {
            "{" + pairs.map { ResponseHeaderDecoding.quoted($0.0) + ":" + value($0.1) }.joined(separator: ",") + "}"
        }
        do {
            return try JSONCoding.decode(type, from: Data(object(ResponseHeaderDecoding.quoted).utf8))
        } catch {
            return try JSONCoding.decode(type, from: Data(object(ResponseHeaderDecoding.literal).utf8))
        }
    }
}
