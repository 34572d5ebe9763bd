// `make bench`, streaming section: a streamed download through the generated client's runtime
// (URLSessionTransport.stream → HTTPBody) next to a raw socket read of the same server, and SSE
// decoding next to a raw line scan of the same bytes. Prints `key value` lines for bench.sh.
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
let chunk = Data(repeating: 0x61, count: 256 * 1024)
let chunkCount = mebibytes * 4
let only = ProcessInfo.processInfo.environment["BENCH_STREAM_ONLY"]

/// Writes `chunkCount` chunks as the response body, produced as the socket takes them.
struct Blob: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    func makeAsyncIterator() -> Iterator { Iterator() }
    struct Iterator: AsyncBufferedIteratorProtocol {
        var sent = 0
        var offset = 0
        mutating func next() async throws -> UInt8? {
            guard sent < chunkCount else { return nil }
            offset += 1
            if offset == chunk.count { offset = 0; sent += 1 }
            return 0x61
        }
        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard sent < chunkCount else { return nil }
            let n = Swift.min(count, chunk.count - offset)
            let slice = chunk[offset..<(offset + n)]
            offset += n
            if offset == chunk.count { offset = 0; sent += 1 }
            return Data(slice)
        }
    }
}

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kb / 1024
}

/// CPU time of the whole process (every thread: the server's, URLSession's, the reader's), which
/// unlike the wall clock barely changes when other processes compete for the cores.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

/// Reads the whole response from a plain TCP socket: the ceiling any HTTP client can reach.
func rawRead(port: UInt16) throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw URLError(.cannotConnectToHost) }
    let request = "GET /blob HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _ = request.withCString { send(fd, $0, strlen($0), 0) }
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    var total = 0
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        total += n
    }
    return total
}

let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 120, logger: .disabled)
await server.appendRoute("GET /blob") { _ in
    HTTPResponse(statusCode: .ok, headers: [.contentType: "application/octet-stream"],
                 body: HTTPBodySequence(from: Blob(), count: chunkCount * chunk.count, suggestedBufferSize: 256 * 1024))
}
let serverTask = Task { try await server.run() }
try await server.waitUntilListening()
guard case .ip4(_, let port) = await server.listeningAddress else { fatalError("no listening address") }
let baseURL = URL(string: "http://127.0.0.1:\(port)")!

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
await server.stop()
serverTask.cancel()

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
