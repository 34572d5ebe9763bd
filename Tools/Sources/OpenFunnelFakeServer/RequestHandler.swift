import Foundation
import OpenFunnel

/// The fake's HTTP behaviour, request in, outcome out: count, delay, scripted faults, the API
/// key, then the operation.
///
/// Parameters and bodies are decoded here into the generated `Operations.X.Input`, and the
/// `Output` of ``FakeOpenFunnelService`` is written back; what can go wrong before an input
/// exists (a missing header, malformed JSON, a query value of the wrong type) is answered here
/// in FastAPI's 422 shape, since FastAPI rejects those before the endpoint runs.
struct RequestHandler: Sendable {
    let configuration: FakeServerConfiguration
    let jobs: JobStore
    let traffic: TrafficControl

    func handle(_ request: FakeRequest) async -> FakeOutcome {
        let route: Route
        switch Route.match(method: request.method, path: request.path) {
        case .success(let matched):
            route = matched
        case .failure(let miss):
            _ = await traffic.arrived(nil)
            return .reply(miss == .wrongMethod ? .detail(405, "Method Not Allowed") : .detail(404, "Not Found"))
        }
        let fault = await traffic.arrived(route.operation)
        if configuration.latency > .zero {
            await Self.pause(configuration.latency)
        }
        if let fault {
            switch fault {
            case .rateLimited(let retryAfter):
                var reply = FakeReply.detail(429, OutputReplies.rateLimitDetail)
                if let retryAfter { reply.headers.append(("Retry-After", retryAfter.headerValue)) }
                return .reply(reply)
            case .serviceUnavailable(let detail, let retryAfter):
                var reply = FakeReply.json(503, ServiceUnavailableResponse(detail: detail))
                if let retryAfter { reply.headers.append(("Retry-After", retryAfter.headerValue)) }
                return .reply(reply)
            case .dropConnection:
                return .drop
            case .status(let status, let body):
                return .reply(.json(status, body: Data(body.utf8)))
            case .delay(let delay):
                await Self.pause(delay)
            }
        }
        return .reply(await answer(request, route: route))
    }

    /// The operation's answer, once faults are out of the way.
    private func answer(_ request: FakeRequest, route: Route) async -> FakeReply {
        var errors: [ValidationError] = []
        let apiKey = request.header("X-API-Key")
        if apiKey == nil {
            errors.append(ValidationDetails.missing(at: ValidationDetails.location("header", "X-API-Key")))
        }
        let jobID = route.jobID ?? ""
        // FastAPI validates every parameter and the body before rejecting, so all problems are
        // reported together; the inputs are built only when nothing is wrong.
        switch route.operation {
        case .searchLookalikesBulk:
            let body = decodeBody(BulkLookalikeSearchRequest.self, request.body, schema: RequestSchemas.lookalike, into: &errors)
            guard let service = authorize(apiKey, errors: errors) else { return rejection(apiKey, errors) }
            guard let body else { return .detail(500, "unreachable: a valid body failed to decode") }
            return await call { OutputReplies.reply(try await service.searchLookalikesBulk(.init(body: body))) }
        case .searchLookalikesBulkStatus:
            let limit = intQuery("limit", of: request, into: &errors)
            guard let service = authorize(apiKey, errors: errors) else { return rejection(apiKey, errors) }
            let input = Operations.SearchLookalikesBulkStatus.Input(
                jobID: jobID, cursor: request.queryValue("cursor"), limit: limit)
            return await call { OutputReplies.reply(try await service.searchLookalikesBulkStatus(input)) }
        case .searchLookalikesBulkCancel:
            guard let service = authorize(apiKey, errors: errors) else { return rejection(apiKey, errors) }
            return await call { OutputReplies.reply(try await service.searchLookalikesBulkCancel(.init(jobID: jobID))) }
        case .techIntentSearchSubmit:
            let body = decodeBody(TechIntentSearchRequest.self, request.body, schema: RequestSchemas.techIntent, into: &errors)
            guard let service = authorize(apiKey, errors: errors) else { return rejection(apiKey, errors) }
            guard let body else { return .detail(500, "unreachable: a valid body failed to decode") }
            return await call { OutputReplies.reply(try await service.techIntentSearchSubmit(.init(body: body))) }
        case .techIntentSearchStatus:
            guard let service = authorize(apiKey, errors: errors) else { return rejection(apiKey, errors) }
            let input = Operations.TechIntentSearchStatus.Input(jobID: jobID, cursor: request.queryValue("cursor"))
            return await call { OutputReplies.reply(try await service.techIntentSearchStatus(input)) }
        }
    }

    /// The service for `apiKey`, when the request is valid and the key is accepted.
    private func authorize(_ apiKey: String?, errors: [ValidationError]) -> FakeOpenFunnelService? {
        guard errors.isEmpty, let apiKey, isAccepted(apiKey) else { return nil }
        return FakeOpenFunnelService(apiKey: apiKey, jobs: jobs)
    }

    /// Why ``authorize(_:errors:)`` refused: the validation errors (422), or else the key (401,
    /// which the spec does not document but any keyed API answers to a key it doesn't know).
    private func rejection(_ apiKey: String?, _ errors: [ValidationError]) -> FakeReply {
        if !errors.isEmpty {
            return .json(422, HTTPValidationError(detail: errors))
        }
        return .detail(401, apiKey?.isEmpty ?? true ? "Missing API key." : "Invalid API key.")
    }

    private func isAccepted(_ apiKey: String) -> Bool {
        guard !apiKey.isEmpty else { return false }
        return configuration.apiKeys?.contains(apiKey) ?? true
    }

    /// The body as `T`, or nil with its errors added to `errors`.
    private func decodeBody<T: Decodable>(
        _ type: T.Type, _ data: Data, schema: BodySchema, into errors: inout [ValidationError]
    ) -> T? {
        let problems = schema.check(data)
        guard problems.isEmpty else {
            errors += problems
            return nil
        }
        return try? JSONCoding.decode(type, from: data)
    }

    /// Integer query parameter `name`, or nil (absent or invalid, with the error added).
    private func intQuery(_ name: String, of request: FakeRequest, into errors: inout [ValidationError]) -> Int? {
        guard let text = request.queryValue(name) else { return nil }
        guard let value = Int(text) else {
            errors.append(ValidationDetails.intParsing(at: ValidationDetails.location("query", name)))
            return nil
        }
        return value
    }

    /// Runs an operation; the service throws only if encoding a body fails, a server bug.
    private func call(_ body: () async throws -> FakeReply) async -> FakeReply {
        do {
            return try await body()
        } catch {
            return .detail(500, "The fake server failed: \(error)")
        }
    }

    /// Sleeps, ending early (without error) when the server is stopping.
    private static func pause(_ duration: Duration) async {
        try? await Task.sleep(for: duration)
    }
}
