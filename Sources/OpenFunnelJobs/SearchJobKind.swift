import OpenFunnel

/// What differs between OpenFunnel's two job kinds: which operations submit, poll and cancel,
/// and how their generated types read. The job machinery (``SearchJob``) is written once
/// against this.
public protocol SearchJobKind: Sendable {
    associatedtype Request: Sendable
    associatedtype Row: Sendable & Hashable
    associatedtype Manifest: Sendable & Hashable

    /// For messages: "lookalike", "tech intent".
    static var displayName: String { get }

    /// Submits a job; returns its id and the limit the server accepted.
    static func submit(_ request: Request, using api: any OpenFunnelAPI) async throws -> (jobID: String, limit: Int?)

    /// One poll: status, progress and the page at `cursor` (the first page when nil).
    static func poll(jobID: String, cursor: String?, using api: any OpenFunnelAPI) async throws -> JobPage<Row, Manifest>

    /// Asks the server to stop the job; returns the status the server reports.
    static func cancel(jobID: String, using api: any OpenFunnelAPI) async throws -> JobStatus

    /// The number of result pages, once the manifest says.
    static func pageCount(of manifest: Manifest) -> Int?

    /// True when the job did not finish in full (failed or cancelled after writing some pages).
    static func isPartial(_ manifest: Manifest) -> Bool
}

/// Bulk lookalike search: `POST /api/v1/account/search-lookalikes-bulk` and its poll and cancel.
public enum LookalikeSearch: SearchJobKind {
    public static let displayName = "lookalike"

    public static func submit(_ request: BulkLookalikeSearchRequest, using api: any OpenFunnelAPI) async throws -> (jobID: String, limit: Int?) {
        try validate(request, operationID: Operations.SearchLookalikesBulk.id)
        let output = try await api.searchLookalikesBulk(.init(body: request))
        switch output {
        case .ok(let accepted, _):
            return (accepted.jobID, accepted.requestedTopK)
        case .tooManyRequests(let headers):
            throw JobError.rateLimited(retryAfter: headers.retryAfter.flatMap { RetryAfter.delay($0) })
        default:
            throw OperationError(operationID: Operations.SearchLookalikesBulk.id, output: output)
        }
    }

    public static func poll(jobID: String, cursor: String?, using api: any OpenFunnelAPI) async throws
        -> JobPage<BulkLookalikeResultRow, BulkLookalikeManifest>
    {
        let output = try await api.searchLookalikesBulkStatus(.init(jobID: jobID, cursor: cursor))
        switch output {
        case .ok(let r, _):
            return JobPage(jobID: r.jobID, status: JobStatus(r.status), manifest: r.manifest, errorMessage: r.errorMessage,
                           rows: r.rows ?? [], page: r.page, nextCursor: r.nextCursor, processed: r.processed,
                           progressMessage: r.progressMessage)
        case .notFound:
            throw JobError.notFound(jobID: jobID)
        default:
            throw OperationError(operationID: Operations.SearchLookalikesBulkStatus.id, output: output)
        }
    }

    public static func cancel(jobID: String, using api: any OpenFunnelAPI) async throws -> JobStatus {
        let output = try await api.searchLookalikesBulkCancel(.init(jobID: jobID))
        switch output {
        // A server that leaves `status` out means the spec's default.
        case .ok(let ack, _): return JobStatus(ack.status ?? "cancelling")
        case .notFound: throw JobError.notFound(jobID: jobID)
        case .conflict: throw JobError.alreadyFinished(jobID: jobID)
        default: throw OperationError(operationID: Operations.SearchLookalikesBulkCancel.id, output: output)
        }
    }

    public static func pageCount(of manifest: BulkLookalikeManifest) -> Int? { manifest.pages }
    public static func isPartial(_ manifest: BulkLookalikeManifest) -> Bool { manifest.partial ?? false }
}

/// Tech-intent search: `POST /api/v2/tech/companies/intent-search` and its poll. The API has no
/// cancel operation for it.
public enum TechIntentSearch: SearchJobKind {
    public static let displayName = "tech intent"

    public static func submit(_ request: TechIntentSearchRequest, using api: any OpenFunnelAPI) async throws -> (jobID: String, limit: Int?) {
        try validate(request, operationID: Operations.TechIntentSearchSubmit.id)
        let output = try await api.techIntentSearchSubmit(.init(body: request))
        switch output {
        case .ok(let accepted, _):
            return (accepted.jobID, accepted.requestedLimit)
        case .tooManyRequests(let headers):
            throw JobError.rateLimited(retryAfter: headers.retryAfter.flatMap { RetryAfter.delay($0) })
        default:
            throw OperationError(operationID: Operations.TechIntentSearchSubmit.id, output: output)
        }
    }

    public static func poll(jobID: String, cursor: String?, using api: any OpenFunnelAPI) async throws
        -> JobPage<TechIntentResultRow, TechIntentManifest>
    {
        let output = try await api.techIntentSearchStatus(.init(jobID: jobID, cursor: cursor))
        switch output {
        case .ok(let r, _):
            return JobPage(jobID: r.jobID, status: JobStatus(r.status), manifest: r.manifest, errorMessage: r.errorMessage,
                           rows: r.rows ?? [], page: r.page, nextCursor: r.nextCursor)
        case .notFound:
            throw JobError.notFound(jobID: jobID)
        default:
            throw OperationError(operationID: Operations.TechIntentSearchStatus.id, output: output)
        }
    }

    public static func cancel(jobID: String, using api: any OpenFunnelAPI) async throws -> JobStatus {
        throw JobError.cancelUnsupported(kind: displayName)
    }

    public static func pageCount(of manifest: TechIntentManifest) -> Int? { manifest.pages }
    public static func isPartial(_ manifest: TechIntentManifest) -> Bool { manifest.partial ?? false }
}

/// Checks a request before submitting it, whatever `OpenFunnelAPI` is behind the job layer (the
/// generated client validates too, but a fake or a server-side implementation may not): a job
/// that would be refused must not be billed, nor sent.
func validate(_ request: some Validatable, operationID: String) throws {
    let issues = request.validationIssues
    if !issues.isEmpty {
        throw ClientError.invalidInput(operationID: operationID, ValidationFailure(issues: issues))
    }
}
