import OpenFunnel

/// The five OpenFunnel operations the fake serves, named after the `OpenFunnelAPI` methods.
///
/// Used to count the requests that reached each operation and to script faults for one
/// operation without disturbing the others.
public enum FakeOperation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `POST /api/v1/account/search-lookalikes-bulk`
    case searchLookalikesBulk
    /// `GET /api/v1/account/search-lookalikes-bulk/{job_id}`
    case searchLookalikesBulkStatus
    /// `POST /api/v1/account/search-lookalikes-bulk/{job_id}/cancel`
    case searchLookalikesBulkCancel
    /// `POST /api/v2/tech/companies/intent-search`
    case techIntentSearchSubmit
    /// `GET /api/v2/tech/companies/intent-search/{job_id}`
    case techIntentSearchStatus

    /// The operation's `operationId` in the spec.
    public var operationID: String {
        switch self {
        case .searchLookalikesBulk: return Operations.SearchLookalikesBulk.id
        case .searchLookalikesBulkStatus: return Operations.SearchLookalikesBulkStatus.id
        case .searchLookalikesBulkCancel: return Operations.SearchLookalikesBulkCancel.id
        case .techIntentSearchSubmit: return Operations.TechIntentSearchSubmit.id
        case .techIntentSearchStatus: return Operations.TechIntentSearchStatus.id
        }
    }

    /// The HTTP method the operation is called with.
    public var method: String {
        switch self {
        case .searchLookalikesBulkStatus, .techIntentSearchStatus: return "GET"
        case .searchLookalikesBulk, .searchLookalikesBulkCancel, .techIntentSearchSubmit: return "POST"
        }
    }

    /// The method name, e.g. `searchLookalikesBulk`.
    public var description: String { rawValue }
}
