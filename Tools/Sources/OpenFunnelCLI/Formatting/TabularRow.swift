import Foundation
import OpenFunnel

/// A result row as the output formats see it: named columns, in the order the spec declares the
/// row's properties, with nested objects flattened to dotted wire names (`intent.reason`).
///
/// JSON lines encode the row itself (its `Encodable` conformance writes the wire names); CSV and
/// the table use `columns` and `cells`.
public protocol TabularRow: Encodable, Sendable {
    /// Column names: the row type's wire names, in spec order.
    static var columns: [String] { get }
    /// One text per column, in `columns` order; nil for a missing value (written empty).
    var cells: [String?] { get }
}

extension BulkLookalikeResultRow: TabularRow {
    public static let columns = ["name", "domain", "linkedin_url", "headquarters", "match_reason", "employee_count"]

    public var cells: [String?] {
        [name, domain, linkedinURL, headquarters, matchReason, employeeCount.map(String.init)]
    }
}

extension TechIntentResultRow: TabularRow {
    public static let columns = [
        "company_slug", "company_name", "post_count", "first_posted_at", "last_posted_at", "enriched",
        "website", "linkedin_url", "employee_count", "hq_country_code", "funding_stage",
        "intent.activity", "intent.reason",
        "intent.qualified_job.title", "intent.qualified_job.url", "intent.qualified_job.created", "intent.qualified_job.snippet",
    ]

    public var cells: [String?] {
        let job = intent?.qualifiedJob
        return [
            companySlug, companyName, postCount.map(String.init), firstPostedAt.map(\.text),
            lastPostedAt.map(\.text), String(enriched ?? false),
            website, linkedinURL, employeeCount.map(String.init), hqCountryCode, fundingStage,
            intent?.activity, intent?.reason,
            job?.title, job?.url, job?.created.map(\.text), job?.snippet,
        ]
    }
}
