import Foundation
import OpenAPIGenRuntime
import RoundTripBinaryStream
import Testing

/// Keeps uploads by name and streams them back; speaks text as its bytes reversed.
private actor Files: GoldenServerBinaryStreamAPI {
    private var stored: [String: Data] = [:]
    /// What reading each upload threw, by name.
    private(set) var failures: [String: any Error] = [:]

    func download(_ input: Operations.Download.Input) async throws -> Operations.Download.Output {
        guard let data = stored[input.name] else { return .notFound() }
        return .ok(HTTPBody(data), headers: .init(contentLength: Int64(data.count)))
    }

    func upload(_ input: Operations.Upload.Input) async throws -> Operations.Upload.Output {
        // No limit of its own: the server's maxStreamedBodyBytes bounds the upload.
        let data: Data
        do {
            data = try await input.body.collect(upTo: .max)
        } catch {
            failures[input.name] = error
            throw error
        }
        stored[input.name] = data
        return .created(.init(bytes: Int64(data.count)))
    }

    func createSpeech(_ input: Operations.CreateSpeech.Input) async throws -> Operations.CreateSpeech.Output {
        .ok(HTTPBody(Data(input.body.utf8.reversed())))
    }
}

@Suite(.serialized) struct BinaryStreamRoundTripTests {
    private static let files = Files()
    static let server = SharedServer { try await files.registerHandlers(on: $0, options: ServerOptions(maxBodyBytes: 4096, maxStreamedBodyBytes: 1 << 20)) }

    @Test func bytesGoUpAndComeBackStreamed() async throws {
        // Spooled: FoundationNetworking reads a streamed upload with blocking reads on the queue
        // every transfer of the process shares, which stalls the other suites' requests.
        let client = GoldenServerBinaryStreamClient(baseURL: try await Self.server.url,
                                                    transport: URLSessionTransport(streaming: .init(uploads: .spooledToFile)))
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        // Streamed from an async sequence, in uneven chunks.
        let chunks = AsyncStream<Data> { continuation in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + 12_345, bytes.count)
                continuation.yield(bytes[offset..<end])
                offset = end
            }
            continuation.finish()
        }
        #expect(try await client.upload(.init(name: "a b.bin", body: HTTPBody(chunks))) == .created(.init(bytes: 300_000)))
        guard case .ok(let body, let headers) = try await client.download(.init(name: "a b.bin")) else {
            Issue.record("expected 200")
            return
        }
        #expect(headers.contentLength == 300_000)
        #expect(try await body.collect(upTo: 1 << 20) == bytes)
        #expect(try await client.upload(.init(name: "empty", body: HTTPBody(Data()))) == .created(.init(bytes: 0)))
        #expect(try await client.download(.init(name: "missing")).statusCode == 404)

        guard case .ok(let silence, _) = try await client.createSpeech(.init(body: "")) else {
            Issue.record("expected 200 for an empty text")
            return
        }
        #expect(try await silence.collect(upTo: 1024).isEmpty)
        guard case .ok(let audio, _) = try await client.createSpeech(.init(body: "héllo")) else {
            Issue.record("expected 200")
            return
        }
        #expect(try await audio.collect(upTo: 1024) == Data("héllo".utf8.reversed()))
    }

    @Test func malformedUploadsAre4xx() async throws {
        let url = try await Self.server.url
        let big = try await raw("PUT", url, "/files/big", headers: ["Content-Type": "application/octet-stream"], body: Data(count: (1 << 20) + 1))
        #expect(big.status == 413 && problems(big.text) == ["body:"] && big.text.contains("1048576-byte limit"), "\(big.status) \(big.text)")
        #expect(await Self.files.failures["big"] == nil, "a Content-Length over the limit is refused before the handler runs")
        let longText = try await raw("POST", url, "/speech", headers: ["Content-Type": "text/plain"], body: Data(repeating: 0x61, count: 4097))
        #expect(longText.status == 413 && longText.text.contains("4096"), "\(longText.status) \(longText.text)")
        let media = try await raw("PUT", url, "/files/x", headers: ["Content-Type": "text/plain"], body: Data("x".utf8))
        #expect(media.status == 415 && media.text.contains("application/octet-stream"), "\(media.text)")
        let notText = try await raw("POST", url, "/speech", headers: ["Content-Type": "text/plain"], body: Data([0xC3, 0x28]))
        #expect(notText.status == 400, "\(notText.text)")
        let noBody = try await raw("POST", url, "/speech")
        #expect(noBody.status == 400 && noBody.text.contains("required"), "\(noBody.text)")
        #expect(try await raw("DELETE", url, "/files/x").status == 405)
        #expect(try await raw("GET", url, "/files/big").status == 404, "the refused upload was not stored")
    }

    /// A chunked upload has no length to refuse up front: it is counted as the handler reads it.
    @Test func aStreamedUploadPastTheLimitIs413() async throws {
        let url = try await Self.server.url
        let octets = ["Content-Type": "application/octet-stream"]
        let chunk = Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0) })
        let within = try await rawChunked("PUT", url, "/files/within", headers: octets, chunks: Array(repeating: chunk, count: 16))
        #expect(within.status == 201 && within.text.contains("1048576"), "exactly the limit is allowed: \(within.status) \(within.text)")

        let over = try await rawChunked("PUT", url, "/files/over", headers: octets, chunks: Array(repeating: chunk, count: 16) + [Data([1])])
        #expect(over.status == 413, "\(over.status) \(over.text)")
        #expect(problems(over.text) == ["body:"] && over.text.contains("larger than the 1048576-byte limit"), "\(over.text)")
        let failure = await Self.files.failures["over"]
        #expect(failure as? HTTPBodyError == .tooLarge(limit: 1 << 20), "the handler's read threw \(String(describing: failure))")
        #expect(try await raw("GET", url, "/files/over").status == 404)

        // The upload within the limit was stored whole (HEAD: its length without downloading it).
        let stored = try await raw("HEAD", url, "/files/within")
        #expect(stored.status == 200 && stored.headers["content-length"] == "1048576", "\(stored.status) \(stored.headers)")
    }
}
