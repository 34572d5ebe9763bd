import Foundation
import OpenFunnel

extension ResponseHeaders {
    /// The head of a response the spec documents without a body schema, carrying the body
    /// FastAPI sends with it (`{"detail": "…"}`): the generated server writes a case's raw
    /// response as it is, so the fake's 404, 409 and 400 say what the real service says.
    static func detail(_ status: Int, _ message: String) -> ResponseHeaders {
        let body = (try? JSONCoding.encode(["detail": message])) ?? Data()
        return ResponseHeaders(raw: OpenFunnel.HTTPResponse(status: status, headers: HTTPFields([("Content-Type", "application/json")]), body: body))
    }
}
