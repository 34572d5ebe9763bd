import OpenFunnel

/// The two request bodies of the spec, field by field with their constraints.
enum RequestSchemas {
    /// `BulkLookalikeSearchRequest`; at least one of `query` and `seed_domains` is required,
    /// a rule the spec states only in prose (so the generated client cannot check it).
    static let lookalike = BodySchema(
        fields: [
            .init(name: "query", kind: .string(minLength: 1, maxLength: 200), nullable: true),
            .init(name: "seed_domains", kind: .stringList(maxItems: 10), nullable: true),
            .init(name: "limit", kind: .integer(minimum: 1, maximum: 10_000)),
            .init(name: "min_employees", kind: .integer(minimum: 0), nullable: true),
            .init(name: "max_employees", kind: .integer(minimum: 0), nullable: true),
            .init(
                name: "funding_stages",
                kind: .stringList(allowed: BulkLookalikeSearchRequest.FundingStage.allCases.map(\.rawValue)),
                nullable: true),
            .init(name: "locations", kind: .stringList(), nullable: true),
        ],
        modelRule: { body in
            let hasQuery: Bool
            if case .string = body["query"] { hasQuery = true } else { hasQuery = false }
            let hasSeeds: Bool
            if case .array(let seeds) = body["seed_domains"], !seeds.isEmpty { hasSeeds = true } else { hasSeeds = false }
            return hasQuery || hasSeeds ? nil : "At least one of `query` or `seed_domains` is required."
        })

    /// `TechIntentSearchRequest`.
    static let techIntent = BodySchema(fields: [
        .init(name: "tech", kind: .string(minLength: 1, maxLength: 128), required: true),
        .init(name: "activity", kind: .string(minLength: 1, maxLength: 500), required: true),
        .init(name: "variations", kind: .stringList(), nullable: true),
        .init(name: "lookback_days", kind: .integer(minimum: 1, maximum: 365)),
        .init(name: "limit", kind: .integer(minimum: 1, maximum: 500)),
        .init(name: "exclude_vendor", kind: .boolean),
        .init(name: "exclude_aggregators", kind: .boolean),
        .init(name: "exclude_company_slugs", kind: .stringList(), nullable: true),
        .init(name: "enrich", kind: .boolean),
        .init(name: "hq_country_code", kind: .string(minLength: 3, maxLength: 3), nullable: true),
        .init(name: "min_employee_count", kind: .integer(minimum: 0), nullable: true),
        .init(name: "max_employee_count", kind: .integer(minimum: 0), nullable: true),
    ])
}
