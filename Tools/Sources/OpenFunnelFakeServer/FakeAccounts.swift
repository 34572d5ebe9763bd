import OpenFunnel

/// What the generated server dispatches to: each call is answered by the
/// ``FakeOpenFunnelService`` of the request's API key, which the generated layer leaves in the
/// request context (the spec's `X-API-Key` is a header every operation requires, so it is not
/// part of any `Input`). Per-key isolation is the service's: another key's jobs are unknown.
struct FakeAccounts: OpenFunnelAPI {
    let jobs: JobStore

    private func service() -> FakeOpenFunnelService {
        // RequestHandler accepts the key before the generated layer runs, so it is always here.
        FakeOpenFunnelService(apiKey: RequestContext.current?.request.headers["X-API-Key"] ?? "", jobs: jobs)
    }

    func searchLookalikesBulk(_ input: Operations.SearchLookalikesBulk.Input) async throws -> Operations.SearchLookalikesBulk.Output {
        try await service().searchLookalikesBulk(input)
    }

    func searchLookalikesBulkStatus(_ input: Operations.SearchLookalikesBulkStatus.Input) async throws -> Operations.SearchLookalikesBulkStatus.Output {
        try await service().searchLookalikesBulkStatus(input)
    }

    func searchLookalikesBulkCancel(_ input: Operations.SearchLookalikesBulkCancel.Input) async throws -> Operations.SearchLookalikesBulkCancel.Output {
        try await service().searchLookalikesBulkCancel(input)
    }

    func techIntentSearchSubmit(_ input: Operations.TechIntentSearchSubmit.Input) async throws -> Operations.TechIntentSearchSubmit.Output {
        try await service().techIntentSearchSubmit(input)
    }

    func techIntentSearchStatus(_ input: Operations.TechIntentSearchStatus.Input) async throws -> Operations.TechIntentSearchStatus.Output {
        try await service().techIntentSearchStatus(input)
    }
}
