// `make bench`, streaming section: a streamed download through the generated client's runtime
// (URLSessionTransport.stream → HTTPBody) next to a raw socket read of the same server, and SSE
// decoding next to a raw line scan of the same bytes. Prints `key value` lines for bench.sh.
//
// The server, the raw read and the meters are in StreamBenchServer.swift, shared with the
// AsyncHTTPClient transport's bench (Adapters/AsyncHTTPClientTransport).
//
// Usage: openapi-gen-stream-bench [MiB to download, default 1024] [SSE events, default 1000000]
// BENCH_STREAM_ONLY=raw, client, floor, inline or curl runs that download alone (for a profiler);
// BENCH_CURL_PROBE=PATH names Benchmarks/curl-download.c compiled, to download with libcurl alone.
import FlyingFox
import FlyingSocks
import Foundation
import OpenAPIGenRuntime
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let mebibytes = arguments.first ?? 1024
let eventCount = arguments.dropFirst().first ?? 1_000_000
let only = ProcessInfo.processInfo.environment["BENCH_STREAM_ONLY"]

let blobServer = try await BlobServer.start(mebibytes: mebibytes)
let port = blobServer.port
let baseURL = blobServer.baseURL

// Raw socket first, then the client; each reads the same bytes from the same server.
let clock = ContinuousClock()
var rawBytes = 0
let rawCPUStart = processCPUSeconds()
func runs(_ part: String) -> Bool { only == nil || only == part }
let rawTime = try clock.measure { if runs("raw") { rawBytes = try rawRead(port: port) } }
let rawCPU = processCPUSeconds() - rawCPUStart
let rssBefore = peakRSSMiB()

/// Reads the download off the main actor, as an application's task would: top-level code runs
/// on the main actor, and each `next()` from there would hop executors twice.
func download(_ baseURL: URL) async throws -> (bytes: Int, time: Duration) {
    let core = ClientCore(baseURL: baseURL, transport: URLSessionTransport(configuration: .ephemeral))
    var bytes = 0
    let time = try await ContinuousClock().measure {
        let (_, body) = try await core.stream(HTTPRequest(method: "GET", path: "/blob"), operationID: "bench")
        for try await part in body { bytes += part.count }
    }
    return (bytes, time)
}

/// Counts a download's bytes in a plain `URLSession` delegate (default delegate queue) and does
/// nothing else: what any client on `URLSession` starts from. On Linux, `FoundationNetworking`
/// hands a delegate 16 KiB at a time, each with a timer re-armed and a thread hand-off; the
/// ratio of the client to this shows what the runtime adds or saves on top of that.
final class CountingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0
    private var done: CheckedContinuation<Int, any Error>?

    func run(_ url: URL, inline: Bool = false) async throws -> Int {
        let session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: inline ? InlineQueue() : nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            lock.withLock { done = continuation }
            session.dataTask(with: url).resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { bytes += data.count }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, total) = lock.withLock { (done, bytes) }
        if let error { continuation?.resume(throwing: error) } else { continuation?.resume(returning: total) }
    }
}

/// Runs each delegate callback on the thread that delivers it, as the runtime's streaming
/// session does on Linux.
final class InlineQueue: OperationQueue, @unchecked Sendable {
    override func addOperation(_ block: @Sendable @escaping () -> Void) { block() }
    override func addOperation(_ op: Operation) { op.start() }
}

/// Runs `program URL readSize` (Benchmarks/curl-download.c: libcurl alone, counting bytes) and
/// returns the bytes, wall time, and CPU seconds of both sides: the child's, as it reports
/// them, and this process's (the server) over the same time.
func curlProbe(_ program: String, _ url: URL, readSize: Int) throws -> (bytes: Int, time: Duration, cpu: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = [url.absoluteString, String(readSize)]
    let output = Pipe()
    process.standardOutput = output
    let serverCPUStart = processCPUSeconds()
    var text = ""
    let time = try ContinuousClock().measure {
        try process.run()
        text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
    }
    let serverCPU = processCPUSeconds() - serverCPUStart
    let fields = text.split(whereSeparator: \.isWhitespace)
    guard process.terminationStatus == 0, fields.count == 4, let bytes = Int(fields[1]), let cpu = Double(fields[3]) else {
        throw URLError(.cannotParseResponse)
    }
    return (bytes, time, cpu + serverCPU)
}

/// Decodes `chunks` as an event stream, off the main actor like ``download(_:)``.
func decodeEvents(_ chunks: [Data]) async throws -> (events: Int, time: Duration) {
    var events = 0
    let time = try await ContinuousClock().measure {
        let body = HTTPBody(AsyncStream<Data> { continuation in
            for c in chunks { continuation.yield(c) }
            continuation.finish()
        })
        for try await _ in ServerSentEvents<String>(body: body) { events += 1 }
    }
    return (events, time)
}

let clientCPUStart = processCPUSeconds()
let (clientBytes, clientTime) = runs("client") ? try await download(baseURL) : (0, .zero)
let clientCPU = processCPUSeconds() - clientCPUStart
let rssAfter = peakRSSMiB()

// After the client and its peak RSS: a default delegate queue can fall behind libcurl and hold
// chunks, which is not the client's memory.
let floorCPUStart = processCPUSeconds()
var floorBytes = 0
let floorTime = try await clock.measure { if runs("floor") { floorBytes = try await CountingDelegate().run(baseURL.appendingPathComponent("blob")) } }
let floorCPU = processCPUSeconds() - floorCPUStart
let inlineCPUStart = processCPUSeconds()
var inlineBytes = 0
let inlineTime = try await clock.measure { if runs("inline") { inlineBytes = try await CountingDelegate().run(baseURL.appendingPathComponent("blob"), inline: true) } }
let inlineCPU = processCPUSeconds() - inlineCPUStart
// libcurl without FoundationNetworking, at its 16 KiB read size and at a large one.
let probe = ProcessInfo.processInfo.environment["BENCH_CURL_PROBE"].flatMap { $0.isEmpty ? nil : $0 }
let curlSmall = try probe.flatMap { runs("curl") ? try curlProbe($0, baseURL.appendingPathComponent("blob"), readSize: 16 * 1024) : nil }
let curlLarge = try probe.flatMap { runs("curl") ? try curlProbe($0, baseURL.appendingPathComponent("blob"), readSize: 512 * 1024) : nil }
await blobServer.stop()

print("download_mib \(mebibytes)")
print("download_client_bytes \(clientBytes)")
print("download_raw_bytes \(rawBytes)")
print(String(format: "download_client_mib_s %.1f", Double(clientBytes) / 1_048_576 / seconds(clientTime)))
print(String(format: "download_raw_mib_s %.1f", Double(rawBytes) / 1_048_576 / seconds(rawTime)))
print(String(format: "download_ratio %.2f", (Double(clientBytes) / seconds(clientTime)) / (Double(rawBytes) / seconds(rawTime))))
// The same ratio in CPU seconds (server included on both sides): what the wall-clock ratio
// would be with a core each for server and client and nothing else running.
print(String(format: "download_client_cpu_s %.3f", clientCPU))
print(String(format: "download_raw_cpu_s %.3f", rawCPU))
print(String(format: "download_cpu_ratio %.2f", (Double(clientBytes) / clientCPU) / (Double(rawBytes) / rawCPU)))
print(String(format: "download_floor_mib_s %.1f", Double(floorBytes) / 1_048_576 / seconds(floorTime)))
print(String(format: "download_floor_cpu_s %.3f", floorCPU))
print(String(format: "download_client_vs_floor_cpu %.2f", (Double(clientBytes) / clientCPU) / (Double(floorBytes) / floorCPU)))
print(String(format: "download_inline_mib_s %.1f", Double(inlineBytes) / 1_048_576 / seconds(inlineTime)))
print(String(format: "download_inline_cpu_s %.3f", inlineCPU))
print(String(format: "download_inline_vs_raw_cpu %.2f", (Double(inlineBytes) / inlineCPU) / (Double(rawBytes) / rawCPU)))
print(String(format: "download_client_vs_inline_cpu %.2f", (Double(clientBytes) / clientCPU) / (Double(inlineBytes) / inlineCPU)))
for (name, result) in [("curl16k", curlSmall), ("curl512k", curlLarge)] {
    guard let result else { continue }
    print(String(format: "download_\(name)_mib_s %.1f", Double(result.bytes) / 1_048_576 / seconds(result.time)))
    print(String(format: "download_\(name)_cpu_s %.3f", result.cpu))
    print(String(format: "download_\(name)_vs_raw_cpu %.2f", (Double(result.bytes) / result.cpu) / (Double(rawBytes) / rawCPU)))
}
print(String(format: "download_peak_rss_mib %.1f", rssAfter))
print(String(format: "download_peak_rss_before_client_mib %.1f", rssBefore))

// SSE: the same bytes, in 64 KiB chunks, through the WHATWG parser and through a bare LF count.
var text = ""
text.reserveCapacity(eventCount * 40)
for i in 0..<eventCount { text += "id: \(i)\ndata: {\"delta\": \"token \(i)\"}\n\n" }
let bytes = Data(text.utf8)
var chunks: [Data] = []
var start = 0
while start < bytes.count {
    chunks.append(bytes.subdata(in: start..<Swift.min(start + 65536, bytes.count)))
    start += 65536
}
let source = chunks
let (events, sseTime) = try await decodeEvents(source)
/// Counts the LFs of `chunks` byte by byte: the reference the SSE parser is measured against.
/// A function with a local counter, so its speed does not depend on how the compiler treats
/// the top-level globals around it.
func countLines(_ chunks: [Data]) -> Int {
    var lines = 0
    for c in chunks { c.withUnsafeBytes { raw in for b in raw where b == 0x0A { lines += 1 } } }
    return lines
}
var lines = 0
let scanTime = clock.measure { lines = countLines(source) }
print("sse_events \(events)")
print(String(format: "sse_events_per_s %.0f", Double(events) / seconds(sseTime)))
print(String(format: "sse_scan_lines_per_s %.0f", Double(lines) / seconds(scanTime)))
print(String(format: "sse_scan_events_per_s %.0f", Double(lines / 3) / seconds(scanTime)))
print(String(format: "sse_ratio %.2f", (Double(events) / seconds(sseTime)) / (Double(lines / 3) / seconds(scanTime))))
