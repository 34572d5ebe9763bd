import Foundation

/// Chunks handed from a producer (a transport's delegate callbacks, a pump task) to one
/// consumer awaiting them, with cancellation passed back to the producer and the bytes waiting
/// between them bounded.
///
/// A class rather than an `AsyncThrowingStream` so the consumer's cancellation reaches the
/// producer at once (the transport cancels its request, which closes the connection), so a
/// producer can be made to wait while the consumer is behind (flow control), and so a chunk
/// that is already there is taken without suspending.
///
/// The bound, `limit`, is a high-water mark on the bytes pushed and not yet taken: a producer
/// that pushes with ``pushWaiting(_:maxStall:)`` or ``pushAsync(_:)`` waits until its chunk fits
/// under it (a single chunk larger than the limit is let through once the queue is empty).
/// ``push(_:)`` never waits; it reports crossing the mark so a producer that cannot wait (an
/// Apple platform's `URLSession` delegate) can pause its source instead.
final class ByteChunkQueue: @unchecked Sendable {
    /// Most bytes held; `Int.max` for no bound.
    let limit: Int
    /// Whether the producer is a `URLSession` callback (a response body): a body fed so cannot be
    /// uploaded by a blocking read on the queue those callbacks need (see `makeTask`).
    let fedByURLSession: Bool

    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var head = 0
    private var end: (any Error)?
    private var ended = false
    private var waiter: CheckedContinuation<Data?, any Error>?
    private var cancelHandler: (@Sendable () -> Void)?
    private var cancelled = false
    private var finishHandlers: [@Sendable () -> Void] = []
    /// Producers blocked in `pushWaiting` (a thread) or suspended in `pushAsync` (a task).
    private var blockedProducers = 0
    private var spaceWaiters: [CheckedContinuation<Void, Never>] = []
    private var drainHandler: (@Sendable () -> Void)?
    private var aboveMark = false
    /// Chunks taken so far: how a waiting producer tells a slow consumer from an absent one.
    private var takes = 0
    /// Set when a consumer took nothing for a producer's whole `maxStall`; cleared by its next take.
    private var markLifted = false
    /// A consumer is blocked in `takeWaiting`.
    private var blockedConsumer = false
    /// A batch flush is pending (see `handOver`).
    private var flushScheduled = false

    /// Bytes pushed and not yet taken.
    private(set) var bufferedBytes = 0
    /// The most bytes that were ever waiting at once (what flow control bounds).
    private(set) var peakBufferedBytes = 0

    /// Whether a consumer is suspended in ``next()`` for the next chunk.
    var isConsumerWaiting: Bool { condition.withLock { waiter != nil } }

    init(limit: Int = .max, fedByURLSession: Bool = false) {
        self.limit = max(1, limit)
        self.fedByURLSession = fedByURLSession
        batchThreshold = min(Self.batchBytes, max(Self.bulkChunk, self.limit / 4))
    }

    /// Runs `handler` once if the consumer goes away (its task is cancelled); at once if it already has.
    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow: Bool = condition.withLock {
            if cancelled { return true }
            cancelHandler = handler
            return false
        }
        if runNow { handler() }
    }

    /// Runs `handler` once the producer finishes or the consumer is cancelled.
    func onFinish(_ handler: @escaping @Sendable () -> Void) {
        condition.withLock { finishHandlers.append(handler) }
    }

    /// Runs `handler` each time the consumer takes the buffer from above the mark down to half of
    /// it, after ``push(_:)`` reported crossing the mark: the moment to resume a paused source.
    func onDrain(_ handler: @escaping @Sendable () -> Void) {
        condition.withLock { drainHandler = handler }
    }

    private func runFinishHandlers() {
        let handlers: [@Sendable () -> Void] = condition.withLock {
            defer { finishHandlers = [] }
            return finishHandlers
        }
        for h in handlers { h() }
    }

    /// Hands `data` to the consumer without waiting. Returns true when this push took the buffer
    /// to the mark (the caller should pause its source until the drain handler runs).
    @discardableResult
    func push(_ data: Data) -> Bool {
        guard !data.isEmpty else { return false }
        condition.lock()
        guard !ended else {
            condition.unlock()
            return false
        }
        let handed = handOver(data)
        // Reported once per crossing: the caller's pause (a task's `suspend()`) is not counted.
        let crossed = !aboveMark && bufferedBytes >= limit
        if crossed { aboveMark = true }
        condition.unlock()
        handed?()
        return crossed
    }

    /// Hands `data` to the consumer, first waiting (blocking this thread) while it does not fit
    /// under the mark. A consumer that keeps reading, however slowly, keeps its producer waiting;
    /// one that takes nothing for `maxStall` (waiting on something else, perhaps on a transfer
    /// this very thread serves) lifts the mark until it reads again, so the wait cannot deadlock.
    /// Returns at once when the consumer is gone.
    func pushWaiting(_ data: Data, maxStall: TimeInterval) {
        guard !data.isEmpty else { return }
        condition.lock()
        if !ended, !markLifted, bufferedBytes > 0, bufferedBytes + data.count > limit {
            blockedProducers += 1
            var seen = takes
            var deadline = Date(timeIntervalSinceNow: maxStall)
            while !ended, bufferedBytes > 0, bufferedBytes + data.count > limit {
                // A timed wait can end early; only a passed deadline counts as a stall.
                if condition.wait(until: deadline) || Date() < deadline { continue }
                if takes == seen {
                    markLifted = true
                    break
                }
                seen = takes
                deadline = Date(timeIntervalSinceNow: maxStall)
            }
            blockedProducers -= 1
        }
        guard !ended else {
            condition.unlock()
            return
        }
        let handed = handOver(data)
        condition.unlock()
        handed?()
    }

    /// A chunk at least this large says the transport had more to give at once (FoundationNetworking
    /// delivers 16 KiB at most): the consumer is woken for a batch of them rather than each one.
    static let bulkChunk = 16 * 1024
    /// How many bytes of bulk chunks make a batch, under the default mark. Each wake-up of the
    /// consumer costs two thread switches and, until it fires, a timer: with batches of 128 KiB
    /// (300 µs) a 1 GiB download through FoundationNetworking spent a median 2.19 CPU-seconds,
    /// with these 1.97, URLSession alone 1.69 (`make bench` section 7; alternating runs of one
    /// binary).
    static let batchBytes = 512 * 1024
    /// The longest a batch waits to fill before the consumer is woken anyway: the latency a
    /// bulk chunk can gain when nothing follows it (a small chunk, such as an event, never waits).
    static let batchDelay: DispatchTimeInterval = .milliseconds(1)

    /// The batch of this queue: ``batchBytes``, or a quarter of a smaller mark, so a producer
    /// never reaches the mark while the consumer waits for a batch to fill.
    let batchThreshold: Int

    /// Gives `data` to the waiting consumer or queues it; returns what wakes the consumer, to run
    /// outside the lock. Must hold the lock.
    ///
    /// Waking the consumer's task costs two thread switches, more than reading a chunk: for a
    /// bulk transfer the consumer is woken once per ``batchThreshold`` (or ``batchDelay``) and takes
    /// the rest of the batch without suspending. Small chunks (events, lines) wake it at once.
    private func handOver(_ data: Data) -> (() -> Void)? {
        guard let waiter else {
            enqueue(data)
            return nil
        }
        if data.count >= Self.bulkChunk, bufferedBytes + data.count < batchThreshold {
            enqueue(data)
            guard !flushScheduled else { return nil }
            flushScheduled = true
            return scheduleFlush
        }
        self.waiter = nil
        let chunk: Data
        var freed: [CheckedContinuation<Void, Never>] = []
        var drained: (@Sendable () -> Void)?
        if head < chunks.count {
            enqueue(data)
            chunk = dequeue()
            (freed, drained) = afterTake()
        } else {
            chunk = data
            takes &+= 1
            markLifted = false
        }
        return {
            for f in freed { f.resume() }
            drained?()
            waiter.resume(returning: chunk)
        }
    }

    private func scheduleFlush() {
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.batchDelay) { [weak self] in self?.flush() }
    }

    /// Wakes a consumer waiting on a batch that did not fill in time.
    private func flush() {
        condition.lock()
        flushScheduled = false
        guard let waiter, head < chunks.count else {
            condition.unlock()
            return
        }
        self.waiter = nil
        let chunk = dequeue()
        let (freed, drained) = afterTake()
        condition.unlock()
        for f in freed { f.resume() }
        drained?()
        waiter.resume(returning: chunk)
    }

    /// Hands `data` to the consumer, first suspending while it does not fit under the mark
    /// (the pump of a body made from an async sequence: it runs no further ahead of its reader).
    func pushAsync(_ data: Data) async {
        guard !data.isEmpty else { return }
        while true {
            let wait: Bool = condition.withLock {
                !ended && bufferedBytes > 0 && bufferedBytes + data.count > limit
            }
            guard wait else { break }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = condition.withLock {
                    guard !ended, bufferedBytes > 0, bufferedBytes + data.count > limit else { return true }
                    spaceWaiters.append(continuation)
                    blockedProducers += 1
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
        push(data)
    }

    /// Must hold the lock.
    private func enqueue(_ data: Data) {
        chunks.append(data)
        bufferedBytes += data.count
        if bufferedBytes > peakBufferedBytes { peakBufferedBytes = bufferedBytes }
        if blockedConsumer { condition.broadcast() }
    }

    /// What ``takeWaiting(until:)`` found.
    enum BlockingTake {
        case chunk(Data)
        case end
        case failure(any Error)
        case timedOut
    }

    /// The next chunk for a consumer that must block its thread for it (an `InputStream` that
    /// `URLSession` reads an upload from), waiting until `deadline` at most.
    func takeWaiting(until deadline: Date) -> BlockingTake {
        condition.lock()
        while true {
            switch take() {
            case .wait:
                blockedConsumer = true
                let signalled = condition.wait(until: deadline)
                blockedConsumer = false
                if !signalled, Date() >= deadline, head == chunks.count, !ended, !cancelled {
                    condition.unlock()
                    return .timedOut
                }
            case let step:
                condition.unlock()
                do {
                    guard let chunk = try deliver(step) else { return .end }
                    return .chunk(chunk)
                } catch {
                    return .failure(error)
                }
            }
        }
    }

    /// No more chunks: the consumer sees the end of the sequence, or `error`.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        guard !ended else {
            condition.unlock()
            return
        }
        ended = true
        end = error
        let resume = waiter
        waiter = nil
        // A consumer waiting on a batch gets the batch first; it finds the end after it.
        let pending = resume != nil && head < chunks.count ? dequeue() : nil
        if blockedConsumer { condition.broadcast() }
        let spaces = releaseProducers()
        condition.unlock()
        for s in spaces { s.resume() }
        if let resume {
            if let pending {
                resume.resume(returning: pending)
            } else if let error {
                resume.resume(throwing: error)
            } else {
                resume.resume(returning: nil)
            }
        }
        runFinishHandlers()
    }

    /// Wakes every waiting producer; returns the suspended ones to resume outside the lock.
    /// Must hold the lock.
    private func releaseProducers() -> [CheckedContinuation<Void, Never>] {
        guard blockedProducers > 0 else { return [] }
        condition.broadcast()
        let spaces = spaceWaiters
        blockedProducers -= spaces.count
        spaceWaiters = []
        return spaces
    }

    /// What a take found.
    private enum Take {
        case value(Data?, freed: [CheckedContinuation<Void, Never>], drained: (@Sendable () -> Void)?)
        case failure(any Error)
        case wait
    }

    /// The next chunk, nil at the end; throws the producer's error, or `CancellationError` when
    /// the calling task is cancelled (which also runs the cancel handler).
    func next() async throws -> Data? {
        // A chunk already waiting is taken without a continuation or a cancellation handler.
        if Task.isCancelled {
            cancel()
            throw CancellationError()
        }
        let fast = takeNow()
        if case .wait = fast {} else { return try deliver(fast) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                condition.lock()
                let step = take()
                if case .wait = step { waiter = continuation }
                condition.unlock()
                if case .wait = step { return }
                continuation.resume(with: Result { try deliver(step) })
            }
        } onCancel: {
            cancel()
        }
    }

    private func takeNow() -> Take {
        condition.lock()
        defer { condition.unlock() }
        return take()
    }

    /// Must hold the lock.
    private func take() -> Take {
        if cancelled { return .failure(CancellationError()) }
        if head < chunks.count {
            let chunk = dequeue()
            let (freed, drained) = afterTake()
            return .value(chunk, freed: freed, drained: drained)
        }
        if ended { return end.map { .failure($0) } ?? .value(nil, freed: [], drained: nil) }
        return .wait
    }

    /// Outside the lock: wakes what the take freed, then returns its chunk.
    private func deliver(_ step: Take) throws -> Data? {
        switch step {
        case .value(let chunk, let freed, let drained):
            for f in freed { f.resume() }
            drained?()
            return chunk
        case .failure(let error):
            throw error
        case .wait:
            return nil
        }
    }

    /// Must hold the lock; `afterTake` must follow.
    private func dequeue() -> Data {
        let chunk = chunks[head]
        head += 1
        bufferedBytes -= chunk.count
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= chunks.count {
            chunks.removeFirst(head)
            head = 0
        }
        return chunk
    }

    /// What a take frees: waiting producers, and the drain handler once the buffer is back at
    /// half the mark. Must hold the lock.
    private func afterTake() -> ([CheckedContinuation<Void, Never>], (@Sendable () -> Void)?) {
        takes &+= 1
        markLifted = false
        // Waiting producers wake at every take rather than at some low-water mark: a thread
        // blocked here may be one other transfers are waiting for, so it is let go early.
        let spaces = releaseProducers()
        var drained: (@Sendable () -> Void)?
        if aboveMark, bufferedBytes <= limit / 2 {
            aboveMark = false
            drained = drainHandler
        }
        return (spaces, drained)
    }

    /// The consumer is gone without being cancelled (its body was released): stop the producer.
    func abandon() {
        cancel()
    }

    private func cancel() {
        condition.lock()
        guard !cancelled else {
            condition.unlock()
            return
        }
        cancelled = true
        ended = true
        chunks.removeAll()
        head = 0
        bufferedBytes = 0
        let handler = cancelHandler
        cancelHandler = nil
        let resume = waiter
        waiter = nil
        // Producers blocked on the mark return first: a transport's cancel may need the very
        // thread such a producer holds.
        if blockedConsumer { condition.broadcast() }
        let spaces = releaseProducers()
        condition.unlock()
        for s in spaces { s.resume() }
        resume?.resume(throwing: CancellationError())
        handler?()
        runFinishHandlers()
    }
}
