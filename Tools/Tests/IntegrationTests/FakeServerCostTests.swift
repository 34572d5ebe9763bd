import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import Testing

/// What the fake does more cheaply than it did, checked against what it did: rows, the nulls
/// of status bodies, and the time it reports as its own.
@Suite struct FakeServerCostTests {
    @Test func slugsAndDomainsAreTheNameLowerCasedAndHyphenated() {
        let lookalike = lookalikeRequest()
        let techIntent = techIntentRequest(enrich: true)
        for index in 0..<300 {
            let row = FakeCompanies.lookalikeRow(index, for: lookalike)
            let slug = (row.name ?? "").lowercased().replacingOccurrences(of: " ", with: "-")
            #expect(row.domain == slug + ".example")
            #expect(row.linkedinURL == "https://www.linkedin.com/company/" + slug)
            let suffix = (row.name ?? "").split(separator: " ").dropLast().last.map(String.init) ?? ""
            #expect(row.matchReason?.hasPrefix("Builds \"\(suffix.lowercased()) software\"") == true)
            let tech = FakeCompanies.techIntentRow(index, for: techIntent)
            let techSlug = (tech.companyName ?? "").lowercased().replacingOccurrences(of: " ", with: "-")
            #expect(tech.companySlug == techSlug)
            #expect(tech.website == techSlug + ".example")
        }
    }

    @Test func aStatusReadOverHTTPEqualsTheOneTheServiceBuilt() async throws {
        try await withFakeServer(FakeServerConfiguration(pageSize: 10, completesOnSubmit: true)) { server, url in
            let client = makeClient(url)
            let submitted = try await client.searchLookalikesBulk(body: lookalikeRequest(limit: 25))
            let service = server.service(apiKey: "key-a")
            for cursor in [nil, "page_0001", "page_0002", "page_0007"] {
                let wire = try await client.searchLookalikesBulkStatus(jobID: submitted.jobID, cursor: cursor)
                let memory = try await service.searchLookalikesBulkStatus(jobID: submitted.jobID, cursor: cursor)
                #expect(wire == memory, "\(cursor ?? "first page")")
                #expect(wire.nullMembers.contains("error_message"))
            }
            // The last page has no next cursor, and one past the end no page rows either.
            let last = try await client.searchLookalikesBulkStatus(jobID: submitted.jobID, cursor: "page_0002")
            #expect(last.nullMembers.contains("next_cursor"))
            #expect(!last.nullMembers.contains("page"))
        }
    }

    @Test func handlingTimeLeavesTheAddedLatencyOut() async throws {
        let latency = Duration.milliseconds(200)
        try await withFakeServer(FakeServerConfiguration(completesOnSubmit: true, latency: latency)) { server, url in
            let before = server.handlingTime()
            let client = makeClient(url)
            let submitted = try await client.searchLookalikesBulk(body: lookalikeRequest(limit: 20))
            _ = try await client.searchLookalikesBulkStatus(jobID: submitted.jobID)
            _ = try await client.searchLookalikesBulkStatus(jobID: submitted.jobID, cursor: "page_0000")
            let handled = server.handlingTime().since(before)
            #expect(handled.requests == 3)
            #expect(handled.total > .zero)
            // Each request slept 200 ms in the server: counted, they alone would exceed this.
            #expect(handled.total < latency * 3)
        }
    }
}
