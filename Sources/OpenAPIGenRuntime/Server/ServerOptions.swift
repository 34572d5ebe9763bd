import Logging

/// How a generated server treats requests, whatever it serves.
public struct ServerOptions: Sendable {
    /// The largest request body read into memory; a larger one is answered 413 without
    /// calling the handler.
    public var maxBodyBytes: Int
    /// The largest request body of an operation that streams its body to the handler (binary
    /// uploads, JSON Lines, event streams, typed multipart): one whose `Content-Length` says more
    /// is answered 413 without calling the handler; one of unknown length (chunked) is counted
    /// as the handler reads it, and past the limit the body throws
    /// ``HTTPBodyError/tooLarge(limit:)`` and the client gets 413 (unless the handler has
    /// already started its response, which then ends early). A handler may still read less
    /// (`collect(upTo:)`).
    public var maxStreamedBodyBytes: Int
    /// Where each request is logged (method, path without its query, operation, status,
    /// duration) at `.info`, and handler failures at `.error`; nil logs nothing. Header values,
    /// query strings and bodies are never logged: they carry credentials.
    public var logger: Logger?

    /// Options with a 1 MiB limit for buffered bodies, 64 MiB for streamed ones, and no logging.
    public init(maxBodyBytes: Int = 1 << 20, maxStreamedBodyBytes: Int = 1 << 26, logger: Logger? = nil) {
        self.maxBodyBytes = maxBodyBytes
        self.maxStreamedBodyBytes = maxStreamedBodyBytes
        self.logger = logger
    }
}
