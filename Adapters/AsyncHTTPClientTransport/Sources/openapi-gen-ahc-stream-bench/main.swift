// `make bench` section 7, AsyncHTTPClient row: the streamed download of Tools'
// `openapi-gen-stream-bench` (same server, same raw socket read, StreamBenchServer.swift linked
// from there) through ClientCore.stream / AsyncHTTPClientTransport / HTTPBody. Prints `key value`
// lines for bench.sh. A bench of its own, so that Tools (and `make test`) never build swift-nio.
//
// Usage: openapi-gen-ahc-stream-bench [MiB to download, default 1024]
import Foundation
import OpenAPIGenAsyncHTTPClient
import OpenAPIGenRuntime

let mebibytes = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 1024
let blobServer = try await BlobServer.start(mebibytes: mebibytes)

// Raw socket first, then the client; each reads the same bytes from the same server.
let rawCPUStart = processCPUSeconds()
var rawBytes = 0
let rawTime = try ContinuousClock().measure { rawBytes = try rawRead(port: blobServer.port) }
let rawCPU = processCPUSeconds() - rawCPUStart
let rssBefore = peakRSSMiB()

/// Reads the download off the main actor, as an application's task would (see Tools' bench).
func download(_ baseURL: URL, _ transport: AsyncHTTPClientTransport) async throws -> (bytes: Int, time: Duration) {
    let core = ClientCore(baseURL: baseURL, transport: transport)
    var bytes = 0
    let time = try await ContinuousClock().measure {
        let (_, body) = try await core.stream(HTTPRequest(method: "GET", path: "/blob"), operationID: "bench")
        for try await part in body { bytes += part.count }
    }
    return (bytes, time)
}

let transport = AsyncHTTPClientTransport()
let clientCPUStart = processCPUSeconds()
let (clientBytes, clientTime) = try await download(blobServer.baseURL, transport)
let clientCPU = processCPUSeconds() - clientCPUStart
let rssAfter = peakRSSMiB()
try await transport.shutdown()
await blobServer.stop()

print("ahc_download_mib \(mebibytes)")
print("ahc_download_client_bytes \(clientBytes)")
print("ahc_download_raw_bytes \(rawBytes)")
print(String(format: "ahc_download_client_mib_s %.1f", Double(clientBytes) / 1_048_576 / seconds(clientTime)))
print(String(format: "ahc_download_raw_mib_s %.1f", Double(rawBytes) / 1_048_576 / seconds(rawTime)))
print(String(format: "ahc_download_ratio %.2f", (Double(clientBytes) / seconds(clientTime)) / (Double(rawBytes) / seconds(rawTime))))
print(String(format: "ahc_download_client_cpu_s %.3f", clientCPU))
print(String(format: "ahc_download_raw_cpu_s %.3f", rawCPU))
print(String(format: "ahc_download_cpu_ratio %.2f", (Double(clientBytes) / clientCPU) / (Double(rawBytes) / rawCPU)))
print(String(format: "ahc_download_peak_rss_mib %.1f", rssAfter))
print(String(format: "ahc_download_peak_rss_before_client_mib %.1f", rssBefore))
