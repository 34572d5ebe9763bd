import OpenFunnel

/// Submits OpenFunnel search jobs and attaches to existing ones.
///
/// ```swift
/// let jobs = SearchJobs(api: OpenFunnelClient(apiKey: key))
/// let job = try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "voice AI in healthcare", limit: 2000))
/// for try await company in job.rows() { print(company.name ?? "?") }
/// ```
public struct SearchJobs: Sendable {
    public let api: any OpenFunnelAPI
    public var polling: PollingPolicy
    /// How many pages `rows()` fetches at once when the manifest gives the page count. A
    /// `URLSession` opens at most `httpMaximumConnectionsPerHost` connections to one host (6 by
    /// default): more pages than that in flight wait in the session for a connection.
    public var pageConcurrency: Int
    /// How many times a submit answered HTTP 429 is sent again, after the wait its `Retry-After`
    /// asks for, once the client's own retries are spent. A 429 without a readable
    /// `Retry-After`, or asking for more than ``maxRateLimitWait``, is thrown at once.
    public var rateLimitRetries = 1
    /// The longest `Retry-After` wait a submit sits out.
    public var maxRateLimitWait: Duration = .seconds(120)
    /// Told each wait before it starts, so a user can see why nothing happens
    /// ("rate limited, retrying in 30 s").
    public var onRateLimit: (@Sendable (Duration) -> Void)?

    public init(api: any OpenFunnelAPI, polling: PollingPolicy = PollingPolicy(), pageConcurrency: Int = 8) {
        self.api = api
        self.polling = polling
        self.pageConcurrency = pageConcurrency
    }

    /// Submits a bulk lookalike search. The request is validated first: invalid input throws
    /// `ClientError.invalidInput` and nothing is sent (nor billed).
    public func submitLookalikes(_ request: BulkLookalikeSearchRequest) async throws -> SearchJob<LookalikeSearch> {
        let (id, limit) = try await honouringRateLimit { try await LookalikeSearch.submit(request, using: api) }
        return SearchJob(jobID: id, limit: limit ?? request.limit, api: api, polling: polling, pageConcurrency: pageConcurrency)
    }

    /// Submits a tech-intent search (validated first, like ``submitLookalikes(_:)``).
    public func submitTechIntent(_ request: TechIntentSearchRequest) async throws -> SearchJob<TechIntentSearch> {
        let (id, limit) = try await honouringRateLimit { try await TechIntentSearch.submit(request, using: api) }
        return SearchJob(jobID: id, limit: limit ?? request.limit, api: api, polling: polling, pageConcurrency: pageConcurrency)
    }

    /// A lookalike job submitted earlier.
    public func lookalikeJob(id: String) -> SearchJob<LookalikeSearch> {
        SearchJob(jobID: id, api: api, polling: polling, pageConcurrency: pageConcurrency)
    }

    /// A tech-intent job submitted earlier.
    public func techIntentJob(id: String) -> SearchJob<TechIntentSearch> {
        SearchJob(jobID: id, api: api, polling: polling, pageConcurrency: pageConcurrency)
    }

    /// Runs `submit`, sitting out the server's `Retry-After` as ``rateLimitRetries`` allows.
    private func honouringRateLimit<T>(_ submit: () async throws -> T) async throws -> T {
        var retries = 0
        while true {
            do {
                return try await submit()
            } catch JobError.rateLimited(let wait?) where retries < rateLimitRetries && wait <= maxRateLimitWait {
                retries += 1
                onRateLimit?(wait)
                try await polling.sleep(wait)
            }
        }
    }
}
