import Foundation
import OpenFunnel
import OpenFunnelJobs

/// One drain: submit a job the fake completes at once, then read every row with
/// `concurrency` pages in flight. Times the reading only.
func drain(rows wanted: Int, concurrency: Int, client: OpenFunnelClient) async throws -> (rows: Int, wall: Double, cpu: Double) {
    let jobs = SearchJobs(api: client, pageConcurrency: concurrency)
    let job = try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "drain benchmark", limit: wanted))
    let watch = Stopwatch()
    var rows = 0
    for try await _ in job.rows() { rows += 1 }
    let (wall, cpu) = watch.read()
    return (rows, wall, cpu)
}
