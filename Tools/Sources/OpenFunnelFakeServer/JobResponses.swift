import OpenFunnel

/// The poll responses: a job's status, progress and manifest, and the page asked for.
enum JobResponses {
    /// `GET /api/v1/account/search-lookalikes-bulk/{job_id}`.
    static func lookalike(
        _ job: FakeJob, _ request: BulkLookalikeSearchRequest, phase: JobPhase, page: Int
    ) -> BulkLookalikeJobResponse {
        let slice = PageSlice(job: job, phase: phase, page: page)
        let seed = FakeCompanies.seed(for: request)
        let query = FakeCompanies.searchText(of: request)
        let rows = slice.rows.map { FakeCompanies.lookalikeRow(index: $0, seed: seed, query: query) }
        let delivered = job.rowCount(inFirst: phase.pagesWritten)
        var response = BulkLookalikeJobResponse(
            jobID: job.id,
            status: phase.status.rawValue,
            manifest: lookalikeManifest(job, request, phase: phase, delivered: delivered),
            errorMessage: errorMessage(phase),
            rows: rows,
            page: slice.name,
            nextCursor: slice.nextCursor,
            count: rows.count,
            // "Null until the job starts producing progress."
            processed: phase.status == .pending ? nil : delivered,
            progressMessage: phase.stage)
        response.nullMembers = ExplicitNulls.of(response)
        return response
    }

    /// `GET /api/v2/tech/companies/intent-search/{job_id}`.
    static func techIntent(
        _ job: FakeJob, _ request: TechIntentSearchRequest, phase: JobPhase, page: Int
    ) -> TechIntentJobResponse {
        let slice = PageSlice(job: job, phase: phase, page: page)
        let seed = FakeCompanies.seed(for: request)
        let enriched = FakeCompanies.isEnriched(request)
        let rows = slice.rows.map {
            FakeCompanies.techIntentRow(
                index: $0, seed: seed, tech: request.tech, activity: request.activity, enriched: enriched)
        }
        var response = TechIntentJobResponse(
            jobID: job.id,
            status: phase.status.rawValue,
            manifest: techIntentManifest(job, request, phase: phase, seed: seed),
            errorMessage: errorMessage(phase),
            rows: rows,
            page: slice.name,
            nextCursor: slice.nextCursor,
            count: rows.count)
        response.nullMembers = ExplicitNulls.of(response)
        return response
    }

    /// Present once the job is over, in full or in part; `count` is null on a partial job, as
    /// the spec says, and credits are one per delivered company.
    private static func lookalikeManifest(
        _ job: FakeJob, _ request: BulkLookalikeSearchRequest, phase: JobPhase, delivered: Int
    ) -> BulkLookalikeManifest? {
        guard phase.status.isFinished else { return nil }
        let seeds = request.seedDomains ?? []
        // A seed "resolves" when it looks like a domain; enough to exercise both lists.
        let resolved = seeds.filter { $0.contains(".") }
        return BulkLookalikeManifest(
            count: phase.status == .completed ? job.totalRows : nil,
            pages: phase.pagesWritten,
            pageSize: job.pageSize,
            creditsConsumed: delivered,
            derivedQuery: seeds.isEmpty ? nil : "Companies similar to \(resolved.joined(separator: ", "))",
            resolvedSeedDomains: seeds.isEmpty ? nil : resolved,
            unresolvedSeedDomains: seeds.isEmpty ? nil : seeds.filter { !$0.contains(".") },
            rerankDegraded: false,
            partial: phase.status != .completed)
    }

    /// Like the spec's example: scan statistics, and ten credits per qualified company.
    private static func techIntentManifest(
        _ job: FakeJob, _ request: TechIntentSearchRequest, phase: JobPhase, seed: UInt64
    ) -> TechIntentManifest? {
        guard phase.status.isFinished else { return nil }
        let qualified = job.rowCount(inFirst: phase.pagesWritten)
        return TechIntentManifest(
            pages: phase.pagesWritten,
            pageSize: job.pageSize,
            count: phase.status == .completed ? job.totalRows : nil,
            partial: phase.status != .completed,
            tech: request.tech,
            activity: request.activity,
            companiesScanned: qualified * 4 + 17,
            companiesSkippedNoEvidence: qualified / 10 + 1,
            companiesQualified: qualified,
            totalCompaniesMatched: 1_000 + Int(seed % 9_000),
            creditsConsumed: qualified * 10)
    }

    private static func errorMessage(_ phase: JobPhase) -> String? {
        phase.status == .failed
            ? "The search backend failed after \(phase.pagesWritten) page(s); the pages written are still readable."
            : nil
    }
}

/// Which rows one poll returns and how it names them.
///
/// A page not written yet comes back empty rather than as an error, named as asked, and with
/// no next cursor: the same answer a client gets on the last page written so far, which the
/// spec warns about ("a still-running job can return a null `next_cursor`").
private struct PageSlice {
    let rows: Range<Int>
    let name: String?
    let nextCursor: String?

    init(job: FakeJob, phase: JobPhase, page: Int) {
        let written = phase.pagesWritten
        if page < written {
            rows = job.rowRange(ofPage: page)
            name = PageCursor.name(page)
            nextCursor = page + 1 < written ? PageCursor.name(page + 1) : nil
        } else {
            rows = 0..<0
            // Before the first page exists there is no page to name.
            name = page == 0 && written == 0 ? nil : PageCursor.name(page)
            nextCursor = nil
        }
    }
}
