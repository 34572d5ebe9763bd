// `make bench` section 8: requests per second of OpenFunnel's status operation served by the
// generated server over FlyingFox, as a ratio to FlyingFox answering the same route with a fixed
// response in the same run (goal ≥ 0.7), and the process's peak memory under 64 concurrent
// connections. The load comes from 64 threads with blocking sockets (one connection per request,
// as the transport closes connections by default), so it never competes with the servers for
// Swift's cooperative pool.
import FlyingFox
import Foundation
import OpenAPIGenFlyingFox
import OpenFunnel
#if canImport(Glibc)
import Glibc
#endif

/// Answers the status operation with one fixed job; the others are not part of the bench.
struct StatusOnly: OpenFunnelAPI {
    static let job = BulkLookalikeJobResponse(jobID: "job-1", status: "running")

    func searchLookalikesBulkStatus(_ input: Operations.SearchLookalikesBulkStatus.Input) async throws -> Operations.SearchLookalikesBulkStatus.Output {
        .ok(Self.job)
    }
    func searchLookalikesBulk(_ input: Operations.SearchLookalikesBulk.Input) async throws -> Operations.SearchLookalikesBulk.Output {
        .undocumented(statusCode: 501, OpenFunnel.HTTPResponse(status: 501))
    }
    func searchLookalikesBulkCancel(_ input: Operations.SearchLookalikesBulkCancel.Input) async throws -> Operations.SearchLookalikesBulkCancel.Output {
        .undocumented(statusCode: 501, OpenFunnel.HTTPResponse(status: 501))
    }
    func techIntentSearchSubmit(_ input: Operations.TechIntentSearchSubmit.Input) async throws -> Operations.TechIntentSearchSubmit.Output {
        .undocumented(statusCode: 501, OpenFunnel.HTTPResponse(status: 501))
    }
    func techIntentSearchStatus(_ input: Operations.TechIntentSearchStatus.Input) async throws -> Operations.TechIntentSearchStatus.Output {
        .undocumented(statusCode: 501, OpenFunnel.HTTPResponse(status: 501))
    }
}

let connections = Int(ProcessInfo.processInfo.environment["SERVER_BENCH_CONNECTIONS"] ?? "") ?? 64
let requests = Int(ProcessInfo.processInfo.environment["SERVER_BENCH_REQUESTS"] ?? "") ?? 20_000
let path = "/api/v1/account/search-lookalikes-bulk/job-1?limit=10"
let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: bench\r\nConnection: close\r\n\r\n".utf8)

/// Sends `count` requests over `connections` threads; the seconds it took, or nil when any
/// answer was not a 200.
func load(port: UInt16, count: Int) -> Double? {
    let next = Counter()
    let failures = Counter()
    let group = DispatchGroup()
    let started = ContinuousClock.now
    for _ in 0..<connections {
        group.enter()
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while next.increment() <= count {
                if !exchange(port: port, buffer: &buffer) { _ = failures.increment() }
            }
            group.leave()
        }
        thread.stackSize = 256 * 1024
        thread.start()
    }
    group.wait()
    let elapsed = ContinuousClock.now - started
    guard failures.value == 0 else {
        FileHandle.standardError.write(Data("server-bench: \(failures.value) requests failed\n".utf8))
        return nil
    }
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) + Double(attoseconds) / 1e18
}

/// One request on a new connection; true when the answer is a 200.
func exchange(port: UInt16, buffer: inout [UInt8]) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0, request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return false }
    var head: [UInt8] = []
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        if head.count < 12 { head += buffer[0..<min(n, 12 - head.count)] }
    }
    return head.starts(with: Array("HTTP/1.1 200".utf8))
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() -> Int { lock.withLock { count += 1; return count } }
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// FlyingFox answering the same route with the bytes the generated server writes.
func fixedServer() async throws -> (HTTPServer, UInt16) {
    let body = try JSONCoding.encode(StatusOnly.job)
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
    await server.appendRoute("GET /api/v1/account/search-lookalikes-bulk/*") { _ in
        FlyingFox.HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .connection: "close"], body: body)
    }
    Task { try await server.run() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port) = await server.listeningAddress else { throw FlyingFoxTransportError.notListening }
    return (server, port)
}

let (fixed, fixedPort) = try await fixedServer()
let transport = FlyingFoxServerTransport(port: 0)
try await StatusOnly().registerHandlers(on: transport)
let generatedURL = try await transport.start()
let generatedPort = UInt16(generatedURL.port!)

// Warm both up, then alternate so that drift in the machine's load hits both alike.
_ = load(port: fixedPort, count: 500)
_ = load(port: generatedPort, count: 500)
var fixedSeconds = 0.0
var generatedSeconds = 0.0
for _ in 0..<2 {
    guard let f = load(port: fixedPort, count: requests / 2), let g = load(port: generatedPort, count: requests / 2) else { exit(1) }
    fixedSeconds += f
    generatedSeconds += g
}
let fixedRate = Double(requests) / fixedSeconds
let generatedRate = Double(requests) / generatedSeconds
print(String(format: "FlyingFox fixed response      %8.0f req/s", fixedRate))
print(String(format: "generated server (status op)  %8.0f req/s", generatedRate))
print(String(format: "ratio %.2f (goal ≥ 0.7); peak RSS %.1f MiB with %d concurrent connections (server and clients)",
             generatedRate / fixedRate, peakRSSMiB(), connections))
await transport.stop()
await fixed.stop(timeout: 0)
