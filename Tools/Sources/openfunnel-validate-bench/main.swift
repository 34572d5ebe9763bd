import Foundation
import OpenFunnel
import OpenFunnelFakeServer

// `make bench`, section 6: what validate() costs next to decoding, on a 100-row tech-intent
// page (the richer of OpenFunnel's pages) as the fake server writes it. Both are timed in the
// same run, over the same bytes; the ratio is the number to compare (goal: <= 0.2).

let request = TechIntentSearchRequest(tech: "Snowflake", activity: "migrating off Redshift to Snowflake")
let rows = (0..<100).map { FakeCompanies.techIntentRow($0, for: request) }
let rowsJSON = String(decoding: try JSONCoding.encode(rows), as: UTF8.self)
let body = Data(#"{"job_id": "bench", "status": "completed", "count": 100, "page": "1", "rows": \#(rowsJSON)}"#.utf8)
let iterations = Int(ProcessInfo.processInfo.environment["BENCH_VALIDATE_ITERATIONS"] ?? "") ?? 200

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

// One untimed round warms caches and lazy statics (compiled patterns, schema descriptions).
var page = try JSONCoding.decode(TechIntentJobResponse.self, from: body)
var issueCount = page.validationIssues.count
let clock = ContinuousClock()
let decodeTime = try clock.measure {
    for _ in 0..<iterations { page = try JSONCoding.decode(TechIntentJobResponse.self, from: body) }
}
let validateTime = clock.measure {
    for _ in 0..<iterations { issueCount += page.validationIssues.count }
}
// Encoding the same page, as the server side writes it: not part of the ratio, but the other
// half of what a page costs (the drain bench's client decodes, its fake server encodes).
var encodedBytes = 0
let encodeTime = try clock.measure {
    for _ in 0..<iterations { encodedBytes = try JSONCoding.encode(page).count }
}
let decodeEach = seconds(decodeTime) / Double(iterations)
let validateEach = seconds(validateTime) / Double(iterations)
print(String(format: "   decode   %8.1f us per page (%d rows, %d bytes)", decodeEach * 1e6, page.rows?.count ?? 0, body.count))
print(String(format: "   validate %8.1f us per page (%d issues)", validateEach * 1e6, issueCount))
print(String(format: "   validate / decode = %.3f (goal <= 0.2)", validateEach / decodeEach))
print(String(format: "   encode   %8.1f us per page (%d bytes)", seconds(encodeTime) / Double(iterations) * 1e6, encodedBytes))
