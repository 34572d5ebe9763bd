import Foundation
import OpenFunnel

/// The fake's HTTP behaviour, request in, outcome out: count, delay, scripted faults, FastAPI's
/// own checks and the API key, then the generated server.
///
/// Routing, parameter reading, the generated validators, dispatch to the account's
/// ``FakeOpenFunnelService`` and writing its `Output` back are the generated `OpenFunnelServer`'s.
/// What stays here is what the real service does differently from any generated server:
/// FastAPI's wording for a missing `X-API-Key`, a malformed or out-of-bounds body and a query
/// value of the wrong type (``RequestSchemas``, ``ValidationDetails``), kept as a second
/// opinion beside the generated validators because the fake exists to catch a client's
/// mistakes with the answers the real service gives; its `{"detail": …}` for unknown paths,
/// wrong methods and unknown keys. (The `null`s of absent optional status fields are set where
/// the status is built: see ``ExplicitNulls``.)
struct RequestHandler: Sendable {
    let configuration: FakeServerConfiguration
    let jobs: JobStore
    let traffic: TrafficControl
    let handlingTime: HandlingTimeTally
    private let server: OpenFunnelServer<FakeAccounts>
    private let router: ServerRouter

    init(configuration: FakeServerConfiguration, jobs: JobStore, traffic: TrafficControl, handlingTime: HandlingTimeTally) {
        self.configuration = configuration
        self.jobs = jobs
        self.traffic = traffic
        self.handlingTime = handlingTime
        server = OpenFunnelServer(handler: FakeAccounts(jobs: jobs))
        router = ServerRouter(server.core.routes)
    }

    func handle(_ request: FakeRequest) async -> FakeOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var slept = Duration.zero
        let outcome = await answer(request, slept: &slept)
        handlingTime.record(clock.now - start - slept)
        return outcome
    }

    /// The outcome of `request`; `slept` adds up the latency and delays it waited out.
    private func answer(_ request: FakeRequest, slept: inout Duration) async -> FakeOutcome {
        let operation: FakeOperation
        switch router.route(method: request.method.uppercased(), path: Substring(request.path)) {
        case .matched(let index, _):
            guard let matched = FakeOperation.allCases.first(where: { $0.operationID == server.core.routes[index].operationID }) else {
                return .reply(.detail(500, "unreachable: a generated route names no fake operation"))
            }
            operation = matched
        case .methodNotAllowed:
            _ = await traffic.arrived(nil)
            return .reply(.detail(405, "Method Not Allowed"))
        case .notFound:
            _ = await traffic.arrived(nil)
            return .reply(.detail(404, "Not Found"))
        }
        let fault = await traffic.arrived(operation)
        if configuration.latency > .zero {
            slept += await Self.pause(configuration.latency)
        }
        if let fault {
            switch fault {
            case .rateLimited(let retryAfter):
                var reply = FakeReply.detail(429, Self.rateLimitDetail)
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
                slept += await Self.pause(delay)
            }
        }
        if let refusal = fastAPIRefusal(request, operation) { return .reply(refusal) }
        return .reply(await served(request))
    }

    static let rateLimitDetail = "Rate limit reached for this API key or user."

    /// FastAPI's answer to a request it rejects before the endpoint runs (422, every problem
    /// at once), or to an API key it does not accept (401, which the spec does not document
    /// but any keyed API answers to a key it doesn't know); nil when the request gets through.
    private func fastAPIRefusal(_ request: FakeRequest, _ operation: FakeOperation) -> FakeReply? {
        var errors: [ValidationError] = []
        let apiKey = request.header("X-API-Key")
        if apiKey == nil {
            errors.append(ValidationDetails.missing(at: ValidationDetails.location("header", "X-API-Key")))
        }
        switch operation {
        case .searchLookalikesBulk:
            errors += RequestSchemas.lookalike.check(request.body)
        case .techIntentSearchSubmit:
            errors += RequestSchemas.techIntent.check(request.body)
        case .searchLookalikesBulkStatus:
            if let text = request.queryValue("limit") {
                let loc = ValidationDetails.location("query", "limit")
                if let limit = Int(text) {
                    // Accepted and ignored, as the spec says, but still range-checked like any parameter.
                    if limit < 1 { errors.append(ValidationDetails.greaterThanEqual(1, at: loc)) }
                    if limit > 100 { errors.append(ValidationDetails.lessThanEqual(100, at: loc)) }
                } else {
                    errors.append(ValidationDetails.intParsing(at: loc))
                }
            }
        case .searchLookalikesBulkCancel, .techIntentSearchStatus:
            break
        }
        if !errors.isEmpty { return .json(422, HTTPValidationError(detail: errors)) }
        guard let apiKey, isAccepted(apiKey) else {
            return .detail(401, apiKey?.isEmpty ?? true ? "Missing API key." : "Invalid API key.")
        }
        return nil
    }

    /// The generated server's answer (status bodies carry FastAPI's explicit nulls: see ``ExplicitNulls``).
    private func served(_ request: FakeRequest) async -> FakeReply {
        var fields = HTTPFields()
        for (name, value) in request.headers where name != "content-type" { fields.append(name, value) }
        // FastAPI reads a JSON body whatever `Content-Type` says (clients that send raw bodies
        // often leave URLSession's form default in place), and the body passed its checks.
        if !request.body.isEmpty { fields.append("Content-Type", "application/json") }
        var head = HTTPRequest(method: request.method, path: request.path, headers: fields)
        head.queryString = request.rawQuery
        let (response, body) = await server.handle(head, body: HTTPBody(request.body))
        let data = (try? await body.collect(upTo: 64 << 20)) ?? Data()
        return FakeReply(status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: data)
    }

    private func isAccepted(_ apiKey: String) -> Bool {
        guard !apiKey.isEmpty else { return false }
        return configuration.apiKeys?.contains(apiKey) ?? true
    }

    /// Sleeps, ending early (without error) when the server is stopping; returns the time it took.
    private static func pause(_ duration: Duration) async -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try? await Task.sleep(for: duration)
        return clock.now - start
    }
}
