import Foundation

/// How generated code reads a documented `multipart/*` response: its parts, by the boundary of
/// the `Content-Type` it arrived with.
extension ClientCore {
    /// A `multipart/*` body read part by part.
    public func multipart(_ response: HTTPResponse, _ body: HTTPBody, as documented: String, operationID: String) throws -> MultipartParts {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        return try MultipartParts(body: body, boundary: boundary(response, operationID: operationID))
    }

    /// A `multipart/*` body whose parts are typed by a 3.2 `itemSchema`, each read as its own
    /// `Content-Type` or else `partContentType` (the `itemEncoding`'s).
    public func multipartItems<T>(_ type: T.Type, _ response: HTTPResponse, _ body: HTTPBody, partContentType: String,
                                  as documented: String, operationID: String) throws -> MultipartItems<T>
    {
        _ = try contentIndex(response, documented: [documented], operationID: operationID)
        let parts = MultipartParts(body: body, boundary: try boundary(response, operationID: operationID))
        return MultipartItems(parts: parts, partContentType: partContentType, validatesItems: options.validateResponses)
    }

    /// The response's boundary; a multipart response without one cannot be read at all.
    private func boundary(_ response: HTTPResponse, operationID: String) throws -> String {
        do {
            return try MultipartError.boundary(of: response.headers["Content-Type"])
        } catch {
            throw ClientError.undecodableResponse(operationID: operationID, status: response.status,
                                                  contentType: response.headers["Content-Type"], underlying: String(describing: error))
        }
    }
}
