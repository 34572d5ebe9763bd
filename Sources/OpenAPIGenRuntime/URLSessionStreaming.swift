import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The delegate-based session behind ``URLSessionTransport/stream(_:body:baseURL:)``.
///
/// `FoundationNetworking` has no async `bytes(for:)`, so the body is taken from
/// `urlSession(_:dataTask:didReceive:)` callbacks and handed to the reader through a
/// ``ByteChunkQueue`` bounded by ``URLSessionTransport/StreamingOptions/responseBufferLimit``;
/// the same code runs on Apple platforms. The session is created on first use (most clients
/// never stream) and invalidated when the last transport copy goes away.
final class StreamingSession: @unchecked Sendable {
    private let configuration: URLSessionConfiguration
    let options: URLSessionTransport.StreamingOptions
    private let lock = NSLock()
    private var created: (URLSession, StreamingDelegate)?

    init(configuration: URLSessionConfiguration, options: URLSessionTransport.StreamingOptions) {
        self.configuration = configuration
        self.options = options
    }

    deinit {
        guard let session = created?.0 else { return }
        URLSessionOffPool.post { session.finishTasksAndInvalidate() }
    }

    private func session() -> (URLSession, StreamingDelegate) {
        lock.withLock {
            if let created { return created }
            let delegate = StreamingDelegate(maxStall: options.readerStallLimit)
            #if canImport(FoundationNetworking)
            let delegateQueue: OperationQueue? = InlineDelegateQueue()
            #else
            let delegateQueue: OperationQueue? = nil
            #endif
            let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: delegateQueue)
            created = (session, delegate)
            return (session, delegate)
        }
    }

    /// Starts `request` and waits for the response head; the body keeps arriving afterwards.
    func start(_ request: URLRequest, upload: HTTPBody?) async throws -> (HTTPURLResponse, HTTPBody) {
        let (session, delegate) = session()
        let queue = ByteChunkQueue(limit: options.responseBufferLimit, fedByURLSession: true)
        let (task, spooled, uploadFailure) = try await makeTask(session, request, upload: upload)
        // Cancelling the reader cancels the request, which closes its connection.
        queue.onCancel { [weak task] in
            guard let task else { return }
            URLSessionOffPool.post { task.cancel() }
        }
        if let spooled {
            queue.onFinish { try? FileManager.default.removeItem(at: spooled) }
        }
        #if !canImport(FoundationNetworking)
        // Apple's URLSession pauses a suspended data task where it is: flow control by suspending.
        queue.onDrain { [weak task] in task?.resume() }
        #endif
        let head: HTTPURLResponse = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.register(task.taskIdentifier, head: continuation, queue: queue, upload: uploadFailure)
                URLSessionOffPool.post { task.resume() }
            }
        } onCancel: {
            URLSessionOffPool.post { task.cancel() }
        }
        let length: HTTPBody.Length = head.expectedContentLength >= 0 ? .known(head.expectedContentLength) : .unknown
        return (head, HTTPBody(queue: queue, length: length))
    }
}

extension StreamingSession {
    /// The task that sends `request` with `upload`: a buffered body as data, a file from disk, a
    /// sequence as it is produced (Linux, ``URLSessionTransport/UploadMode/streamed``) or from a
    /// temporary file it is first written to, returned so it is removed when the exchange ends.
    private func makeTask(_ session: URLSession, _ request: URLRequest, upload: HTTPBody?) async throws
        -> (task: URLSessionTask, spooled: URL?, uploadFailure: UploadFailure?) {
        var request = request
        guard let upload else {
            let sent = request
            return (await Self.offPool { session.dataTask(with: sent) }, nil, nil)
        }
        if let data = upload.bufferedData {
            request.httpBody = data
            let sent = request
            return (await Self.offPool { session.dataTask(with: sent) }, nil, nil)
        }
        request.httpBody = nil
        if let file = upload.fileURL {
            let sent = request
            return (await Self.offPool { session.uploadTask(with: sent, fromFile: file) }, nil, nil)
        }
        #if canImport(FoundationNetworking)
        // A response of this process relayed as it is arrives through the very queue a blocking
        // read would hold: it is spooled instead, whatever the options say.
        if options.uploads == .streamed, !upload.isFedByURLSession {
            let stream = BodyInputStream(upload, stallLimit: configuration.timeoutIntervalForRequest)
            request.httpBodyStream = stream
            let sent = UncheckedRequest(request)
            return (await Self.offPool { session.dataTask(with: sent.request) }, nil, stream.failure)
        }
        #endif
        // Apple's URLSession reads a body stream on threads of its own, but this runtime's
        // streamed upload is built and tested on Linux only: spool there.
        let file = try await Self.spool(upload)
        let sent = request
        return (await Self.offPool { session.uploadTask(with: sent, fromFile: file) }, file, nil)
    }

    /// A task made off the cooperative pool (see ``URLSessionOffPool``).
    private static func offPool(_ make: @escaping @Sendable () -> URLSessionTask) async -> URLSessionTask {
        await URLSessionOffPool.run { UncheckedTask(make()) }.task
    }

    /// Writes `body` to a new temporary file chunk by chunk.
    static func spool(_ body: HTTPBody) async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-gen-upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw URLError(.cannotCreateFile) }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            for try await chunk in body { try handle.write(contentsOf: chunk) }
            return url
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }
}

#if canImport(FoundationNetworking)
/// The streaming session's delegate queue on Linux: runs each delegate callback at once, on the
/// thread that delivers it, instead of as an operation of a queue.
///
/// `FoundationNetworking` hands every 16 KiB of a body from libcurl's write callback to the
/// delegate queue as an operation; running it inline saves an operation and a thread hop per
/// chunk (the larger part of the streamed download's cost), and makes the callback's wait, when
/// a reader is behind, hold libcurl itself: the only way to stop it reading on Linux, where a
/// suspended task starts over when resumed. The delegate never calls back into `URLSession`
/// synchronously from a callback, which is what running on its work queue forbids.
final class InlineDelegateQueue: OperationQueue, @unchecked Sendable {
    override func addOperation(_ block: @Sendable @escaping () -> Void) {
        block()
    }

    override func addOperation(_ op: Operation) {
        op.start()
    }
}
#endif

/// Routes each task's callbacks to its waiting caller and body queue.
final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Exchange {
        var head: CheckedContinuation<HTTPURLResponse, any Error>?
        var queue: ByteChunkQueue
        var upload: UploadFailure?
    }

    /// How long a callback waits for a reader that takes nothing before the mark is lifted.
    private let maxStall: TimeInterval

    init(maxStall: Duration) {
        let (seconds, attoseconds) = maxStall.components
        self.maxStall = max(0.001, Double(seconds) + Double(attoseconds) * 1e-18)
    }

    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func register(_ id: Int, head: CheckedContinuation<HTTPURLResponse, any Error>, queue: ByteChunkQueue, upload: UploadFailure?) {
        lock.withLock { exchanges[id] = Exchange(head: head, queue: queue, upload: upload) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let head: CheckedContinuation<HTTPURLResponse, any Error>? = lock.withLock {
            let h = exchanges[dataTask.taskIdentifier]?.head
            exchanges[dataTask.taskIdentifier]?.head = nil
            return h
        }
        if let http = response as? HTTPURLResponse {
            head?.resume(returning: http)
            completionHandler(.allow)
        } else {
            head?.resume(throwing: URLError(.badServerResponse))
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let queue = lock.withLock({ exchanges[dataTask.taskIdentifier]?.queue }) else { return }
        #if canImport(FoundationNetworking)
        queue.pushWaiting(data, maxStall: maxStall)
        #else
        if queue.push(data) { dataTask.suspend() }
        #endif
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange: Exchange? = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) }
        guard let exchange else { return }
        // A streamed upload whose producer failed aborts the transfer: report the producer's error.
        let error = error.map { exchange.upload?.error ?? $0 }
        if let head = exchange.head {
            head.resume(throwing: error ?? URLError(.badServerResponse))
        }
        exchange.queue.finish(throwing: error)
    }
}
