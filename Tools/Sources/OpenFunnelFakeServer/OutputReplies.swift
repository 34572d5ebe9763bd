import Foundation
import OpenFunnel

/// Each operation's `Output` case written back as the status and body the spec documents.
///
/// Cases without a body schema get FastAPI's `{"detail": "…"}`, which is what the real
/// service sends with them.
enum OutputReplies {
    static func reply(_ output: Operations.SearchLookalikesBulk.Output) -> FakeReply {
        switch output {
        case .ok(let body, _): return .json(200, body)
        case .unprocessableContent(let body, _): return .json(422, body)
        case .tooManyRequests(let headers): return rateLimited(retryAfter: headers.retryAfter)
        case .serviceUnavailable(let body, _): return .json(503, body)
        case .undocumented(let status, let response): return undocumented(status, response)
        }
    }

    static func reply(_ output: Operations.SearchLookalikesBulkStatus.Output) -> FakeReply {
        switch output {
        case .ok(let body, _):
            return .json(200, ExplicitNulls(body, nullKeys: [
                ("manifest", body.manifest == nil), ("error_message", body.errorMessage == nil),
                ("page", body.page == nil), ("next_cursor", body.nextCursor == nil),
                ("processed", body.processed == nil), ("progress_message", body.progressMessage == nil),
            ]))
        case .notFound: return .detail(404, jobNotFoundDetail)
        case .unprocessableContent(let body, _): return .json(422, body)
        case .undocumented(let status, let response): return undocumented(status, response)
        }
    }

    static func reply(_ output: Operations.SearchLookalikesBulkCancel.Output) -> FakeReply {
        switch output {
        case .ok(let body, _): return .json(200, body)
        case .notFound: return .detail(404, jobNotFoundDetail)
        case .conflict: return .detail(409, "Job already finished (completed / failed / cancelled); cannot cancel.")
        case .unprocessableContent(let body, _): return .json(422, body)
        case .undocumented(let status, let response): return undocumented(status, response)
        }
    }

    static func reply(_ output: Operations.TechIntentSearchSubmit.Output) -> FakeReply {
        switch output {
        case .ok(let body, _): return .json(200, body)
        case .badRequest: return .detail(400, "min_employee_count must not be greater than max_employee_count.")
        case .unprocessableContent(let body, _): return .json(422, body)
        case .tooManyRequests(let headers): return rateLimited(retryAfter: headers.retryAfter)
        case .serviceUnavailable(let body, _): return .json(503, body)
        case .undocumented(let status, let response): return undocumented(status, response)
        }
    }

    static func reply(_ output: Operations.TechIntentSearchStatus.Output) -> FakeReply {
        switch output {
        case .ok(let body, _):
            return .json(200, ExplicitNulls(body, nullKeys: [
                ("manifest", body.manifest == nil), ("error_message", body.errorMessage == nil),
                ("page", body.page == nil), ("next_cursor", body.nextCursor == nil),
            ]))
        case .notFound: return .detail(404, jobNotFoundDetail)
        case .unprocessableContent(let body, _): return .json(422, body)
        case .undocumented(let status, let response): return undocumented(status, response)
        }
    }

    static let rateLimitDetail = "Rate limit reached for this API key or user."
    private static let jobNotFoundDetail = "Job not found."

    private static func undocumented(_ status: Int, _ response: OpenFunnel.HTTPResponse) -> FakeReply {
        FakeReply(status: status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body)
    }

    /// A 429 as the service sends it, with the `Retry-After` the output documents.
    static func rateLimited(retryAfter: String?) -> FakeReply {
        var reply = FakeReply.detail(429, rateLimitDetail)
        if let retryAfter { reply.headers.append((name: "Retry-After", value: retryAfter)) }
        return reply
    }
}
