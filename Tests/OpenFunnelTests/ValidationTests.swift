import ClientTestSupport
import Foundation
import Testing
import OpenFunnel

private func issue(_ path: String, _ message: String) -> ValidationIssue {
    ValidationIssue(path: path, message: message)
}

private let elevenDomains = (1...11).map { "company\($0).com" }

@Suite("Validation") struct ValidationTests {
    @Test func validRequestsHaveNoIssues() throws {
        let lookalike = BulkLookalikeSearchRequest(
            query: String(repeating: "q", count: 200), seedDomains: Array(elevenDomains.prefix(10)),
            limit: 10000, minEmployees: 0, maxEmployees: 0)
        #expect(lookalike.validationIssues == [])
        try lookalike.validate()
        #expect(BulkLookalikeSearchRequest(query: "q", limit: 1).validationIssues == [])

        let tech = TechIntentSearchRequest(
            tech: String(repeating: "t", count: 128), activity: String(repeating: "a", count: 500),
            lookbackDays: 1, limit: 500, hqCountryCode: "USA", minEmployeeCount: 0, maxEmployeeCount: 0)
        #expect(tech.validationIssues == [])
    }

    @Test func lookalikeRequestReportsEveryIssue() {
        let request = BulkLookalikeSearchRequest(
            query: "", seedDomains: elevenDomains, limit: 10001, minEmployees: -1, maxEmployees: -5)
        #expect(request.validationIssues == [
            issue("query", "0 characters, at least 1 required"),
            issue("seed_domains", "11 items, at most 10 allowed"),
            issue("limit", "10001 is greater than the maximum 10000"),
            issue("min_employees", "-1 is less than the minimum 0"),
            issue("max_employees", "-5 is less than the minimum 0"),
        ])
    }

    @Test func lookalikeRequestUpperAndLowerLimits() {
        #expect(BulkLookalikeSearchRequest(query: String(repeating: "é", count: 201)).validationIssues == [
            issue("query", "201 characters, at most 200 allowed"),
        ])
        #expect(BulkLookalikeSearchRequest(limit: 0).validationIssues == [issue("limit", "0 is less than the minimum 1")])
    }

    @Test func techIntentRequestReportsEveryIssue() {
        let request = TechIntentSearchRequest(
            tech: "", activity: String(repeating: "a", count: 501), lookbackDays: 366, limit: 0,
            hqCountryCode: "US", minEmployeeCount: -1, maxEmployeeCount: -2)
        #expect(request.validationIssues == [
            issue("tech", "0 characters, at least 1 required"),
            issue("activity", "501 characters, at most 500 allowed"),
            issue("lookback_days", "366 is greater than the maximum 365"),
            issue("limit", "0 is less than the minimum 1"),
            issue("hq_country_code", "2 characters, at least 3 required"),
            issue("min_employee_count", "-1 is less than the minimum 0"),
            issue("max_employee_count", "-2 is less than the minimum 0"),
        ])
        #expect(TechIntentSearchRequest(tech: "t", activity: "a", lookbackDays: 0, limit: 501, hqCountryCode: "USAA").validationIssues == [
            issue("lookback_days", "0 is less than the minimum 1"),
            issue("limit", "501 is greater than the maximum 500"),
            issue("hq_country_code", "4 characters, at most 3 allowed"),
        ])
    }

    @Test func operationInputsCheckBodiesAndParameters() {
        #expect(Operations.SearchLookalikesBulk.Input(body: .init(query: "")).validationIssues == [
            issue("query", "0 characters, at least 1 required"),
        ])
        #expect(Operations.TechIntentSearchSubmit.Input(body: .init(tech: "t", activity: "")).validationIssues == [
            issue("activity", "0 characters, at least 1 required"),
        ])
        #expect(Operations.SearchLookalikesBulkStatus.Input(jobID: "j", limit: 101).validationIssues == [
            issue("limit", "101 is greater than the maximum 100"),
        ])
        #expect(Operations.SearchLookalikesBulkStatus.Input(jobID: "j", limit: 0).validationIssues == [
            issue("limit", "0 is less than the minimum 1"),
        ])
        #expect(Operations.SearchLookalikesBulkStatus.Input(jobID: "j", limit: 100).validationIssues == [])
        #expect(Operations.SearchLookalikesBulkStatus.Input(jobID: "j").validationIssues == [])
    }

    @Test func failureDescribesEveryIssue() throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try BulkLookalikeSearchRequest(query: "", limit: 0).validate()
        }
        #expect(failure.description == "query: 0 characters, at least 1 required\nlimit: 0 is less than the minimum 1")
    }
}
