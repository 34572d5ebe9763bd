import Foundation

extension URLSessionTransport {
    /// How ``URLSessionTransport/stream(_:body:baseURL:)`` holds a response body that arrives
    /// faster than it is read, and how it sends an upload produced by an async sequence.
    public struct StreamingOptions: Sendable, Hashable {
        /// The high-water mark of a streamed response: the most bytes received and not yet read
        /// (default 4 MiB). Once a body holds that much, the transport stops reading from the
        /// connection until the reader catches up, so a slow reader of a large download costs
        /// this much memory, not the whole body.
        ///
        /// On Apple platforms the request is suspended and resumed. On Linux,
        /// `FoundationNetworking` can neither pause a transfer (a suspended task starts over when
        /// resumed) nor queue its callbacks boundedly, so the transport holds the callback that
        /// delivers the data; that callback runs on the work queue every `URLSession` of the
        /// process shares, so while one stream's reader is behind, other transfers wait with it.
        /// A reader that reads nothing for ``readerStallLimit`` (it is waiting on something
        /// else, perhaps on another request) lifts the mark until it reads again, so that wait
        /// cannot deadlock. `Int.max` turns the bound off.
        public var responseBufferLimit: Int

        /// On Linux, how long a reader may take nothing from a body at its mark before the mark
        /// is lifted until it reads again (default 1 s). Shorter frees the shared work queue
        /// sooner for a reader waiting on another request; longer keeps the bound for a reader
        /// that a busy machine does not schedule for a while (the memory bound then holds through
        /// pauses up to this long). Not used on Apple platforms, where the request is suspended.
        public var readerStallLimit: Duration

        /// How an upload body made from an async sequence is sent.
        public var uploads: UploadMode

        /// The defaults: a 4 MiB high-water mark, a 1 s reader stall limit, uploads streamed.
        public init(responseBufferLimit: Int = 4 << 20, readerStallLimit: Duration = .seconds(1), uploads: UploadMode = .streamed) {
            self.responseBufferLimit = responseBufferLimit
            self.readerStallLimit = readerStallLimit
            self.uploads = uploads
        }
    }

    /// How an upload body made from an async sequence (``HTTPBody/init(_:length:)-(S,_)``,
    /// ``JSONLinesUpload``, ``JSONSequenceUpload``) is sent. A buffered body or a file
    /// (``HTTPBody/init(contentsOf:chunkSize:)``) is always sent as it is.
    public enum UploadMode: Sendable, Hashable {
        /// Sent with chunked transfer encoding while it is produced, the producer running at most
        /// ``HTTPBody/sequenceReadAhead`` bytes ahead of the connection.
        ///
        /// On Linux, `FoundationNetworking` reads the body with blocking reads on the work queue
        /// every `URLSession` of the process shares: while the producer has not produced its next
        /// chunk, other transfers wait. A producer that computes its chunks costs nothing; one
        /// that waits for events, or relays another response of the same process, should use
        /// ``spooledToFile`` (a streamed response passed on as it is, not wrapped in another
        /// sequence, is spooled anyway: reading it needs the queue the read would hold). A producer silent for longer than the session's
        /// `timeoutIntervalForRequest` fails the upload with ``HTTPBodyError/stalled(seconds:)``
        /// rather than holding the queue for ever. On Apple platforms the body is also written to
        /// a temporary file first (this runtime's streamed upload is built and tested on Linux).
        case streamed
        /// Written to a temporary file chunk by chunk as it is produced (memory stays one chunk),
        /// then sent from the file, which is removed when the exchange ends.
        case spooledToFile
    }
}
