import Foundation

/// What a run of the drain benchmark measures, from the environment.
struct BenchSettings {
    /// The pages in flight to drain with, each a mode; 1 is the reference.
    var concurrencies = [1, 2, 4, 8, 16]
    var runs = 3
    var latency = Duration.milliseconds(20)
    var keepAlive = true
    /// Sequential polls per measurement of the per-request cost.
    var costRequests = 200

    let rows = 10_000
    let pageSize = 100
    var pages: Int { (rows + pageSize - 1) / pageSize }

    /// `BENCH_DRAIN_CONCURRENCY` ("1 8 16"), `BENCH_DRAIN_RUNS`, `BENCH_DRAIN_LATENCY_MS`,
    /// `BENCH_DRAIN_CONNECTIONS` (`keep-alive` or `close`), `BENCH_DRAIN_COST_REQUESTS`.
    init(environment: [String: String]) throws {
        if let text = environment["BENCH_DRAIN_CONCURRENCY"] {
            let values = text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }
            guard !values.isEmpty, values.allSatisfy({ $0 >= 1 }) else { throw SettingError("BENCH_DRAIN_CONCURRENCY", text) }
            concurrencies = Array(Set(values + [1])).sorted()
        }
        if let text = environment["BENCH_DRAIN_RUNS"] {
            guard let value = Int(text), value >= 1 else { throw SettingError("BENCH_DRAIN_RUNS", text) }
            runs = value
        }
        if let text = environment["BENCH_DRAIN_LATENCY_MS"] {
            guard let value = Int(text), value >= 0 else { throw SettingError("BENCH_DRAIN_LATENCY_MS", text) }
            latency = .milliseconds(value)
        }
        if let text = environment["BENCH_DRAIN_CONNECTIONS"] {
            switch text {
            case "keep-alive": keepAlive = true
            case "close": keepAlive = false
            default: throw SettingError("BENCH_DRAIN_CONNECTIONS", text)
            }
        }
        if let text = environment["BENCH_DRAIN_COST_REQUESTS"] {
            guard let value = Int(text), value >= 1 else { throw SettingError("BENCH_DRAIN_COST_REQUESTS", text) }
            costRequests = value
        }
    }

    /// Latency rounds a drain cannot avoid with `concurrency` pages in flight: the first poll
    /// alone (it waits for the job and tells the page count), then the other pages.
    func rounds(concurrency: Int) -> Int {
        1 + (pages - 1 + concurrency - 1) / concurrency
    }
}

struct SettingError: Error, CustomStringConvertible {
    let name: String
    let value: String
    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    var description: String { "\(name)=\(value) is not a valid setting" }
}
