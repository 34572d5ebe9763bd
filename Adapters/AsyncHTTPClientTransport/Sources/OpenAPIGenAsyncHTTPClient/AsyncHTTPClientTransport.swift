import AsyncHTTPClient
import Foundation
import NIOCore
import OpenAPIGenRuntime

/// An ``HTTPTransport`` that sends requests with AsyncHTTPClient (swift-nio).
///
/// `URLSessionTransport` is the default and needs nothing beyond Foundation. This one is for
/// clients that stream large bodies on Linux: `FoundationNetworking` delivers a body 16 KiB at a
/// time through a dispatch timer and a thread hand-off, and reaches about 0.4× a raw socket read
/// of a local 1 GiB download, where this transport reaches more (README, "Choosing a transport").
///
/// ```swift
/// let transport = AsyncHTTPClientTransport()            // owns a client
/// defer { Task { try await transport.shutdown() } }
/// let client = OpenFunnelClient(baseURL: url, transport: transport)
/// ```
///
/// Response bodies of ``stream(_:body:baseURL:)`` are read from the connection as they are
/// consumed (AsyncHTTPClient keeps one buffer ahead of the reader, the body's pump up to
/// ``HTTPBody/sequenceReadAhead`` more), and cancelling the task that reads one cancels the
/// request and closes its connection. Failures are thrown as the `URLError` codes
/// `URLSessionTransport` uses for the same cause (a refused connection is
/// `URLError(.cannotConnectToHost)`), so retries and logs behave the same on both.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// The client requests are sent with.
    public let client: HTTPClient
    /// How requests are limited.
    public let options: Options
    /// Whether ``shutdown()`` shuts ``client`` down: only a client this transport made.
    private let ownsClient: Bool

    /// Creates a transport that sends requests with `client`, which the caller keeps and shuts
    /// down (``shutdown()`` leaves it alone). Its configuration's timeouts apply: `connect`, and
    /// `read`, the longest silence while a response is awaited or read.
    public init(client: HTTPClient, options: Options = Options()) {
        self.client = client
        self.options = options
        ownsClient = false
    }

    /// Creates a transport with a client of its own on AsyncHTTPClient's shared event loops,
    /// configured by `configuration` (by default ``defaultConfiguration``); call ``shutdown()``
    /// once it is no longer used. Create one and share it: each client holds its own connections.
    public init(configuration: HTTPClient.Configuration = AsyncHTTPClientTransport.defaultConfiguration, options: Options = Options()) {
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.options = options
        ownsClient = true
    }

    /// The configuration of a client the transport makes: AsyncHTTPClient's defaults (connect
    /// timeout 10 s, redirects followed) with a 60 s read timeout, `URLSession`'s default
    /// `timeoutIntervalForRequest`, where AsyncHTTPClient waits for a silent server for ever.
    public static var defaultConfiguration: HTTPClient.Configuration {
        HTTPClient.Configuration(timeout: .init(connect: .seconds(10), read: .seconds(60)))
    }

    /// Shuts down the client the transport made, ending its connections; requests sent after it
    /// fail. Does nothing to a client given to ``init(client:options:)``.
    public func shutdown() async throws {
        guard ownsClient else { return }
        try await client.shutdown()
    }

    /// Sends `request` and collects the whole response body, up to
    /// ``Options/maximumResponseBytes``.
    public func send(_ request: OpenAPIGenRuntime.HTTPRequest, baseURL: URL) async throws -> OpenAPIGenRuntime.HTTPResponse {
        let sent = RequestConversion.clientRequest(request, baseURL: baseURL, upload: nil)
        do {
            let received = try await client.execute(sent, deadline: options.deadline())
            var response = RequestConversion.head(of: received)
            let body = try await received.body.collect(upTo: options.maximumResponseBytes)
            response.body = Data(buffer: body, byteTransferStrategy: .automatic)
            return response
        } catch let error as NIOTooManyBytesError {
            throw HTTPBodyError.tooLarge(limit: error.maxBytes ?? options.maximumResponseBytes)
        } catch {
            throw TransportErrors.translate(error)
        }
    }

    /// Sends `request` and returns once the response head arrives, the body read from the
    /// connection as it is consumed. An upload `body` not already in memory is sent as it is
    /// produced (chunked, or with `Content-Length` when its length is known). Cancelling the
    /// task reading the response body, or dropping the body unread, cancels the request. The
    /// client's read timeout counts while the reader takes nothing, too (AsyncHTTPClient reads
    /// nothing then): a reader that pauses longer fails the body with `URLError(.timedOut)`.
    public func stream(_ request: OpenAPIGenRuntime.HTTPRequest, body: HTTPBody?, baseURL: URL) async throws
        -> (OpenAPIGenRuntime.HTTPResponse, HTTPBody)
    {
        let sent = RequestConversion.clientRequest(request, baseURL: baseURL, upload: body)
        let received: HTTPClientResponse
        do {
            received = try await client.execute(sent, deadline: options.deadline())
        } catch {
            throw TransportErrors.translate(error)
        }
        let chunks = HTTPBody(ResponseChunks(body: received.body), length: RequestConversion.length(of: received))
        return (RequestConversion.head(of: received), chunks)
    }
}
