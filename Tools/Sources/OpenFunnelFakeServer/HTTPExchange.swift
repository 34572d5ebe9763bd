import Foundation
import OpenFunnel

/// A request as the fake's HTTP layer sees it, independent of the HTTP server library, so the
/// API's behaviour is written (and readable) without FlyingFox's types in the way.
struct FakeRequest: Sendable {
    var method: String
    /// The path, still percent-encoded.
    var path: String
    /// Query parameters in order, decoded.
    var query: [(name: String, value: String)]
    /// The query string as sent, still percent-encoded (what the generated server reads).
    var rawQuery: String = ""
    /// Header fields by lower-cased name.
    var headers: [String: String]
    var body: Data

    /// The header field `name`, whatever its case.
    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The first value of query parameter `name`.
    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// What the fake does with a request.
enum FakeOutcome: Sendable {
    /// Answer with this response.
    case reply(FakeReply)
    /// Close the connection without answering.
    case drop
}

/// A response to write.
struct FakeReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body = Data()

    /// A JSON response encoded as the generated client decodes it.
    static func json(_ status: Int, _ value: some Encodable) -> FakeReply {
        let body = (try? JSONCoding.encode(value)) ?? Data(#"{"detail":"encoding failed"}"#.utf8)
        return json(status, body: body)
    }

    /// A response with a JSON body already encoded.
    static func json(_ status: Int, body: Data) -> FakeReply {
        FakeReply(status: status, headers: [("Content-Type", "application/json")], body: body)
    }

    /// FastAPI's shape for an `HTTPException`: `{"detail": "…"}`.
    static func detail(_ status: Int, _ message: String) -> FakeReply {
        json(status, ["detail": message])
    }
}
