import Logging

/// How a generated client sends its requests: retries, per-attempt timeout, logging and what
/// must never be logged.
///
/// Every generated client takes one (`options: ClientOptions = ClientOptions()`) and hands it
/// to its ``ClientCore``. The defaults retry rate limiting and unavailability a few times, log
/// nothing and leave timeouts to the transport.
public struct ClientOptions: Sendable {
    /// When failed attempts are repeated; ``RetryPolicy/none`` for never.
    public var retry: RetryPolicy
    /// Where attempts, retries and failures are logged; `nil` logs nothing.
    ///
    /// Levels: `.trace` the request's header fields (redacted), `.debug` one line per attempt,
    /// `.info` each retry with its reason and wait, `.warning` a failure that is not retried
    /// further. Bodies are never logged.
    public var logger: Logger?
    /// Names, compared without regard to case, of header fields and query parameters whose
    /// values must never appear in logs or errors; they are written as `<redacted>`.
    ///
    /// One set covers both because credentials travel in either (`X-API-Key: …` or
    /// `?api_key=…`). A client whose API key parameter has another name should add it.
    public var redactedHeaders: Set<String>
    /// The longest one attempt may wait for its response, or `nil` for no limit beyond the
    /// transport's own.
    ///
    /// Enforced by ``ClientCore`` around any transport: when it passes, the attempt is
    /// cancelled and fails with ``ClientError/transport(operationID:underlying:)`` wrapping a
    /// ``RequestTimeout``, which ``retry`` treats like any other timeout (retried for
    /// idempotent methods only). The transport must honour task cancellation for the attempt to
    /// end promptly; `URLSessionTransport` does.
    public var requestTimeout: Duration?
    /// Whether decoded JSON response bodies are also checked against their schema's
    /// constraints (`validate()`), failing with
    /// ``ClientError/undecodableResponse(operationID:status:contentType:underlying:)`` listing
    /// every broken one. Off by default: a server that starts sending a longer string or a new
    /// enum value than its spec allows should not break clients that can use the rest, as
    /// decoding keeps unknown members for the same reason. Turn it on in tests and against
    /// servers whose conformance matters.
    public var validateResponses: Bool

    /// Header and query names redacted by default: the usual credential carriers.
    ///
    /// Beyond the header fields, it holds common names of API key query parameters, since a
    /// key in the query is as secret as one in a header.
    public static let defaultRedactedHeaders: Set<String> = [
        "X-API-Key", "Authorization", "Cookie", "Proxy-Authorization",
        "X-Auth-Token", "api_key", "apikey", "api-key", "access_token", "key", "token",
    ]

    /// Creates options; every parameter defaults to the behaviour described on its property.
    public init(
        retry: RetryPolicy = RetryPolicy(),
        logger: Logger? = nil,
        redactedHeaders: Set<String> = ClientOptions.defaultRedactedHeaders,
        requestTimeout: Duration? = nil,
        validateResponses: Bool = false
    ) {
        self.retry = retry
        self.logger = logger
        self.redactedHeaders = redactedHeaders
        self.requestTimeout = requestTimeout
        self.validateResponses = validateResponses
    }
}

/// An attempt got no response within ``ClientOptions/requestTimeout``.
///
/// Thrown to callers as the underlying error of
/// ``ClientError/transport(operationID:underlying:)``.
public struct RequestTimeout: Error, Sendable, Hashable, CustomStringConvertible {
    /// The limit that passed.
    public let timeout: Duration

    /// Creates the error for an attempt that outlived `timeout`.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// `no response within 30s`: the limit only, never anything about the request.
    public var description: String {
        "no response within \(LogText.duration(timeout))"
    }
}

extension ClientOptions {
    /// These options with more names redacted: generated clients add the header and query
    /// names their spec's credentials travel in, whatever the spec calls them.
    public func redacting(_ names: [String]) -> ClientOptions {
        var copy = self
        copy.redactedHeaders.formUnion(names)
        return copy
    }
}
