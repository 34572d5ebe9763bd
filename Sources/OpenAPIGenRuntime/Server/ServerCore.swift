import Foundation

/// What every generated server shares: routing, body limits, the status of requests it
/// refuses, and turning a failed handler into a 500 that says nothing about the failure.
public struct ServerCore: Sendable {
    /// The generated server's routes, in the order its dispatch switch numbers them.
    public let routes: [ServerRoute]
    /// Limits and logging.
    public let options: ServerOptions
    /// Every method the routes have, upper-cased (for ``ServerTransport/register(_:methods:)``).
    public var methods: Set<String> { Set(routes.map(\.method)) }
    private let router: ServerRouter
    /// Routes whose handler reads the body as it arrives; every other body is buffered first.
    private let streamingBodies: Set<Int>

    /// The core of a server with `routes`; `streamingBodies` lists the indices of routes whose
    /// body is handed over unread.
    public init(routes: [ServerRoute], streamingBodies: Set<Int> = [], options: ServerOptions = ServerOptions()) {
        self.routes = routes
        self.options = options
        self.streamingBodies = streamingBodies
        router = ServerRouter(routes)
    }

    /// Answers one request: routes it, buffers its body, and runs `dispatch` with the route's
    /// index; a ``ServerRejection`` thrown there is answered with its status and problems,
    /// anything else with a bare 500.
    public func handle(
        _ head: HTTPRequest, body: HTTPBody,
        dispatch: @Sendable (Int, ServerRequest) async throws -> ServerReply
    ) async -> (HTTPResponse, HTTPBody) {
        let started = ContinuousClock.now
        var head = head
        // A transport that left the query on the path: split it here, once.
        if head.queryString == nil, let mark = head.path.firstIndex(of: "?") {
            head.queryString = String(head.path[head.path.index(after: mark)...])
            head.path = String(head.path[..<mark])
        }
        let method = head.method.uppercased()
        var operationID = "-"
        var reply: ServerReply
        switch router.route(method: method, path: Substring(head.path)) {
        case .notFound:
            reply = Self.problemReply(ServerRejection(status: 404, problems: [
                ServerProblem(location: "path", path: "", message: "no operation has this path", kind: "not_found")]))
        case .methodNotAllowed(let allow) where method == "OPTIONS":
            reply = ServerReply(status: 204)
            reply.headers["Allow"] = allow.joined(separator: ", ")
        case .methodNotAllowed(let allow):
            reply = Self.problemReply(ServerRejection(status: 405, problems: [
                ServerProblem(location: "method", path: "", message: "the path has no \(method) operation", kind: "method_not_allowed")]))
            reply.headers["Allow"] = allow.joined(separator: ", ")
        case .matched(let index, let parameters):
            operationID = routes[index].operationID
            reply = await answer(head, body: body, index: index, parameters: parameters, dispatch: dispatch)
        }
        if method == "HEAD" {
            // HEAD answers as GET would, without the body (RFC 9110 section 9.3.2).
            if let data = reply.body.bufferedData { reply.headers["Content-Length"] = String(data.count) }
            reply.body = HTTPBody(Data())
        }
        options.logger?.info("\(method) \(head.path) \(operationID) → \(reply.status) in \(LogText.duration(ContinuousClock.now - started))")
        return (HTTPResponse(status: reply.status, headers: reply.headers), reply.body)
    }

    private func answer(
        _ head: HTTPRequest, body: HTTPBody, index: Int, parameters: [String: Substring],
        dispatch: @Sendable (Int, ServerRequest) async throws -> ServerReply
    ) async -> ServerReply {
        var body = body
        var streamLimit: StreamedBodyLimit?
        if streamingBodies.contains(index) {
            if case .known(let length) = body.length, length > options.maxStreamedBodyBytes {
                return Self.tooLarge(options.maxStreamedBodyBytes)
            }
            // A body of known length is within the limit and the transport holds it to that
            // length; only one of unknown length (chunked) is counted as it is read, which
            // costs a task and a hand-off per chunk.
            if case .unknown = body.length {
                let limit = StreamedBodyLimit(limit: options.maxStreamedBodyBytes)
                body = limit.limiting(body)
                streamLimit = limit
            }
        } else {
            if case .known(let length) = body.length, length > options.maxBodyBytes {
                return Self.tooLarge(options.maxBodyBytes)
            }
            do {
                body = HTTPBody(try await body.collect(upTo: options.maxBodyBytes))
            } catch HTTPBodyError.tooLarge {
                return Self.tooLarge(options.maxBodyBytes)
            } catch {
                return Self.problemReply(ServerRejection(status: 400, problems: [
                    ServerProblem(location: "body", path: "", message: "the body could not be read", kind: "body_unreadable")]))
            }
        }
        let request = ServerRequest(head: head, pathParameters: parameters, body: body, operationID: routes[index].operationID)
        do {
            return try await dispatch(index, request)
        } catch where streamLimit?.exceeded == true {
            // Whatever the handler made of the body's error, the cause is the size.
            return Self.tooLarge(options.maxStreamedBodyBytes)
        } catch let rejection as ServerRejection {
            return Self.problemReply(rejection)
        } catch {
            // The error's text may hold anything (paths, SQL, secrets): it goes to the log only.
            options.logger?.error("\(routes[index].operationID) failed: \(String(describing: type(of: error)))")
            var reply = ServerReply(status: 500)
            reply.contentType("application/json")
            reply.body = HTTPBody(#"{"error":"internal server error"}"#)
            return reply
        }
    }

    /// Runs the handler with `context` as ``RequestContext/current``.
    public func call<Output: Sendable>(
        _ context: RequestContext, _ handler: @Sendable () async throws -> Output
    ) async throws -> Output {
        try await RequestContext.$current.withValue(context) { try await handler() }
    }

    private static func tooLarge(_ limit: Int) -> ServerReply {
        problemReply(ServerRejection(status: 413, problems: [
            ServerProblem(location: "body", path: "", message: "the body is larger than the \(limit)-byte limit", kind: "too_large")]))
    }

    /// The JSON body of a refused request: `{"status", "title", "problems": [{"in", "path",
    /// "message", "type"}]}`, or FastAPI's `HTTPValidationError` (`{"detail": [{"loc", "msg",
    /// "type"}]}`) when the rejection asks for it.
    static func problemReply(_ rejection: ServerRejection) -> ServerReply {
        var reply = ServerReply(status: rejection.status)
        for field in rejection.headers { reply.headers.append(field.name, field.value) }
        let json: JSONValue
        if rejection.fastAPIShape {
            json = .object(["detail": .array(rejection.problems.map { p in
                .object(["loc": .array([.string(p.location)] + Self.pathComponents(p.path)), "msg": .string(p.message), "type": .string(p.kind)])
            })])
        } else {
            json = .object([
                "status": .integer(Int64(rejection.status)),
                "title": .string(OperationTitles.reason(rejection.status)),
                "problems": .array(rejection.problems.map { p in
                    .object(["in": .string(p.location), "path": .string(p.path), "message": .string(p.message), "type": .string(p.kind)])
                }),
            ])
        }
        reply.contentType("application/json")
        reply.body = HTTPBody((try? JSONCoding.encode(json)) ?? Data())
        return reply
    }

    /// `rows[3].name` as `["rows", 3, "name"]`, FastAPI's `loc` after the location.
    static func pathComponents(_ path: String) -> [JSONValue] {
        var out: [JSONValue] = []
        var current = ""
        func flush() { if !current.isEmpty { out.append(Int64(current).map(JSONValue.integer) ?? .string(current)); current = "" } }
        for c in path {
            if c == "." || c == "[" || c == "]" { flush() } else { current.append(c) }
        }
        flush()
        return out
    }
}

/// Reason phrases for the statuses a server refuses requests with.
enum OperationTitles {
    static func reason(_ status: Int) -> String {
        [400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed", 413: "Content Too Large",
         415: "Unsupported Media Type", 422: "Unprocessable Content"][status] ?? "Error"
    }
}
