import Foundation
import OpenFunnel

/// The fake OpenFunnel as one account sees it: the generated `OpenFunnelAPI` protocol
/// implemented on the server side, over the job store every account shares.
///
/// The protocol's inputs carry no API key (the generated client sends it from its own
/// property), so the account is the service's identity: jobs it submits belong to its key, and
/// another key's jobs are answered as unknown (404). Over HTTP, the generated `OpenFunnelServer`
/// decodes each request into the operation's `Input`, calls the method of the service for the
/// request's key (``FakeAccounts``), and writes the `Output` case back as status and body; tests
/// may also call it in memory.
///
/// Bodies are validated here, with FastAPI's wording, so that an in-memory caller gets the same
/// `422` as an HTTP one.
public struct FakeOpenFunnelService: OpenFunnelAPI {
    /// The account: the `X-API-Key` value the requests came with.
    public let apiKey: String
    let jobs: JobStore

    init(apiKey: String, jobs: JobStore) {
        self.apiKey = apiKey
        self.jobs = jobs
    }

    /// Validates the body (422 with FastAPI details) and starts a job owned by ``apiKey``.
    public func searchLookalikesBulk(
        _ input: Operations.SearchLookalikesBulk.Input
    ) async throws -> Operations.SearchLookalikesBulk.Output {
        let errors = try Self.check(input.body, against: RequestSchemas.lookalike)
        guard errors.isEmpty else { return .unprocessableContent(HTTPValidationError(detail: errors)) }
        let job = await jobs.submit(.lookalike(input.body), owner: apiKey)
        return .ok(BulkLookalikeSubmitResponse(
            jobID: job.id,
            message: "Bulk lookalike search accepted. Poll GET /api/v1/account/search-lookalikes-bulk/\(job.id) "
                + "for status and results.",
            requestedTopK: input.body.limit ?? 100))
    }

    /// The job's status, progress, manifest once finished, and the page `cursor` names; 404 for
    /// a job of another key or kind, 422 for a cursor that names no page or a `limit` outside 1…100.
    public func searchLookalikesBulkStatus(
        _ input: Operations.SearchLookalikesBulkStatus.Input
    ) async throws -> Operations.SearchLookalikesBulkStatus.Output {
        var errors: [ValidationError] = []
        if let limit = input.limit {
            // Accepted and ignored, as the spec says, but still range-checked like any parameter.
            let loc = ValidationDetails.location("query", "limit")
            if limit < 1 { errors.append(ValidationDetails.greaterThanEqual(1, at: loc)) }
            if limit > 100 { errors.append(ValidationDetails.lessThanEqual(100, at: loc)) }
        }
        let page = PageCursor.index(of: input.cursor)
        if page == nil { errors.append(Self.badCursor) }
        guard errors.isEmpty, let page else { return .unprocessableContent(HTTPValidationError(detail: errors)) }
        guard let (job, phase) = await jobs.lookup(input.jobID, kind: .lookalike, owner: apiKey),
              case .lookalike(let request) = job.request
        else { return .notFound(headers: .detail(404, Self.jobNotFound)) }
        return .ok(JobResponses.lookalike(job, request, phase: phase, page: page))
    }

    /// Moves a pending or running job to `cancelling` (200), keeping the pages written; 409 once
    /// it has finished, 404 for a job of another key.
    public func searchLookalikesBulkCancel(
        _ input: Operations.SearchLookalikesBulkCancel.Input
    ) async throws -> Operations.SearchLookalikesBulkCancel.Output {
        switch await jobs.cancel(input.jobID, owner: apiKey) {
        case .accepted:
            return .ok(BulkLookalikeCancelResponse(
                jobID: input.jobID,
                message: "Cancellation requested. Poll GET /api/v1/account/search-lookalikes-bulk/\(input.jobID) "
                    + "for the final status and the companies processed before cancellation."))
        case .notFound:
            return .notFound(headers: .detail(404, Self.jobNotFound))
        case .alreadyFinished:
            return .conflict(headers: .detail(409, "Job already finished (completed / failed / cancelled); cannot cancel."))
        }
    }

    /// Validates the body (422), rejects `min_employee_count > max_employee_count` (400), and
    /// starts a job owned by ``apiKey``.
    public func techIntentSearchSubmit(
        _ input: Operations.TechIntentSearchSubmit.Input
    ) async throws -> Operations.TechIntentSearchSubmit.Output {
        let errors = try Self.check(input.body, against: RequestSchemas.techIntent)
        guard errors.isEmpty else { return .unprocessableContent(HTTPValidationError(detail: errors)) }
        // The documented 400: a filter that can match nothing.
        if let minimum = input.body.minEmployeeCount, let maximum = input.body.maxEmployeeCount, minimum > maximum {
            return .badRequest(headers: .detail(400, "min_employee_count must not be greater than max_employee_count."))
        }
        let job = await jobs.submit(.techIntent(input.body), owner: apiKey)
        return .ok(TechIntentSubmitResponse(
            jobID: job.id,
            message: "Tech intent search accepted. Poll GET /api/v2/tech/companies/intent-search/\(job.id) "
                + "for status and results.",
            requestedLimit: input.body.limit ?? 100))
    }

    /// The job's status, manifest once finished, and the page `cursor` names; 404 for a job of
    /// another key or kind.
    public func techIntentSearchStatus(
        _ input: Operations.TechIntentSearchStatus.Input
    ) async throws -> Operations.TechIntentSearchStatus.Output {
        guard let page = PageCursor.index(of: input.cursor) else {
            return .unprocessableContent(HTTPValidationError(detail: [Self.badCursor]))
        }
        guard let (job, phase) = await jobs.lookup(input.jobID, kind: .techIntent, owner: apiKey),
              case .techIntent(let request) = job.request
        else { return .notFound(headers: .detail(404, Self.jobNotFound)) }
        return .ok(JobResponses.techIntent(job, request, phase: phase, page: page))
    }

    private static let jobNotFound = "Job not found."

    /// A cursor that names no page; the real service's wording is unknown, the shape is FastAPI's.
    private static let badCursor = ValidationDetails.valueError(
        "cursor must name a page, e.g. page_0003", at: ValidationDetails.location("query", "cursor"))

    /// Checks a typed body by its JSON form, so that typed callers and raw HTTP bodies are held
    /// to one set of rules.
    private static func check(_ body: some Encodable, against schema: BodySchema) throws -> [ValidationError] {
        schema.check(try JSONCoding.encode(body))
    }
}
