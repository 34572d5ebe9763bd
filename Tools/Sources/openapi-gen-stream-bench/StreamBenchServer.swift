// What both streamed-download benches share (Tools' `openapi-gen-stream-bench` and, linked into
// Adapters/AsyncHTTPClientTransport, `openapi-gen-ahc-stream-bench`): the local server writing the
// download, the raw socket read every client is measured against, and the process's meters. One
// copy, so that the URLSession and AsyncHTTPClient rows of `make bench` section 7 read the same
// bytes from the same server against the same reference.
import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The chunk the server repeats: 256 KiB of `a`.
let benchChunk = Data(repeating: 0x61, count: 256 * 1024)

/// Writes `chunkCount` chunks as the response body, produced as the socket takes them.
struct Blob: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let chunkCount: Int

    func makeAsyncIterator() -> Iterator { Iterator(chunkCount: chunkCount) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let chunkCount: Int
        var sent = 0
        var offset = 0

        mutating func next() async throws -> UInt8? {
            guard sent < chunkCount else { return nil }
            offset += 1
            if offset == benchChunk.count { offset = 0; sent += 1 }
            return 0x61
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard sent < chunkCount else { return nil }
            let n = Swift.min(count, benchChunk.count - offset)
            let slice = benchChunk[offset..<(offset + n)]
            offset += n
            if offset == benchChunk.count { offset = 0; sent += 1 }
            return Data(slice)
        }
    }
}

/// A FlyingFox server on 127.0.0.1 answering `GET /blob` with `mebibytes` MiB.
struct BlobServer {
    let server: HTTPServer
    let task: Task<Void, any Error>
    let port: UInt16
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    static func start(mebibytes: Int) async throws -> BlobServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 120, logger: .disabled)
        let chunkCount = mebibytes * (1 << 20) / benchChunk.count
        await server.appendRoute("GET /blob") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "application/octet-stream"],
                         body: HTTPBodySequence(from: Blob(chunkCount: chunkCount), count: chunkCount * benchChunk.count,
                                                suggestedBufferSize: 256 * 1024))
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { fatalError("no listening address") }
        return BlobServer(server: server, task: task, port: port)
    }

    func stop() async {
        await server.stop()
        task.cancel()
    }
}

/// The process's peak resident memory so far (`VmHWM`), in MiB.
func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kb / 1024
}

/// CPU time of the whole process (every thread: the server's, the client's, the reader's), which
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
