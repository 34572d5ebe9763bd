import OpenFunnel

/// `null` for the absent optional fields of a job status body.
///
/// The real service (FastAPI) writes `null` for absent optional fields, and the spec's warning
/// about `next_cursor: null` is about exactly that; the generated encoders leave a nil member
/// out unless it is in the value's `nullMembers`. Naming the absent ones there keeps clients
/// tested against the wire format they will meet, and a value decoded from that wire equals
/// the one the fake built. (Adding the nulls to the encoded body instead, through a decoded
/// `JSONValue` tree, cost as much per poll as everything else the fake does.)
enum ExplicitNulls {
    /// The members of `response` a FastAPI status body writes as `null`, those that are nil.
    static func of(_ response: BulkLookalikeJobResponse) -> Set<String> {
        absent([
            ("manifest", response.manifest == nil), ("error_message", response.errorMessage == nil),
            ("page", response.page == nil), ("next_cursor", response.nextCursor == nil),
            ("processed", response.processed == nil), ("progress_message", response.progressMessage == nil),
        ])
    }

    /// The same for a tech-intent status body, which has no progress fields.
    static func of(_ response: TechIntentJobResponse) -> Set<String> {
        absent([
            ("manifest", response.manifest == nil), ("error_message", response.errorMessage == nil),
            ("page", response.page == nil), ("next_cursor", response.nextCursor == nil),
        ])
    }

    private static func absent(_ members: [(name: String, isNil: Bool)]) -> Set<String> {
        Set(members.filter(\.isNil).map(\.name))
    }
}
