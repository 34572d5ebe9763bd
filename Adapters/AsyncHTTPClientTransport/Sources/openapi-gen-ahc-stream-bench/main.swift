// `make bench` section 7, AsyncHTTPClient row: the streamed download of Tools'
// `openapi-gen-stream-bench` (same server, same raw socket read, StreamBenchServer.swift linked
// from there) through ClientCore.stream / AsyncHTTPClientTransport / HTTPBody. Prints `key value`
// lines for bench.sh. A bench of its own, so that Tools (and `make test`) never build swift-nio.
// After the transport (and its peak RSS): AsyncHTTPClient's own body sequence, bytes counted.
//
// Usage: openapi-gen-ahc-stream-bench [MiB to download, default 1024]
import AsyncHTTPClient
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

/// The same download read straight from AsyncHTTPClient's body sequence, counting bytes: what
/// the transport starts from; the ratio of the transport to it is what the runtime's `HTTPBody`
/// (its pump task and queue) costs.
func floorDownload(_ url: URL, _ client: HTTPClient) async throws -> (bytes: Int, time: Duration) {
    var bytes = 0
    let time = try await ContinuousClock().measure {
        let response = try await client.execute(HTTPClientRequest(url: url.absoluteString + "/blob"), deadline: .distantFuture)
        for try await buffer in response.body { bytes += buffer.readableBytes }
    }
    return (bytes, time)
}
let floorCPUStart = processCPUSeconds()
let (floorBytes, floorTime) = try await floorDownload(blobServer.baseURL, transport.client)
let floorCPU = processCPUSeconds() - floorCPUStart
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
print(String(format: "ahc_floor_mib_s %.1f", Double(floorBytes) / 1_048_576 / seconds(floorTime)))
print(String(format: "ahc_floor_cpu_s %.3f", floorCPU))
print(String(format: "ahc_client_vs_floor_cpu %.2f", (Double(clientBytes) / clientCPU) / (Double(floorBytes) / floorCPU)))
print(String(format: "ahc_floor_vs_raw_cpu %.2f", (Double(floorBytes) / floorCPU) / (Double(rawBytes) / rawCPU)))
print(String(format: "ahc_download_peak_rss_mib %.1f", rssAfter))
print(String(format: "ahc_download_peak_rss_before_client_mib %.1f", rssBefore))
