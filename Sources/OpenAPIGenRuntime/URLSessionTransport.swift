import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An ``HTTPTransport`` that sends requests with `URLSession`.
///
/// Cancelling the calling task cancels the request: `URLSession`'s async `data(for:)` does
/// this on Apple platforms and in swift-corelibs-foundation alike.
public struct URLSessionTransport: HTTPTransport {
    /// The session requests are sent with.
    public let session: URLSession
    /// The delegate-based session of ``stream(_:body:baseURL:)``, made from `session`'s
    /// configuration on first use.
    private let streaming: StreamingSession

    /// Creates a transport that sends requests with `session`; `streaming` says how streamed
    /// bodies are buffered and sent (a 4 MiB high-water mark, uploads streamed, by default).
    public init(session: URLSession = .shared, streaming: StreamingOptions = StreamingOptions()) {
        self.session = session
        self.streaming = StreamingSession(configuration: session.configuration, options: streaming)
    }

    /// Creates a transport with its own session, configured by `configuration`; the way to set
    /// `URLSession`'s timeouts:
    ///
    /// ```swift
    /// let configuration = URLSessionConfiguration.default
    /// configuration.timeoutIntervalForRequest = 30    // longest silence while waiting for data
    /// configuration.timeoutIntervalForResource = 300  // longest whole transfer
    /// let transport = URLSessionTransport(configuration: configuration)
    /// ```
    ///
    /// Either timeout fails the attempt with `URLError(.timedOut)`, which ``ClientCore`` retries
    /// for idempotent methods only. ``ClientOptions/requestTimeout`` is the transport-independent
    /// alternative. Each call creates a session, which holds connections and caches: create one
    /// transport and share it rather than one per request. The session copies `configuration`,
    /// so changing it afterwards has no effect.
    public init(configuration: URLSessionConfiguration, streaming: StreamingOptions = StreamingOptions()) {
        self.session = URLSession(configuration: configuration)
        self.streaming = StreamingSession(configuration: configuration, options: streaming)
    }

    /// Sends `request` and collects the whole response body.
    ///
    /// Throws `URLError(.badServerResponse)` if the response is not an HTTP response.
    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let (data, response) = try await session.dataOffPool(for: Self.urlRequest(request, baseURL: baseURL))
        guard let httpResponse = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return HTTPResponse(
            status: httpResponse.statusCode,
            headers: Self.fields(of: httpResponse),
            body: data)
    }

    /// Sends `request` and returns once the response head arrives, the body read as it arrives
    /// (through a delegate, so on Linux too) and held up to
    /// ``StreamingOptions/responseBufferLimit`` bytes ahead of its reader. An upload `body` made
    /// from a file is sent from the file; one made from an async sequence is sent as it is
    /// produced, or spooled to a temporary file first, as ``StreamingOptions/uploads`` says.
    /// Cancelling the task reading the body cancels the request.
    public func stream(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL) async throws -> (HTTPResponse, HTTPBody) {
        var urlRequest = Self.urlRequest(request, baseURL: baseURL)
        if body != nil { urlRequest.httpBody = nil }
        if let body, body.bufferedData == nil, urlRequest.value(forHTTPHeaderField: "Expect") == nil {
            // libcurl (behind FoundationNetworking) otherwise asks for `100-continue` first, which
            // many servers never answer.
            urlRequest.setValue("", forHTTPHeaderField: "Expect")
        }
        let (head, received) = try await streaming.start(urlRequest, upload: body)
        return (HTTPResponse(status: head.statusCode, headers: Self.fields(of: head)), received)
    }

    private static func urlRequest(_ request: HTTPRequest, baseURL: URL) -> URLRequest {
        var urlRequest = URLRequest(url: request.url(relativeTo: baseURL))
        urlRequest.httpMethod = request.method
        for field in request.headers {
            // `addValue` rather than `setValue` so that repeated fields are all sent.
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        return urlRequest
    }

    /// Copies the response's header fields.
    ///
    /// `HTTPURLResponse` exposes them only as an unordered dictionary with repeated fields
    /// already joined, so the original order is lost; sorting by name at least makes the result
    /// deterministic.
    private static func fields(of response: HTTPURLResponse) -> HTTPFields {
        var pairs: [(String, String)] = []
        for (key, value) in response.allHeaderFields {
            guard let name = key as? String else { continue }
            pairs.append((name, value as? String ?? String(describing: value)))
        }
        pairs.sort { $0.0.lowercased() < $1.0.lowercased() }
        return HTTPFields(pairs)
    }
}
