import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking

/// An upload body as the `InputStream` that `FoundationNetworking` pulls a streamed request body
/// from (`URLRequest.httpBodyStream`, sent with chunked transfer encoding).
///
/// `FoundationNetworking` calls `hasBytesAvailable` and then `read` on its work queue, and takes
/// "no bytes available" for the end of the body, so `read` blocks until the body's next chunk is
/// produced (by a task iterating the body, running at most ``HTTPBody/sequenceReadAhead`` bytes
/// ahead) or the producer has been silent for `stallLimit`, which fails the upload.
final class BodyInputStream: InputStream {
    private let queue = ByteChunkQueue(limit: HTTPBody.sequenceReadAhead)
    private let stallLimit: TimeInterval
    private let lock = NSLock()
    private var status: Stream.Status = .notOpen
    private var current = Data()
    private var offset = 0
    /// Why the body could not be read: the producer's error, or ``HTTPBodyError/stalled(seconds:)``.
    let failure = UploadFailure()

    init(_ body: HTTPBody, stallLimit: TimeInterval) {
        self.stallLimit = stallLimit
        super.init(data: Data())
        let queue = self.queue
        let pump = Task {
            do {
                for try await chunk in body { await queue.pushAsync(chunk) }
                queue.finish()
            } catch {
                queue.finish(throwing: error)
            }
        }
        queue.onCancel { pump.cancel() }
    }

    deinit {
        queue.abandon()
    }

    override func open() { lock.withLock { status = .open } }

    override func close() {
        lock.withLock { status = .closed }
        queue.abandon()
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
                queue.abandon()
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
