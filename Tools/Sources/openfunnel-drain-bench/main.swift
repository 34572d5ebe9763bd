import Foundation
import OpenFunnel
import OpenFunnelFakeServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// `make bench`, section 4: drain a completed 10,000-row job (100 pages of 100) from the fake
// server with 20 ms added to every request, one page at a time (the reference) and with more
// pages in flight, in the same run; each against its latency floor. Then where a request's own
// time goes, measured with nothing added. Settings: see BenchSettings.

let settings: BenchSettings
do {
    settings = try BenchSettings(environment: ProcessInfo.processInfo.environment)
} catch {
    print("error: \(error)")
    exit(1)
}

// URLSession opens at most `httpMaximumConnectionsPerHost` connections to a host (6 by
// default, which libcurl enforces on Linux): more pages in flight than that would queue in
// the client and measure the cap, not the concurrency.
// A status poll is never answered from a cache, so the session keeps none to look in.
let session = URLSessionConfiguration.ephemeral
session.httpMaximumConnectionsPerHost = max(6, settings.concurrencies.max() ?? 1)
session.urlCache = nil
session.requestCachePolicy = .reloadIgnoringLocalCacheData

let server = FakeOpenFunnelServer(configuration: FakeServerConfiguration(
    completesOnSubmit: true, latency: settings.latency, keepsConnectionsAlive: settings.keepAlive))
let baseURL = try await server.start()
let client = OpenFunnelClient(baseURL: baseURL, apiKey: "bench-key", transport: URLSessionTransport(configuration: session))

struct Mode {
    let concurrency: Int
    let seconds: Double
    let cpuPerPage: Double
    let rows: Int
}
var modes: [Mode] = []
for concurrency in settings.concurrencies {
    var walls: [Double] = []
    var cpus: [Double] = []
    var rows = 0
    for _ in 0..<settings.runs {
        let run = try await drain(rows: settings.rows, concurrency: concurrency, client: client)
        walls.append(run.wall)
        cpus.append(run.cpu)
        rows = run.rows
    }
    modes.append(Mode(concurrency: concurrency, seconds: median(walls), cpuPerPage: median(cpus) / Double(settings.pages), rows: rows))
}
await server.stop()

var costs: [RequestCost] = []
for _ in 0..<settings.runs {
    costs.append(try await RequestCost.measure(requests: settings.costRequests, keepAlive: settings.keepAlive, session: session))
}
let cost = costs.sorted { $0.roundTrip < $1.roundTrip }[costs.count / 2]

let latency = seconds(settings.latency)
func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
func floor(_ mode: Mode) -> Double { Double(settings.rounds(concurrency: mode.concurrency)) * latency }

print("4. Drain: a completed \(settings.rows)-row job (\(settings.pages) pages) from the fake server, "
      + "\(Int(latency * 1000)) ms added per request, connections "
      + (settings.keepAlive ? "kept alive" : "closed after each response") + "; median of \(settings.runs) runs")
print(padded("in flight", 11) + padded("rounds", 8) + padded("floor_s", 9) + padded("seconds", 9) + padded("x floor", 9) + "cpu_ms/page")
for mode in modes {
    let ratio = latency > 0 ? String(format: "%.2f", mode.seconds / floor(mode)) : "-"
    print(padded(String(mode.concurrency), 11) + padded(String(settings.rounds(concurrency: mode.concurrency)), 8)
          + padded(String(format: "%.3f", floor(mode)), 9) + padded(String(format: "%.3f", mode.seconds), 9)
          + padded(ratio, 9) + String(format: "%.2f", mode.cpuPerPage * 1000))
}
print("   floor = rounds x latency; the first poll goes alone (it waits for the job and tells the page count)")
print("   per request, nothing added (mean of \(settings.costRequests) sequential polls of a 100-row page, median of \(settings.runs)): "
      + "round trip \(ms(cost.roundTrip)) ms = client \(ms(cost.client)) (its cpu, answered in memory) + fake server \(ms(cost.server)) "
      + "+ transport \(ms(cost.transport)) (the rest); process cpu \(ms(cost.cpuPerRequest)) ms")

let fastest = modes.min { $0.seconds < $1.seconds }!
let chosen = modes.first { $0.seconds <= fastest.seconds * 1.1 }!
let sequential = modes.first { $0.concurrency == 1 }!
print("   chosen: \(chosen.concurrency) in flight, the fewest within 10% of the fastest (\(fastest.concurrency): "
      + String(format: "%.3f s", fastest.seconds) + "); "
      + String(format: "%.1fx faster than one at a time", sequential.seconds / chosen.seconds))
if latency > 0 {
    let ratio = chosen.seconds / floor(chosen)
    print("   goal: concurrent within 1.5x of its floor: " + String(format: "%.2fx", ratio) + (ratio <= 1.5 ? " (yes)" : " (NO)"))
}
if modes.contains(where: { $0.rows != settings.rows }) {
    print("error: a drain returned the wrong number of rows")
    exit(1)
}
