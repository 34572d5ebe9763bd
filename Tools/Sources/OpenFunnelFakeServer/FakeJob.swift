import OpenFunnel

/// One submitted job: who owns it, what was asked, and its timeline.
struct FakeJob: Sendable {
    /// The request that started the job, which also says which kind of job it is.
    enum Request: Sendable {
        case lookalike(BulkLookalikeSearchRequest)
        case techIntent(TechIntentSearchRequest)
    }

    /// The two kinds, which live at different endpoints: a lookalike job id is unknown to the
    /// tech-intent poll and the other way round.
    enum Kind: Sendable {
        case lookalike, techIntent
    }

    let id: String
    /// The API key that submitted it; other keys are told it does not exist.
    let owner: String
    let request: Request
    /// Rows the job produces if it runs to completion.
    let totalRows: Int
    let pageSize: Int
    var timeline: JobTimeline

    var kind: Kind {
        switch request {
        case .lookalike: return .lookalike
        case .techIntent: return .techIntent
        }
    }

    var totalPages: Int { (totalRows + pageSize - 1) / pageSize }

    /// Rows in the first `pages` pages.
    func rowCount(inFirst pages: Int) -> Int {
        min(totalRows, max(0, pages) * pageSize)
    }

    /// The row indices of page `page`, empty past the end.
    func rowRange(ofPage page: Int) -> Range<Int> {
        let start = min(totalRows, page * pageSize)
        return start..<min(totalRows, start + pageSize)
    }
}
