import Foundation
import OpenFunnel
import OpenFunnelFakeServer
import OpenFunnelJobs

// `make bench`, section 4: drain a completed 10,000-row job (100 pages of 100) from the fake
// server with 20 ms added to every request, reading one page at a time (the reference) and with
// pages fetched concurrently, in the same run. Prints one line per mode and the speed-up.

let rowsWanted = 10_000
let latency = Duration.milliseconds(20)

func drain(concurrency: Int, client: OpenFunnelClient) async throws -> (rows: Int, seconds: Double) {
    let jobs = SearchJobs(api: client, pageConcurrency: concurrency)
    let job = try await jobs.submitLookalikes(BulkLookalikeSearchRequest(query: "drain benchmark", limit: rowsWanted))
    let start = ContinuousClock.now
    var rows = 0
    for try await _ in job.rows() { rows += 1 }
    let elapsed = ContinuousClock.now - start
    return (rows, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let server = FakeOpenFunnelServer(configuration: FakeServerConfiguration(completesOnSubmit: true, latency: latency))
let baseURL = try await server.start()
let client = OpenFunnelClient(baseURL: baseURL, apiKey: "bench-key")
let runs = Int(ProcessInfo.processInfo.environment["BENCH_DRAIN_RUNS"] ?? "") ?? 3

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var results: [(label: String, seconds: Double, rows: Int)] = []
for (label, concurrency) in [("sequential (1 page in flight)", 1), ("concurrent (8 pages in flight)", 8)] {
    var times: [Double] = []
    var rows = 0
    for _ in 0..<runs {
        let run = try await drain(concurrency: concurrency, client: client)
        times.append(run.seconds)
        rows = run.rows
    }
    results.append((label, median(times), rows))
}
await server.stop()

print("4. Drain: a completed \(rowsWanted)-row job (100 pages) from the fake server, \(latency) added per request; median of \(runs) runs")
func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
print(padded("mode", 34) + padded("rows", 8) + "seconds")
for r in results {
    print(padded(r.label, 34) + padded(String(r.rows), 8) + String(format: "%.3f", r.seconds))
}
let speedup = results[0].seconds / results[1].seconds
print(String(format: "concurrent is %.2fx faster than sequential", speedup)
      + "; target: concurrent <= 0.5 s (" + (results[1].seconds <= 0.5 ? "yes" : "NO") + ")")
if results.contains(where: { $0.rows != rowsWanted }) {
    print("error: a drain returned the wrong number of rows")
    exit(1)
}
