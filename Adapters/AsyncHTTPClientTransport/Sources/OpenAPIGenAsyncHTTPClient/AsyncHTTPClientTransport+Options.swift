import AsyncHTTPClient
import NIOCore

extension AsyncHTTPClientTransport {
    /// Limits of each request, on top of the client's configured timeouts.
    public struct Options: Sendable, Hashable {
        /// The longest a request may wait for its response head (AsyncHTTPClient's deadline,
        /// which ends there), failing with `URLError(.timedOut)`; nil for no limit beyond the
        /// client's timeouts. A body that then goes silent is ended by the client's read timeout.
        /// ``ClientOptions/requestTimeout`` is the transport-independent alternative.
        public var timeout: Duration?
        /// The largest response body ``send(_:baseURL:)`` collects before failing with
        /// ``HTTPBodyError/tooLarge(limit:)``; streamed bodies are not limited.
        public var maximumResponseBytes: Int

        /// No timeout beyond the client's, no body limit.
        public init(timeout: Duration? = nil, maximumResponseBytes: Int = .max) {
            self.timeout = timeout
            self.maximumResponseBytes = maximumResponseBytes
        }

        /// AsyncHTTPClient's deadline for a request starting now.
        func deadline() -> NIODeadline {
            guard let timeout else { return .distantFuture }
            let (seconds, attoseconds) = timeout.components
            return .now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }
}
