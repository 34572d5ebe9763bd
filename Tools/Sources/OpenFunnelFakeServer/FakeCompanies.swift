import Foundation
import OpenFunnel

/// Deterministic fake companies: row `i` of a job is a function of `i` and the job's seed
/// alone, so tests can predict every row, and the same request always gets the same answer.
///
/// Domains use the reserved `.example` top-level domain (RFC 2606) so that no fake result can
/// be mistaken for, or lead anyone to, a real company.
public enum FakeCompanies {
    private static let prefixes = [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent", "Wonka", "Tyrell",
        "Cyberdyne", "Aperture", "Gringotts", "Oscorp", "Wayne", "Stark", "Pied Piper", "Monarch",
        "Massive Dynamic", "Prestige", "Nakatomi", "Dunder", "Bluth", "Sirius", "Zorg",
    ]
    private static let suffixes = [
        "Health", "Voice", "Analytics", "Robotics", "Labs", "Systems", "Cloud", "Data", "Logistics",
        "Security", "Payments", "Bio", "Energy", "Support", "Automation",
    ]
    // Slugs and lower-cased words made once: per row (100 a page, each page served again on
    // every poll) Foundation's `replacingOccurrences` and `lowercased` cost more than the rest
    // of the row.
    private static let prefixSlugs = prefixes.map { slugged($0) }
    private static let suffixSlugs = suffixes.map { slugged($0) }
    private static let lowercasedSuffixes = suffixes.map { $0.lowercased() }
    private static let headquarters = [
        "San Francisco, United States", "New York, United States", "Austin, United States",
        "London, United Kingdom", "Berlin, Germany", "Paris, France", "Toronto, Canada",
        "Bangalore, India", "Singapore, Singapore", "Sydney, Australia", "Amsterdam, Netherlands",
    ]
    private static let countryCodes = ["USA", "USA", "USA", "GBR", "DEU", "FRA", "CAN", "IND", "SGP", "AUS", "NLD"]
    private static let fundingStages = ["Seed", "Series A", "Series B", "Series C", "Private", "Public"]
    private static let jobTitles = [
        "Senior Data Engineer", "Platform Engineer", "Analytics Engineer", "Staff Software Engineer",
        "Site Reliability Engineer", "Engineering Manager, Data",
    ]

    /// Row `index` (0-based, across pages) of the lookalike job `request` starts: what the
    /// fake serves, so tests can predict it.
    public static func lookalikeRow(_ index: Int, for request: BulkLookalikeSearchRequest) -> BulkLookalikeResultRow {
        lookalikeRow(index: index, seed: seed(for: request), query: searchText(of: request))
    }

    /// Row `index` of the tech-intent job `request` starts.
    public static func techIntentRow(_ index: Int, for request: TechIntentSearchRequest) -> TechIntentResultRow {
        techIntentRow(
            index: index, seed: seed(for: request), tech: request.tech, activity: request.activity,
            enriched: isEnriched(request))
    }

    /// What a lookalike job searches for, as its match reasons quote it.
    static func searchText(of request: BulkLookalikeSearchRequest) -> String {
        request.query ?? "companies like " + (request.seedDomains ?? []).joined(separator: ", ")
    }

    /// The real service enriches when asked to or when a firmographic filter needs it.
    static func isEnriched(_ request: TechIntentSearchRequest) -> Bool {
        (request.enrich ?? false) || request.hqCountryCode != nil || request.minEmployeeCount != nil
            || request.maxEmployeeCount != nil
    }

    static func seed(for request: BulkLookalikeSearchRequest) -> UInt64 {
        seed(searchText(of: request))
    }

    static func seed(for request: TechIntentSearchRequest) -> UInt64 {
        seed(request.tech + "\u{1F}" + request.activity)
    }

    private static func slugged(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// The seed of a job: FNV-1a of its defining text, stable across runs and platforms
    /// (`Hasher` is randomly seeded per process).
    static func seed(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Row `index` of a lookalike job searching for `query`.
    static func lookalikeRow(index: Int, seed: UInt64, query: String) -> BulkLookalikeResultRow {
        let company = Company(index: index, seed: seed)
        return BulkLookalikeResultRow(
            name: company.name,
            domain: company.domain,
            linkedinURL: "https://www.linkedin.com/company/\(company.slug)",
            headquarters: headquarters[company.pick(headquarters.count, salt: 1)],
            matchReason: "Builds \"\(company.lowercasedSuffix) software\" for teams like those in \"\(query)\".",
            employeeCount: 10 + company.pick(4_990, salt: 2))
    }

    /// Row `index` of a tech-intent job for `tech` and `activity`; firmographics only when
    /// `enriched`, as the real service leaves them null without enrichment.
    static func techIntentRow(
        index: Int, seed: UInt64, tech: String, activity: String, enriched: Bool
    ) -> TechIntentResultRow {
        let company = Company(index: index, seed: seed)
        // Whole seconds from a fixed origin, so dates survive an RFC 3339 round trip exactly.
        let origin = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let first = origin.addingTimeInterval(TimeInterval(company.pick(90, salt: 3) * 86_400))
        let last = first.addingTimeInterval(TimeInterval((1 + company.pick(60, salt: 4)) * 86_400 + 3_600))
        let jobNumber = 4_000_000_000 + UInt64(company.pick(99_999_999, salt: 5))
        let job = TechIntentQualifiedJob(
            title: jobTitles[company.pick(jobTitles.count, salt: 6)],
            url: "https://www.linkedin.com/jobs/view/\(jobNumber)",
            created: DateTime(last),
            snippet: "…experience \(activity.lowercased()) with <em>\(tech)</em>…")
        let location = company.pick(countryCodes.count, salt: 1)
        return TechIntentResultRow(
            companySlug: company.slug,
            companyName: company.name,
            postCount: 1 + company.pick(9, salt: 7),
            firstPostedAt: DateTime(first),
            lastPostedAt: DateTime(last),
            enriched: enriched,
            website: enriched ? company.domain : nil,
            linkedinURL: enriched ? "https://www.linkedin.com/company/\(company.slug)" : nil,
            employeeCount: enriched ? 10 + company.pick(4_990, salt: 2) : nil,
            hqCountryCode: enriched ? countryCodes[location] : nil,
            fundingStage: enriched ? fundingStages[company.pick(fundingStages.count, salt: 8)] : nil,
            intent: TechIntentVerdict(
                activity: activity,
                reason: "The posting lists \"\(activity)\" among the role's responsibilities and names \(tech) explicitly.",
                qualifiedJob: job))
    }

    /// The parts every row kind shares. The index is part of the name and slug, so names are
    /// unique within a job however the word lists cycle.
    private struct Company {
        let index: Int
        let mixed: UInt64
        let prefix: Int
        let suffix: Int
        /// `acme-health-12`: the name lower-cased, spaces as hyphens.
        let slug: String

        init(index: Int, seed: UInt64) {
            self.index = index
            mixed = Self.mix(seed &+ UInt64(truncatingIfNeeded: index) &* 0x9e37_79b9_7f4a_7c15)
            prefix = Int(mixed % UInt64(FakeCompanies.prefixes.count))
            suffix = Int((mixed >> 16) % UInt64(FakeCompanies.suffixes.count))
            slug = "\(FakeCompanies.prefixSlugs[prefix])-\(FakeCompanies.suffixSlugs[suffix])-\(index + 1)"
        }

        var name: String { "\(FakeCompanies.prefixes[prefix]) \(FakeCompanies.suffixes[suffix]) \(index + 1)" }
        var lowercasedSuffix: String { FakeCompanies.lowercasedSuffixes[suffix] }
        var domain: String { "\(slug).example" }

        /// A number in `0..<count` for one attribute; `salt` keeps attributes independent.
        func pick(_ count: Int, salt: UInt64) -> Int {
            Int(Self.mix(mixed ^ salt &* 0xbf58_476d_1ce4_e5b9) % UInt64(max(1, count)))
        }

        /// SplitMix64's finaliser: spreads nearby inputs over the whole range.
        static func mix(_ value: UInt64) -> UInt64 {
            var z = value
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }
}
