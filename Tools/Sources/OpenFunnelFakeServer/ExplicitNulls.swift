import Foundation
import OpenFunnel

/// `null` for the absent optional fields of a job status body.
///
/// The real service (FastAPI) writes `null` for absent optional fields, and the spec's warning
/// about `next_cursor: null` is about exactly that; the generated encoders (and so the generated
/// server) leave such fields out. Writing them keeps clients tested against the wire format they
/// will meet.
enum ExplicitNulls {
    /// The keys each status operation's 200 body writes as `null` when absent.
    static let keys: [String: [String]] = [
        Operations.SearchLookalikesBulkStatus.id: ["manifest", "error_message", "page", "next_cursor", "processed", "progress_message"],
        Operations.TechIntentSearchStatus.id: ["manifest", "error_message", "page", "next_cursor"],
    ]

    /// `body` (a JSON object) with `null` for each of `keys` it lacks; unchanged when it is not
    /// an object.
    static func adding(_ keys: [String], to body: Data) -> Data {
        guard case .object(var members) = try? JSONCoding.decode(JSONValue.self, from: body) else { return body }
        for key in keys where members[key] == nil { members[key] = .null }
        return (try? JSONCoding.encode(JSONValue.object(members))) ?? body
    }
}
