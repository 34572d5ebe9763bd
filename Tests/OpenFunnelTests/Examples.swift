import ClientTestSupport
/// The `example:` bodies published in spec/openfunnel.yaml, as JSON.
enum Examples {
    static let lookalikeJobPoll = """
        {
          "job_id": "d8a1bddb-44f1-4c7f-87a7-f37496354ff6",
          "status": "completed",
          "manifest": {
            "count": 600,
            "pages": 6,
            "page_size": 100,
            "credits_consumed": 600,
            "derived_query": null,
            "resolved_seed_domains": null,
            "unresolved_seed_domains": null,
            "rerank_degraded": false,
            "partial": false
          },
          "error_message": null,
          "rows": [
            {
              "name": "Acme Observability",
              "domain": "acme.com",
              "linkedin_url": "https://www.linkedin.com/company/acme",
              "headquarters": "San Francisco, United States",
              "match_reason": "Describes itself as an \\"observability platform\\" for engineering teams.",
              "employee_count": 120
            }
          ],
          "page": "page_0000",
          "next_cursor": "page_0001",
          "count": 100,
          "processed": 600,
          "progress_message": "completed"
        }
        """

    static let techIntentPoll = """
        {
          "job_id": "8bda2224-3772-4430-94d3-69a526872227",
          "status": "completed",
          "manifest": {
            "pages": 1,
            "page_size": 100,
            "count": 50,
            "partial": false,
            "tech": "Snowflake",
            "activity": "migrating off Redshift to Snowflake",
            "companies_scanned": 230,
            "companies_skipped_no_evidence": 4,
            "companies_qualified": 50,
            "total_companies_matched": 8412,
            "credits_consumed": 500
          },
          "error_message": null,
          "rows": [
            {
              "company_slug": "acme-analytics",
              "company_name": "Acme Analytics",
              "post_count": 7,
              "first_posted_at": "2026-02-11T09:30:00Z",
              "last_posted_at": "2026-05-28T17:05:00Z",
              "enriched": true,
              "website": "acme-analytics.com",
              "linkedin_url": "https://www.linkedin.com/company/acme-analytics",
              "employee_count": 850,
              "hq_country_code": "USA",
              "funding_stage": "Series C",
              "intent": {
                "activity": "migrating off Redshift to Snowflake",
                "reason": "The posting describes \\"leading our migration from Redshift to Snowflake\\" as a core responsibility of the role.",
                "qualified_job": {
                  "title": "Senior Data Engineer",
                  "url": "https://www.linkedin.com/jobs/view/4012345678",
                  "created": "2026-05-28T17:05:00Z",
                  "snippet": "…experience leading our migration from Redshift to <em>Snowflake</em>…"
                }
              }
            }
          ],
          "page": "page_0000",
          "next_cursor": null,
          "count": 50
        }
        """

    static let cancel = """
        {
          "job_id": "d8a1bddb-44f1-4c7f-87a7-f37496354ff6",
          "status": "cancelling",
          "message": "Cancellation requested. Poll GET /api/v1/account/search-lookalikes-bulk/d8a1bddb-44f1-4c7f-87a7-f37496354ff6 for the final status and the companies processed before cancellation."
        }
        """

    static let validationError = """
        {"detail": [
          {"loc": ["body", "seed_domains", 10], "msg": "List should have at most 10 items", "type": "too_long"},
          {"loc": ["query", "limit"], "msg": "Input should be less than or equal to 100", "type": "less_than_equal"}
        ]}
        """
}
