import ClientTestSupport
import Foundation
import Testing
import OpenFunnel

/// 2026-05-28T17:05:00Z.
private let may28 = DateTime(Date(timeIntervalSince1970: 1_779_987_900))

@Suite("Published examples") struct ExampleRoundTripTests {
    @Test func lookalikeJobPoll() throws {
        let job = try decode(BulkLookalikeJobResponse.self, Examples.lookalikeJobPoll)
        #expect(job.jobID == "d8a1bddb-44f1-4c7f-87a7-f37496354ff6")
        #expect(job.status == "completed")
        #expect(job.errorMessage == nil)
        #expect(job.page == "page_0000")
        #expect(job.nextCursor == "page_0001")
        #expect(job.count == 100)
        #expect(job.processed == 600)
        #expect(job.progressMessage == "completed")

        let manifest = try #require(job.manifest)
        #expect(manifest.count == 600)
        #expect(manifest.pages == 6)
        #expect(manifest.pageSize == 100)
        #expect(manifest.creditsConsumed == 600)
        #expect(manifest.derivedQuery == nil)
        #expect(manifest.resolvedSeedDomains == nil)
        #expect(manifest.unresolvedSeedDomains == nil)
        #expect(manifest.rerankDegraded == false)
        #expect(manifest.partial == false)

        let rows = try #require(job.rows)
        #expect(rows == [BulkLookalikeResultRow(
            name: "Acme Observability", domain: "acme.com",
            linkedinURL: "https://www.linkedin.com/company/acme",
            headquarters: "San Francisco, United States",
            matchReason: #"Describes itself as an "observability platform" for engineering teams."#,
            employeeCount: 120)])

        #expect(try encodedJSON(job) == json(Examples.lookalikeJobPoll))
    }

    @Test func techIntentPoll() throws {
        let job = try decode(TechIntentJobResponse.self, Examples.techIntentPoll)
        #expect(job.jobID == "8bda2224-3772-4430-94d3-69a526872227")
        #expect(job.status == "completed")
        #expect(job.errorMessage == nil)
        #expect(job.page == "page_0000")
        #expect(job.nextCursor == nil)
        #expect(job.count == 50)
        #expect(job.manifest == TechIntentManifest(
            pages: 1, pageSize: 100, count: 50, partial: false, tech: "Snowflake",
            activity: "migrating off Redshift to Snowflake", companiesScanned: 230,
            companiesSkippedNoEvidence: 4, companiesQualified: 50, totalCompaniesMatched: 8412,
            creditsConsumed: 500))

        let row = try #require(job.rows?.first)
        #expect(job.rows?.count == 1)
        #expect(row.companySlug == "acme-analytics")
        #expect(row.companyName == "Acme Analytics")
        #expect(row.postCount == 7)
        #expect(row.firstPostedAt == DateTime(Date(timeIntervalSince1970: 1_770_802_200)))
        #expect(row.lastPostedAt == may28)
        #expect(row.enriched == true)
        #expect(row.website == "acme-analytics.com")
        #expect(row.linkedinURL == "https://www.linkedin.com/company/acme-analytics")
        #expect(row.employeeCount == 850)
        #expect(row.hqCountryCode == "USA")
        #expect(row.fundingStage == "Series C")
        #expect(row.intent?.activity == "migrating off Redshift to Snowflake")
        #expect(row.intent?.reason == #"The posting describes "leading our migration from Redshift to Snowflake" as a core responsibility of the role."#)
        #expect(row.intent?.qualifiedJob == TechIntentQualifiedJob(
            title: "Senior Data Engineer", url: "https://www.linkedin.com/jobs/view/4012345678",
            created: may28, snippet: "…experience leading our migration from Redshift to <em>Snowflake</em>…"))

        #expect(try encodedJSON(job) == json(Examples.techIntentPoll))
    }

    @Test func cancelResponse() throws {
        let cancel = try decode(BulkLookalikeCancelResponse.self, Examples.cancel)
        #expect(cancel.jobID == "d8a1bddb-44f1-4c7f-87a7-f37496354ff6")
        #expect(cancel.status == "cancelling")
        #expect(cancel.message == "Cancellation requested. Poll GET /api/v1/account/search-lookalikes-bulk/d8a1bddb-44f1-4c7f-87a7-f37496354ff6 for the final status and the companies processed before cancellation.")
        #expect(try encodedJSON(cancel) == json(Examples.cancel))
    }

    @Test func validationErrorLocationsMixStringsAndIntegers() throws {
        let error = try decode(HTTPValidationError.self, Examples.validationError)
        #expect(error.detail == [
            ValidationError(loc: [.string("body"), .string("seed_domains"), .integer(10)], msg: "List should have at most 10 items", type: "too_long"),
            ValidationError(loc: [.string("query"), .string("limit")], msg: "Input should be less than or equal to 100", type: "less_than_equal"),
        ])
        #expect(try encodedJSON(error) == json(Examples.validationError))
        #expect(throws: DecodingError.self) {
            try decode(HTTPValidationError.self, #"{"detail": [{"loc": [1.5], "msg": "m", "type": "t"}]}"#)
        }
        #expect(try decode(HTTPValidationError.self, "{}") == HTTPValidationError())
    }
}

@Suite("Defaults, nulls and dates") struct DefaultsRoundTripTests {
    @Test func absentDefaultedValuesStayAbsent() throws {
        // A default applies when the caller leaves a value out, not when the server did: a value
        // read and written back is the value that was read.
        let job = try decode(BulkLookalikeJobResponse.self, #"{"job_id": "j", "status": "pending"}"#)
        #expect(job == BulkLookalikeJobResponse(jobID: "j", status: "pending", count: nil))
        #expect(job.count == nil)
        #expect(job.rows == nil)
        #expect(try encodedJSON(job) == json(#"{"job_id": "j", "status": "pending"}"#))
        // Made in Swift, the spec's default is what the initializer gives.
        #expect(BulkLookalikeJobResponse(jobID: "j", status: "pending").count == 0)

        let manifest = try decode(BulkLookalikeManifest.self, "{}")
        #expect(manifest.rerankDegraded == nil)
        #expect(manifest.partial == nil)
        #expect(try encodedText(manifest) == "{}")
        #expect(BulkLookalikeManifest().partial == false)
        #expect(try decode(BulkLookalikeCancelResponse.self, #"{"job_id": "j", "message": "m"}"#).status == nil)
        #expect(try decode(TechIntentSubmitResponse.self, #"{"job_id": "j", "message": "m", "requested_limit": 5}"#)
            == TechIntentSubmitResponse(jobID: "j", status: nil, message: "m", requestedLimit: 5))
    }

    @Test func unknownPropertiesAreKeptAndWrittenBack() throws {
        // Responses gain fields over time; an older client must still read them, and must not
        // erase them when it sends the value back.
        let text = """
            {"job_id": "j", "status": "queued", "eta_seconds": 30, "manifest": {"pages": 1, "shard": "eu-1"},
             "rows": [{"name": "A", "industry": ["SaaS"]}]}
            """
        let job = try decode(BulkLookalikeJobResponse.self, text)
        #expect(job.status == "queued")
        #expect(job.additionalProperties == ["eta_seconds": 30])
        #expect(job.manifest == BulkLookalikeManifest(pages: 1, rerankDegraded: nil, partial: nil, additionalProperties: ["shard": "eu-1"]))
        #expect(job.rows == [BulkLookalikeResultRow(name: "A", additionalProperties: ["industry": ["SaaS"]])])
        #expect(try encodedJSON(job) == json(text))
    }

    @Test func presentValuesOverrideDefaults() throws {
        let job = try decode(BulkLookalikeJobResponse.self, #"{"job_id": "j", "status": "running", "count": 7, "manifest": {"partial": true, "rerank_degraded": true}}"#)
        #expect(job.count == 7)
        #expect(job.manifest?.partial == true)
        #expect(job.manifest?.rerankDegraded == true)
    }

    @Test func requiredPropertiesAreRequired() throws {
        let error = try #require(throws: DecodingError.self) {
            try decode(BulkLookalikeJobResponse.self, #"{"job_id": "j"}"#)
        }
        #expect(decodingFailure(error) == "status: required value is missing")
        #expect(throws: DecodingError.self) { try decode(BulkLookalikeCancelResponse.self, #"{"job_id": "j"}"#) }
        #expect(throws: DecodingError.self) { try decode(BulkLookalikeJobResponse.self, #"{"job_id": "j", "status": null}"#) }
    }

    @Test func nullAndAbsentOptionalsBothDecodeAsNilAndAnExplicitNullIsWrittenBack() throws {
        let text = """
            {"company_slug": null, "post_count": null, "first_posted_at": null, "intent": null, "enriched": false}
            """
        let nulls = try decode(TechIntentResultRow.self, text)
        var expected = TechIntentResultRow()
        expected.nullMembers = ["company_slug", "post_count", "first_posted_at", "intent"]
        #expect(nulls == expected)
        #expect(nulls.companySlug == nil && nulls.postCount == nil && nulls.firstPostedAt == nil && nulls.intent == nil)
        #expect(try encodedJSON(nulls) == json(text))
        #expect(try decode(TechIntentResultRow.self, "{}") == TechIntentResultRow(enriched: nil))
        #expect(try encodedText(TechIntentResultRow()) == #"{"enriched":false}"#)
        var verdict = TechIntentVerdict()
        verdict.nullMembers = ["qualified_job"]
        #expect(try decode(TechIntentVerdict.self, #"{"qualified_job": null}"#) == verdict)
        #expect(try encodedText(verdict) == #"{"qualified_job":null}"#)
        // A value set later is written instead of the null that was read.
        verdict.qualifiedJob = TechIntentQualifiedJob(title: "t")
        #expect(try encodedText(verdict) == #"{"qualified_job":{"title":"t"}}"#)
    }

    @Test func datesWithAndWithoutFractionalSeconds() throws {
        let row = try decode(TechIntentResultRow.self, #"{"first_posted_at": "2026-05-28T17:05:00.250Z", "last_posted_at": "2026-05-28T17:05:00Z"}"#)
        let first = try #require(row.firstPostedAt)
        #expect(abs(first.date.timeIntervalSince1970 - 1_779_987_900.25) < 0.000_001)
        #expect(row.lastPostedAt == may28)
        #expect(try encodedJSON(row) == json(#"{"first_posted_at": "2026-05-28T17:05:00.250Z", "last_posted_at": "2026-05-28T17:05:00Z"}"#))

        let error = try #require(throws: DecodingError.self) {
            try decode(TechIntentQualifiedJob.self, #"{"created": "2026-05-28"}"#)
        }
        #expect(decodingFailure(error) == #"created: expected an RFC 3339 date-time, found "2026-05-28""#)
    }
}

@Suite("Request bodies") struct RequestBodyRoundTripTests {
    @Test func lookalikeRequestAppliesTheLimitDefault() throws {
        let empty = try decode(BulkLookalikeSearchRequest.self, "{}")
        #expect(empty == BulkLookalikeSearchRequest(limit: nil))
        #expect(BulkLookalikeSearchRequest().limit == 100)
        #expect(try encodedText(BulkLookalikeSearchRequest(query: "voice AI")) == #"{"limit":100,"query":"voice AI"}"#)
    }

    @Test func lookalikeRequestFromTheCodeSample() throws {
        let text = #"{"query": "Healthcare companies building with voice AI", "limit": 2000, "min_employees": 50, "max_employees": 500, "funding_stages": ["Series A", "Series B"], "locations": ["USA"]}"#
        let request = try decode(BulkLookalikeSearchRequest.self, text)
        #expect(request == BulkLookalikeSearchRequest(
            query: "Healthcare companies building with voice AI", limit: 2000, minEmployees: 50,
            maxEmployees: 500, fundingStages: [.seriesA, .seriesB], locations: ["USA"]))
        #expect(try encodedJSON(request) == json(text))
    }

    @Test func fundingStagesAreAClosedList() throws {
        #expect(try encodedText(BulkLookalikeSearchRequest(limit: 1, fundingStages: [.preSeed, .public, .private]))
            == #"{"funding_stages":["Pre-Seed","Public","Private"],"limit":1}"#)
        #expect(BulkLookalikeSearchRequest.FundingStage.allCases.count == 13)
        #expect(throws: DecodingError.self) {
            try decode(BulkLookalikeSearchRequest.self, #"{"funding_stages": ["Series Z"]}"#)
        }
    }

    @Test func techIntentRequestWritesItsDefaults() throws {
        let request = TechIntentSearchRequest(tech: "Snowflake", activity: "migrating off Redshift to Snowflake")
        #expect(try encodedJSON(request) == json("""
            {"tech": "Snowflake", "activity": "migrating off Redshift to Snowflake", "lookback_days": 365,
             "limit": 100, "exclude_vendor": true, "exclude_aggregators": true, "enrich": false}
            """))
    }

    @Test func techIntentRequestFromTheCodeSample() throws {
        let text = #"{"tech": "Kubernetes", "activity": "migrating workloads from VMs to Kubernetes", "variations": ["K8s"], "limit": 25, "hq_country_code": "USA", "min_employee_count": 200, "max_employee_count": 5000}"#
        let request = try decode(TechIntentSearchRequest.self, text)
        #expect(request == TechIntentSearchRequest(
            tech: "Kubernetes", activity: "migrating workloads from VMs to Kubernetes", variations: ["K8s"],
            lookbackDays: nil, limit: 25, excludeVendor: nil, excludeAggregators: nil, enrich: nil,
            hqCountryCode: "USA", minEmployeeCount: 200, maxEmployeeCount: 5000))
        #expect(request.lookbackDays == nil)
        #expect(try encodedJSON(request) == json(text))
    }
}
