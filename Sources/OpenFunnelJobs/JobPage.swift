/// One poll of a job: its status and progress, and one page of its rows.
///
/// Both job kinds answer polls in this shape; `Row` and `Manifest` are the kind's generated types.
public struct JobPage<Row: Sendable & Hashable, Manifest: Sendable & Hashable>: Sendable, Hashable {
    public var jobID: String
    public var status: JobStatus
    /// The job summary, present once the job has finished (in full or in part).
    public var manifest: Manifest?
    public var errorMessage: String?
    public var rows: [Row]
    /// The name of this page (`page_0003`), when the server gives one.
    public var page: String?
    /// The cursor of the next page; nil on the last page written so far, which for a running
    /// job does not mean the last page there will be.
    public var nextCursor: String?
    /// Rows delivered so far toward the requested limit.
    public var processed: Int?
    /// A coarse stage label (`qualifying_companies`).
    public var progressMessage: String?

    public init(jobID: String, status: JobStatus, manifest: Manifest? = nil, errorMessage: String? = nil, rows: [Row] = [],
                page: String? = nil, nextCursor: String? = nil, processed: Int? = nil, progressMessage: String? = nil) {
        self.jobID = jobID
        self.status = status
        self.manifest = manifest
        self.errorMessage = errorMessage
        self.rows = rows
        self.page = page
        self.nextCursor = nextCursor
        self.processed = processed
        self.progressMessage = progressMessage
    }
}

/// What `wait` reports while a job runs.
public struct JobProgress: Sendable, Hashable {
    public var jobID: String
    public var status: JobStatus
    /// Rows delivered so far, when the server says.
    public var processed: Int?
    /// The limit the job was submitted with.
    public var limit: Int?
    public var message: String?

    public init(jobID: String, status: JobStatus, processed: Int?, limit: Int?, message: String?) {
        self.jobID = jobID
        self.status = status
        self.processed = processed
        self.limit = limit
        self.message = message
    }

    /// processed ÷ limit, clamped to 0…1, when both are known.
    public var fraction: Double? {
        guard let processed, let limit, limit > 0 else { return nil }
        return min(1, max(0, Double(processed) / Double(limit)))
    }
}
