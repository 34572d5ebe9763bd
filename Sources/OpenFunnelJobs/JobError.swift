/// Why a job operation failed, beyond transport and validation errors (which the generated
/// client throws as `ClientError`).
public enum JobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No job with this id exists for this API key (HTTP 404).
    case notFound(jobID: String)
    /// The job already finished (completed, failed or cancelled) and can't be cancelled (HTTP 409).
    case alreadyFinished(jobID: String)
    /// The job ended in `failed`; rows delivered before the failure stay readable.
    case failed(jobID: String, message: String?)
    /// `wait` gave up: the job had not finished by the deadline.
    case deadlineExceeded(jobID: String, lastStatus: JobStatus)
    /// The server returned a cursor already read; following it again would loop forever.
    case repeatedCursor(jobID: String, cursor: String)
    /// This kind of job has no cancel operation in the API.
    case cancelUnsupported(kind: String)
    /// The submit was answered HTTP 429 after the client's retries; `retryAfter` is the wait the
    /// response's `Retry-After` asked for, when it had a readable one.
    case rateLimited(retryAfter: Duration?)

    public var description: String {
        switch self {
        case .notFound(let id): return "job \(id) was not found for this API key"
        case .alreadyFinished(let id): return "job \(id) has already finished and cannot be cancelled"
        case .failed(let id, let message): return "job \(id) failed" + (message.map { ": \($0)" } ?? "")
        case .deadlineExceeded(let id, let status): return "job \(id) was still \(status) when the deadline passed"
        case .repeatedCursor(let id, let cursor): return "job \(id): the server returned cursor \(cursor) twice; stopping instead of looping"
        case .cancelUnsupported(let kind): return "\(kind) jobs cannot be cancelled through the API"
        case .rateLimited(let wait?): return "rate limit reached for this API key; the server asks to wait \(JobError.seconds(wait)) s"
        case .rateLimited(nil): return "rate limit reached for this API key"
        }
    }
}

extension JobError {
    /// Whole seconds, rounded up, for messages: a wait of 0.2 s is "1 s", never "0 s".
    public static func seconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return attoseconds > 0 ? seconds + 1 : seconds
    }
}
