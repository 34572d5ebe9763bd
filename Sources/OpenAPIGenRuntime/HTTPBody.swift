import Foundation

/// A request or response body: bytes already in memory, or an `AsyncSequence` of chunks that
/// arrive (or are produced) while it is read, so a large download or upload never needs the
/// whole body in memory.
///
/// A streamed body can be read once; reading it again throws ``HTTPBodyError/alreadyConsumed``.
/// A buffered body can be read any number of times. Cancelling the task that reads a body
/// received from ``URLSessionTransport`` cancels the request, which closes its connection.
///
/// Equality is identity: two bodies are equal when they are the same body (a streamed body's
/// bytes are not known until it is read), except that buffered bodies compare their bytes.
public final class HTTPBody: AsyncSequence, Sendable, Hashable {
    public typealias Element = Data

    /// How many bytes the body has, when that is known before reading it.
    public enum Length: Sendable, Hashable {
        case known(Int64)
        case unknown
    }

    /// The byte count, from `Content-Length` or the buffered data.
    public let length: Length

    private enum Source: Sendable {
        case buffered(Data)
        case queue(ByteChunkQueue)
    }

    private let source: Source
    private let lock = NSLock()
    private nonisolated(unsafe) var consumed = false

    /// A body already in memory.
    public init(_ data: Data) {
        source = .buffered(data)
        length = .known(Int64(data.count))
    }

    /// A UTF-8 text body.
    public convenience init(_ text: String) {
        self.init(Data(text.utf8))
    }

    /// A body whose chunks `queue` delivers (a transport's streaming path).
    init(queue: ByteChunkQueue, length: Length) {
        source = .queue(queue)
        self.length = length
    }

    /// How far the task iterating a body's sequence may run ahead of the body's reader, in
    /// bytes: once that much is produced and not yet read, the task waits for the reader.
    public static let sequenceReadAhead = 1 << 20

    /// A body streamed from `sequence`, read as the body is read (an upload of generated data,
    /// or a body relayed from elsewhere). The sequence is iterated by a task of its own that
    /// stops when the reader is cancelled, and that waits while ``sequenceReadAhead`` bytes
    /// are produced and not yet read, so a fast producer cannot fill memory.
    public convenience init<S: AsyncSequence & Sendable>(_ sequence: S, length: Length = .unknown) where S.Element == Data {
        let queue = ByteChunkQueue(limit: HTTPBody.sequenceReadAhead)
        let pump = Task {
            do {
                for try await chunk in sequence { await queue.pushAsync(chunk) }
                queue.finish()
            } catch {
                queue.finish(throwing: error)
            }
        }
        queue.onCancel { pump.cancel() }
        self.init(queue: queue, length: length)
    }

    /// A body read from the file at `url` in chunks of `chunkSize` bytes while it is sent
    /// (``URLSessionTransport`` hands the file itself to `URLSession`).
    public convenience init(contentsOf url: URL, chunkSize: Int = 256 * 1024) throws {
        let handle = try FileHandle(forReadingFrom: url)
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        self.init(FileChunks(handle: handle, chunkSize: chunkSize), length: .known(Int64(size)))
        fileURL = url
    }

    /// The file the body is read from, when it was made with ``init(contentsOf:chunkSize:)``.
    public private(set) nonisolated(unsafe) var fileURL: URL?

    /// A streamed body nobody holds any more can never be read: cancel what produces it, which
    /// for a response closes the connection instead of downloading the rest into nowhere.
    deinit {
        if case .queue(let queue) = source { queue.abandon() }
    }

    /// The most bytes of a streamed body that were ever waiting to be read at once: what the
    /// transport's high-water mark bounds (0 for a buffered body).
    var peakBufferedBytes: Int {
        if case .queue(let queue) = source { return queue.peakBufferedBytes }
        return 0
    }

    /// The bytes, when the body is already in memory.
    public var bufferedData: Data? {
        if case .buffered(let data) = source { return data }
        return nil
    }

    /// Reads the whole body; throws ``HTTPBodyError/tooLarge(limit:)`` once more than
    /// `maxBytes` arrive (so a misbehaving server cannot exhaust memory).
    public func collect(upTo maxBytes: Int) async throws -> Data {
        if case .buffered(let data) = source {
            guard data.count <= maxBytes else { throw HTTPBodyError.tooLarge(limit: maxBytes) }
            return data
        }
        if case .known(let n) = length, n > maxBytes { throw HTTPBodyError.tooLarge(limit: maxBytes) }
        var result = Data()
        if case .known(let n) = length { result.reserveCapacity(Int(n)) }
        for try await chunk in self {
            guard result.count + chunk.count <= maxBytes else { throw HTTPBodyError.tooLarge(limit: maxBytes) }
            result.append(chunk)
        }
        return result
    }

    /// Whether the body is a response streamed by ``URLSessionTransport`` (relayed as is).
    var isFedByURLSession: Bool {
        if case .queue(let queue) = source { return queue.fedByURLSession }
        return false
    }

    /// The queue a streamed body's chunks arrive through, for a reader that must block its thread
    /// for them (the `InputStream` FoundationNetworking uploads from); nil for a buffered body.
    /// Claiming it reads the body, as making an iterator does: the caller keeps the body alive
    /// while it reads, or the producer is cancelled.
    func claimQueue() throws -> ByteChunkQueue? {
        guard case .queue(let queue) = source else { return nil }
        let first: Bool = lock.withLock {
            defer { consumed = true }
            return !consumed
        }
        guard first else { throw HTTPBodyError.alreadyConsumed }
        return queue
    }

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .buffered(let data):
            return Iterator(buffered: data, queue: nil, failure: nil, owner: nil)
        case .queue(let queue):
            let first: Bool = lock.withLock {
                defer { consumed = true }
                return !consumed
            }
            return Iterator(buffered: nil, queue: queue, failure: first ? nil : HTTPBodyError.alreadyConsumed, owner: self)
        }
    }

    /// Reads the body's chunks in order.
    public struct Iterator: AsyncIteratorProtocol, Sendable {
        var buffered: Data?
        let queue: ByteChunkQueue?
        var failure: HTTPBodyError?
        /// Keeps a streamed body alive while it is read: once neither it nor an iterator is
        /// left, nobody can read the rest, and its request is cancelled (see `deinit`).
        let owner: HTTPBody?

        public mutating func next() async throws -> Data? {
            if let failure {
                self.failure = nil
                throw failure
            }
            if let data = buffered {
                buffered = nil
                return data.isEmpty ? nil : data
            }
            return try await queue?.next()
        }
    }

    public static func == (lhs: HTTPBody, rhs: HTTPBody) -> Bool {
        if lhs === rhs { return true }
        if let l = lhs.bufferedData, let r = rhs.bufferedData { return l == r }
        return false
    }

    public func hash(into hasher: inout Hasher) {
        if let data = bufferedData { hasher.combine(data) } else { hasher.combine(ObjectIdentifier(self)) }
    }
}

/// Why reading a body failed.
public enum HTTPBodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A streamed body was read a second time.
    case alreadyConsumed
    /// ``HTTPBody/collect(upTo:)`` met more bytes than its limit.
    case tooLarge(limit: Int)
    /// A streamed upload's producer produced nothing for this long, the session's
    /// `timeoutIntervalForRequest` (see ``URLSessionTransport/UploadMode/streamed``).
    case stalled(seconds: Int)

    public var description: String {
        switch self {
        case .alreadyConsumed: return "the streamed body was already read; a streamed body can be read once"
        case .tooLarge(let limit): return "the body is larger than the \(limit)-byte limit"
        case .stalled(let seconds):
            return "the streamed upload produced nothing for \(seconds) s (URLSession waits for it on a queue all its transfers share; "
                + "a producer that waits for events or for another response should be sent with UploadMode.spooledToFile)"
        }
    }
}

/// A file's bytes in chunks, read as they are asked for.
private struct FileChunks: AsyncSequence, @unchecked Sendable {
    typealias Element = Data
    let handle: FileHandle
    let chunkSize: Int

    func makeAsyncIterator() -> Iterator { Iterator(handle: handle, chunkSize: chunkSize) }

    struct Iterator: AsyncIteratorProtocol {
        let handle: FileHandle
        let chunkSize: Int

        mutating func next() async throws -> Data? {
            try Task.checkCancellation()
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return data
        }
    }
}
