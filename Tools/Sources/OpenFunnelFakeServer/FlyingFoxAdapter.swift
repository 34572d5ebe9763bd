import FlyingFox
import Foundation

// The only file that sees FlyingFox: its `HTTPRequest`/`HTTPResponse` share their names with
// the runtime's, so keeping them here keeps every other file unambiguous.

/// Serves a ``RequestHandler`` through FlyingFox.
struct FlyingFoxAdapter: HTTPHandler {
    let handler: RequestHandler
    /// See ``FakeServerConfiguration/keepsConnectionsAlive``.
    let keepsConnectionsAlive: Bool

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = value
        }
        let fake = FakeRequest(
            method: request.method.rawValue,
            path: request.target.path(percentEncoded: true),
            query: request.query.map { (name: $0.name, value: $0.value) },
            rawQuery: request.target.query(percentEncoded: true),
            headers: headers,
            body: try await request.bodyData)
        switch await handler.handle(fake) {
        case .reply(let reply):
            var fields = HTTPHeaders()
            for (name, value) in reply.headers {
                fields.addValue(value, for: HTTPHeader(name))
            }
            if !keepsConnectionsAlive {
                // The client closes the connection after reading this response, and FlyingFox's
                // read loop ends with it.
                fields.addValue("close", for: .connection)
            }
            return FlyingFox.HTTPResponse(
                statusCode: HTTPStatusCode(reply.status, phrase: Self.reasonPhrase(reply.status)),
                headers: fields,
                body: reply.body)
        case .drop:
            // FlyingFox turns a handler's error into a 500, so throwing cannot drop a
            // connection. A WebSocket upgrade can: FlyingFox asks the WebSocket handler for its
            // frames before writing the 101 header, and when that throws it closes the socket
            // with nothing written. The client sees the connection end without a response.
            return FlyingFox.HTTPResponse(headers: HTTPHeaders(), webSocket: ConnectionDropper())
        }
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 422: return "Unprocessable Content"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}

/// Ends the connection it is handed, having written nothing.
private struct ConnectionDropper: WSHandler {
    struct Dropped: Error {}

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Dropped()
    }
}
