import Logging

/// How a generated server treats requests, whatever it serves.
public struct ServerOptions: Sendable {
    /// The largest request body read into memory; a larger one is answered 413 without
    /// calling the handler. Streamed bodies (binary uploads) are the handler's to limit.
    public var maxBodyBytes: Int
    /// Where each request is logged (method, path without its query, operation, status,
    /// duration) at `.info`, and handler failures at `.error`; nil logs nothing. Header values,
    /// query strings and bodies are never logged: they carry credentials.
    public var logger: Logger?

    /// Options with a 1 MiB body limit and no logging.
    public init(maxBodyBytes: Int = 1 << 20, logger: Logger? = nil) {
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
    }
}
