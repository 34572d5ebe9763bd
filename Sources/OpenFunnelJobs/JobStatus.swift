/// Where a search job is in its life: `pending` → `running` → `completed` / `failed`, or, after a
/// cancel, `cancelling` → `cancelled`.
public enum JobStatus: Sendable, Hashable, CustomStringConvertible {
    case pending
    case running
    case cancelling
    case cancelled
    case completed
    case failed
    /// A status this client doesn't know; treated as still running, since only the documented
    /// terminal statuses say that the job is over.
    case other(String)

    public init(_ text: String) {
        switch text {
        case "pending": self = .pending
        case "running": self = .running
        case "cancelling": self = .cancelling
        case "cancelled": self = .cancelled
        case "completed": self = .completed
        case "failed": self = .failed
        default: self = .other(text)
        }
    }

    /// Completed, failed or cancelled: the job will not change any more.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .cancelled: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .pending: return "pending"
        case .running: return "running"
        case .cancelling: return "cancelling"
        case .cancelled: return "cancelled"
        case .completed: return "completed"
        case .failed: return "failed"
        case .other(let text): return text
        }
    }
}
