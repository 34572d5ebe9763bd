import Foundation
import OpenFunnel
import OpenFunnelCLI
import OpenFunnelJobs

/// An in-memory OpenFunnel with one job of each kind. A job writes one more page on every poll
/// (polls stand in for time) until all are written, then ends in `finalStatus`. With `holdAt`,
/// once that many pages are written the job stalls: polls answer at once, with no new page, as
/// between two pages of a long job when the user presses Ctrl-C. A cancelled lookalike job stays
/// `cancelling` for `settlePolls` polls, then is `cancelled`. Records every call.
final class FakeAPI: OpenFunnelAPI, @unchecked Sendable {
    struct Job<Row> {
        var rows: [Row]
        var pageSize: Int
        var pagesWritten = 0
        var status = "pending"
        var finalStatus = "completed"
        var holdAt: Int?
        var settlePolls = 0

        var totalPages: Int { max(1, (rows.count + pageSize - 1) / pageSize) }
        var isTerminal: Bool { ["completed", "failed", "cancelled"].contains(status) }

        /// Advances the job by one page; returns true for a poll of a stalled job instead.
        mutating func advance() -> Bool {
            if status == "cancelling" {
                if settlePolls > 0 { settlePolls -= 1 } else { status = "cancelled" }
                return false
            }
            guard !isTerminal else { return false }
            if let holdAt, pagesWritten >= holdAt { return true }
            pagesWritten = min(totalPages, pagesWritten + 1)
            status = pagesWritten == totalPages ? finalStatus : "running"
            return false
        }

        func page(_ cursor: String?) -> (rows: [Row], name: String, next: String?)? {
            let index = cursor.map { Int($0.dropFirst(5)) ?? -1 } ?? 0
            guard index >= 0, index < max(1, pagesWritten) else { return nil }
            let rows = index < pagesWritten
                ? Array(self.rows[min(self.rows.count, index * pageSize)..<min(self.rows.count, (index + 1) * pageSize)]) : []
            let next = index + 1 < pagesWritten ? String(format: "page_%04d", index + 1) : nil
            return (rows, String(format: "page_%04d", index), next)
        }
    }

    private let lock = NSLock()
    private var lookalike: Job<BulkLookalikeResultRow>
    private var techIntent: Job<TechIntentResultRow>
    private var _lookalikeRequests: [BulkLookalikeSearchRequest] = []
    private var _techIntentRequests: [TechIntentSearchRequest] = []
    private var _statusCalls: [String] = []
    private var _cancelCalls: [String] = []
    private var _heldPolls = 0
    /// Replaces the lookalike submit's answer (a 503, say).
    var lookalikeSubmitOutput: Operations.SearchLookalikesBulk.Output?
    /// When set, the first lookalike submit is answered 429 with this `Retry-After`.
    var firstSubmitRetryAfter: String?

    static let lookalikeJobID = "lk-1"
    static let techIntentJobID = "ti-1"

    init(lookalikeRows: [BulkLookalikeResultRow] = FakeAPI.sampleLookalikes(5), techIntentRows: [TechIntentResultRow] = FakeAPI.sampleTechIntent(3),
         pageSize: Int = 2, holdAt: Int? = nil, settlePolls: Int = 0, finalStatus: String = "completed") {
        lookalike = Job(rows: lookalikeRows, pageSize: pageSize, finalStatus: finalStatus, holdAt: holdAt, settlePolls: settlePolls)
        techIntent = Job(rows: techIntentRows, pageSize: pageSize, finalStatus: finalStatus, holdAt: holdAt)
    }

    var lookalikeRequests: [BulkLookalikeSearchRequest] { lock.withLock { _lookalikeRequests } }
    var techIntentRequests: [TechIntentSearchRequest] { lock.withLock { _techIntentRequests } }
    var statusCalls: [String] { lock.withLock { _statusCalls } }
    var cancelCalls: [String] { lock.withLock { _cancelCalls } }
    var heldPolls: Int { lock.withLock { _heldPolls } }
    var totalCalls: Int {
        lock.withLock { _lookalikeRequests.count + _techIntentRequests.count + _statusCalls.count + _cancelCalls.count }
    }

    /// Starts the lookalike job as if it had been submitted earlier (for `rows` and `status`).
    func finishLookalikeJob() {
        lock.withLock {
            lookalike.pagesWritten = lookalike.totalPages
            lookalike.status = lookalike.finalStatus
        }
    }

    func searchLookalikesBulk(_ input: Operations.SearchLookalikesBulk.Input) async throws -> Operations.SearchLookalikesBulk.Output {
        let count = lock.withLock {
            _lookalikeRequests.append(input.body)
            return _lookalikeRequests.count
        }
        if let firstSubmitRetryAfter, count == 1 { return .tooManyRequests(headers: .init(retryAfter: firstSubmitRetryAfter)) }
        if let lookalikeSubmitOutput { return lookalikeSubmitOutput }
        return .ok(BulkLookalikeSubmitResponse(jobID: Self.lookalikeJobID, message: "poll it", requestedTopK: input.body.limit ?? 100))
    }

    func searchLookalikesBulkStatus(_ input: Operations.SearchLookalikesBulkStatus.Input) async throws -> Operations.SearchLookalikesBulkStatus.Output {
        lock.withLock {
            _statusCalls.append("\(input.jobID)@\(input.cursor ?? "-")")
            if input.jobID == Self.lookalikeJobID, lookalike.advance() { _heldPolls += 1 }
        }
        return lock.withLock {
            guard input.jobID == Self.lookalikeJobID else { return .notFound() }
            guard let page = lookalike.page(input.cursor) else { return .unprocessableContent(HTTPValidationError()) }
            let done = lookalike.isTerminal
            let delivered = min(lookalike.rows.count, lookalike.pagesWritten * lookalike.pageSize)
            return .ok(BulkLookalikeJobResponse(
                jobID: input.jobID, status: lookalike.status,
                manifest: done ? BulkLookalikeManifest(count: delivered, pages: lookalike.pagesWritten, pageSize: lookalike.pageSize,
                                                       creditsConsumed: delivered, partial: lookalike.status != "completed") : nil,
                errorMessage: lookalike.status == "failed" ? "ranker crashed" : nil,
                rows: page.rows, page: page.name, nextCursor: page.next, count: page.rows.count,
                processed: delivered, progressMessage: done ? lookalike.status : "qualifying_companies"))
        }
    }

    func searchLookalikesBulkCancel(_ input: Operations.SearchLookalikesBulkCancel.Input) async throws -> Operations.SearchLookalikesBulkCancel.Output {
        lock.withLock {
            _cancelCalls.append(input.jobID)
            guard input.jobID == Self.lookalikeJobID else { return .notFound() }
            if lookalike.isTerminal { return .conflict() }
            lookalike.status = lookalike.settlePolls > 0 ? "cancelling" : "cancelled"
            return .ok(BulkLookalikeCancelResponse(jobID: input.jobID, message: "poll for the final state"))
        }
    }

    func techIntentSearchSubmit(_ input: Operations.TechIntentSearchSubmit.Input) async throws -> Operations.TechIntentSearchSubmit.Output {
        lock.withLock { _techIntentRequests.append(input.body) }
        return .ok(TechIntentSubmitResponse(jobID: Self.techIntentJobID, message: "poll it", requestedLimit: input.body.limit ?? 100))
    }

    func techIntentSearchStatus(_ input: Operations.TechIntentSearchStatus.Input) async throws -> Operations.TechIntentSearchStatus.Output {
        lock.withLock {
            _statusCalls.append("\(input.jobID)@\(input.cursor ?? "-")")
            if input.jobID == Self.techIntentJobID, techIntent.advance() { _heldPolls += 1 }
        }
        return lock.withLock {
            guard input.jobID == Self.techIntentJobID else { return .notFound() }
            guard let page = techIntent.page(input.cursor) else { return .unprocessableContent(HTTPValidationError()) }
            let done = techIntent.isTerminal
            return .ok(TechIntentJobResponse(
                jobID: input.jobID, status: techIntent.status,
                manifest: done ? TechIntentManifest(pages: techIntent.pagesWritten, pageSize: techIntent.pageSize,
                                                    count: techIntent.rows.count, tech: "Snowflake", activity: "migrating") : nil,
                rows: page.rows, page: page.name, nextCursor: page.next, count: page.rows.count))
        }
    }

    static func sampleLookalikes(_ count: Int) -> [BulkLookalikeResultRow] {
        (0..<count).map { i in
            BulkLookalikeResultRow(
                name: "Company \(i)", domain: "c\(i).example", linkedinURL: "https://www.linkedin.com/company/c\(i)",
                headquarters: "San Francisco, United States",
                matchReason: i == 0 ? "Builds \"voice AI\", for clinics" : "Describes itself as a platform",
                employeeCount: i.isMultiple(of: 2) ? 100 + i : nil)
        }
    }

    static func sampleTechIntent(_ count: Int) -> [TechIntentResultRow] {
        (0..<count).map { i in
            TechIntentResultRow(
                companySlug: "slug-\(i)", companyName: "Tech \(i)", postCount: i + 1,
                lastPostedAt: DateTime(Date(timeIntervalSince1970: 1_750_000_000)),
                enriched: true, hqCountryCode: "USA",
                intent: TechIntentVerdict(activity: "migrating", reason: "Says \"moving off Redshift\"",
                                          qualifiedJob: TechIntentQualifiedJob(title: "Data Engineer \(i)", url: "https://jobs.example/\(i)")))
        }
    }
}

/// Collects what a command writes.
final class MemorySink: ByteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func write(_ data: Data) throws {
        lock.withLock { self.data.append(data) }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    var lines: [String] { text.split(whereSeparator: \.isNewline).map(String.init) }
}

/// A command run in process: its context and what it printed.
struct Harness {
    let api: FakeAPI
    let stdout = MemorySink()
    let stderr = MemorySink()
    var environment = [CLIContext.apiKeyVariable: "test-key"]
    var stdoutIsTerminal = false
    var stderrIsTerminal = false
    var terminalWidth: Int?
    var drainDeadline: Duration = .seconds(10)
    /// Ctrl-C, as the command sees it: `harness.interruption.signal()`.
    let interruption = Interruption()

    init(api: FakeAPI = FakeAPI()) {
        self.api = api
    }

    var context: CLIContext {
        let api = self.api
        return CLIContext(
            environment: environment,
            makeAPI: { _, _ in api },
            stdout: stdout, stderr: stderr,
            stdoutIsTerminal: stdoutIsTerminal, stderrIsTerminal: stderrIsTerminal, terminalWidth: terminalWidth,
            // A stalled job is polled over and over: a millisecond keeps that from spinning.
            polling: PollingPolicy(sleep: { _ in try await Task.sleep(for: .milliseconds(1)) }),
            cancelTimeout: .seconds(5), drainDeadline: drainDeadline, interruption: interruption)
    }

    func run(_ arguments: [String]) async -> Int32 {
        await OpenFunnelCommand.run(arguments, context: context)
    }
}

/// A fresh directory under the temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("openfunnel-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Waits (really) until `condition` holds, up to `timeout`.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
