import OpenFunnel
import OpenFunnelJobs

/// What the CLI needs to know about a job kind beyond what `SearchJobKind` says.
protocol CLIJobKind: SearchJobKind where Row: TabularRow {
    static var cliKind: JobKind { get }
    /// The manifest's fields as `status` prints them, wire names and values.
    static func manifestFields(_ manifest: Manifest) -> [(String, String?)]
}

extension LookalikeSearch: CLIJobKind {
    static var cliKind: JobKind { .lookalike }

    static func manifestFields(_ m: BulkLookalikeManifest) -> [(String, String?)] {
        [
            ("count", m.count.map(String.init)), ("pages", m.pages.map(String.init)), ("page_size", m.pageSize.map(String.init)),
            ("credits_consumed", m.creditsConsumed.map(String.init)), ("derived_query", m.derivedQuery),
            ("resolved_seed_domains", m.resolvedSeedDomains.map { $0.joined(separator: ", ") }),
            ("unresolved_seed_domains", m.unresolvedSeedDomains.map { $0.joined(separator: ", ") }),
            ("rerank_degraded", String(m.rerankDegraded ?? false)), ("partial", String(m.partial ?? false)),
        ]
    }
}

extension TechIntentSearch: CLIJobKind {
    static var cliKind: JobKind { .techIntent }

    static func manifestFields(_ m: TechIntentManifest) -> [(String, String?)] {
        [
            ("count", m.count.map(String.init)), ("pages", m.pages.map(String.init)), ("page_size", m.pageSize.map(String.init)),
            ("credits_consumed", m.creditsConsumed.map(String.init)), ("tech", m.tech), ("activity", m.activity),
            ("companies_scanned", m.companiesScanned.map(String.init)),
            ("companies_skipped_no_evidence", m.companiesSkippedNoEvidence.map(String.init)),
            ("companies_qualified", m.companiesQualified.map(String.init)),
            ("total_companies_matched", m.totalCompaniesMatched.map(String.init)),
            ("partial", String(m.partial ?? false)),
        ]
    }
}

extension JobKind {
    /// ` --kind tech-intent` for tech-intent jobs, nothing for lookalike (the default): for the
    /// commands the CLI suggests.
    var flag: String { self == .lookalike ? "" : " --kind \(rawValue)" }
}

extension CLIJobKind {
    /// Whether the API can cancel jobs of this kind (only lookalike jobs).
    static var isCancellable: Bool { cliKind == .lookalike }
}
