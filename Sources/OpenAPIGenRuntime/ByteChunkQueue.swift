import Foundation

/// Chunks handed from a producer (a transport's delegate callbacks, a pump task) to one
/// consumer awaiting them, with cancellation passed back to the producer.
///
/// A class rather than an `AsyncThrowingStream` so the consumer's cancellation reaches the
/// producer at once (the transport cancels its request, which closes the connection) and so a
/// producer can tell how much is waiting.
final class ByteChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [Data] = []
    private var head = 0
    private var end: (any Error)?
    private var ended = false
    private var waiter: CheckedContinuation<Data?, any Error>?
    private var cancelHandler: (@Sendable () -> Void)?
    private var cancelled = false
    private var finishHandlers: [@Sendable () -> Void] = []

    /// Bytes pushed and not yet taken.
    private(set) var bufferedBytes = 0

    init() {}

    /// Runs `handler` once if the consumer goes away (its task is cancelled); at once if it already has.
    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow: Bool = lock.withLock {
            if cancelled { return true }
            cancelHandler = handler
            return false
        }
        if runNow { handler() }
    }

    /// Runs `handler` once the producer finishes or the consumer is cancelled.
    func onFinish(_ handler: @escaping @Sendable () -> Void) {
        lock.withLock { finishHandlers.append(handler) }
    }

    private func runFinishHandlers() {
        let handlers: [@Sendable () -> Void] = lock.withLock {
            defer { finishHandlers = [] }
            return finishHandlers
        }
        for h in handlers { h() }
    }

    /// Hands `data` to the consumer.
    func push(_ data: Data) {
        guard !data.isEmpty else { return }
        let resume: CheckedContinuation<Data?, any Error>? = lock.withLock {
            guard !ended else { return nil }
            if let waiter {
                self.waiter = nil
                return waiter
            }
            chunks.append(data)
            bufferedBytes += data.count
            return nil
        }
        resume?.resume(returning: data)
    }

    /// No more chunks: the consumer sees the end of the sequence, or `error`.
    func finish(throwing error: (any Error)? = nil) {
        let resume: CheckedContinuation<Data?, any Error>? = lock.withLock {
            guard !ended else { return nil }
            ended = true
            end = error
            let w = waiter
            waiter = nil
            return w
        }
        if let resume {
            if let error { resume.resume(throwing: error) } else { resume.resume(returning: nil) }
        }
        runFinishHandlers()
    }

    /// The next chunk, nil at the end; throws the producer's error, or `CancellationError` when
    /// the calling task is cancelled (which also runs the cancel handler).
    func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                enum Step { case value(Data?), failure(any Error), wait }
                let step: Step = lock.withLock {
                    if cancelled { return .failure(CancellationError()) }
                    if head < chunks.count {
                        let chunk = chunks[head]
                        head += 1
                        bufferedBytes -= chunk.count
                        if head == chunks.count {
                            chunks.removeAll(keepingCapacity: true)
                            head = 0
                        }
                        return .value(chunk)
                    }
                    if ended { return end.map { .failure($0) } ?? .value(nil) }
                    waiter = continuation
                    return .wait
                }
                switch step {
                case .value(let chunk): continuation.resume(returning: chunk)
                case .failure(let error): continuation.resume(throwing: error)
                case .wait: break
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The consumer is gone without being cancelled (its body was released): stop the producer.
    func abandon() {
        cancel()
    }

    private func cancel() {
        let (handler, resume): ((@Sendable () -> Void)?, CheckedContinuation<Data?, any Error>?) = lock.withLock {
            guard !cancelled else { return (nil, nil) }
            cancelled = true
            ended = true
            chunks.removeAll()
            bufferedBytes = 0
            let h = cancelHandler
            cancelHandler = nil
            let w = waiter
            waiter = nil
            return (h, w)
        }
        resume?.resume(throwing: CancellationError())
        handler?()
        runFinishHandlers()
    }
}
