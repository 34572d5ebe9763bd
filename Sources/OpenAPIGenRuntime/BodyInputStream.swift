import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking

/// An upload body as the `InputStream` that `FoundationNetworking` pulls a streamed request body
/// from (`URLRequest.httpBodyStream`, sent with chunked transfer encoding).
///
/// `FoundationNetworking` calls `hasBytesAvailable` and then `read` on its work queue, and takes
/// "no bytes available" for the end of the body, so `read` blocks until the body's next chunk is
/// produced or the producer has been silent for `stallLimit`, which fails the upload. It takes
/// the chunks from the body's own queue, which its producer fills at most
/// ``HTTPBody/sequenceReadAhead`` bytes ahead: no task or buffer of its own in between.
final class BodyInputStream: InputStream {
    /// Keeps the body alive while it is read: released, it would cancel its producer.
    private let body: HTTPBody
    private let queue: ByteChunkQueue
    private let stallLimit: TimeInterval
    private let lock = NSLock()
    private var status: Stream.Status = .notOpen
    private var current = Data()
    private var offset = 0
    /// Why the body could not be read: the producer's error, or ``HTTPBodyError/stalled(seconds:)``.
    let failure = UploadFailure()

    init(_ body: HTTPBody, stallLimit: TimeInterval) {
        self.body = body
        self.stallLimit = stallLimit
        let queue = ByteChunkQueue()
        do {
            self.queue = try body.claimQueue() ?? queue
            if let data = body.bufferedData {
                queue.push(data)
                queue.finish()
            }
        } catch {
            // Read already: the first read reports it.
            queue.finish(throwing: error)
            self.queue = queue
        }
        super.init(data: Data())
    }

    deinit {
        abandonLater(queue)
    }

    /// Stops the body's producer from another thread: `FoundationNetworking` calls this stream on
    /// its work queue, and a producer's cancel handler may call back into `URLSession`, which
    /// must not happen on that queue.
    private func abandonLater(_ queue: ByteChunkQueue) {
        DispatchQueue.global().async { queue.abandon() }
    }

    override func open() { lock.withLock { status = .open } }

    override func close() {
        lock.withLock { status = .closed }
        abandonLater(queue)
    }

    override var streamStatus: Stream.Status { lock.withLock { status } }
    override var streamError: (any Error)? { failure.error }

    /// True until the end of the body has been read: the caller then reads, and waits there.
    override var hasBytesAvailable: Bool {
        lock.withLock { status == .open || status == .reading }
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        guard len > 0 else { return 0 }
        while offset == current.count {
            switch queue.takeWaiting(until: Date(timeIntervalSinceNow: stallLimit)) {
            case .chunk(let chunk):
                current = chunk
                offset = 0
            case .end:
                lock.withLock { status = .atEnd }
                return 0
            case .failure(let error):
                return fail(error)
            case .timedOut:
                abandonLater(queue)
                return fail(HTTPBodyError.stalled(seconds: Int(stallLimit.rounded(.up))))
            }
        }
        let n = min(len, current.count - offset)
        current.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: n)
        }
        offset += n
        if offset == current.count {
            current = Data()
            offset = 0
        }
        return n
    }

    private func fail(_ error: any Error) -> Int {
        failure.error = error
        lock.withLock { status = .error }
        return -1
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }

}
#endif

/// What failed a streamed upload, when it was the body rather than the connection: set by the
/// body's stream, read by the delegate when the transfer ends.
final class UploadFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
