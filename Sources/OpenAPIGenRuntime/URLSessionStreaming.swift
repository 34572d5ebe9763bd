import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The delegate-based session behind ``URLSessionTransport/stream(_:body:baseURL:)``.
///
/// `FoundationNetworking` has no async `bytes(for:)`, so the body is taken from
/// `urlSession(_:dataTask:didReceive:)` callbacks and handed to the reader through a
/// ``ByteChunkQueue``; the same code runs on Apple platforms. The session is created on first
/// use (most clients never stream) and invalidated when the last transport copy goes away.
final class StreamingSession: @unchecked Sendable {
    private let configuration: URLSessionConfiguration
    private let lock = NSLock()
    private var created: (URLSession, StreamingDelegate)?

    init(configuration: URLSessionConfiguration) {
        self.configuration = configuration
    }

    deinit {
        created?.0.finishTasksAndInvalidate()
    }

    private func session() -> (URLSession, StreamingDelegate) {
        lock.withLock {
            if let created { return created }
            let delegate = StreamingDelegate()
            let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
            created = (session, delegate)
            return (session, delegate)
        }
    }

    /// Starts `request` and waits for the response head; the body keeps arriving afterwards.
    func start(_ request: URLRequest, upload: HTTPBody?) async throws -> (HTTPURLResponse, HTTPBody) {
        let (session, delegate) = session()
        let queue = ByteChunkQueue()
        let task: URLSessionTask
        var request = request
        if let upload, let data = upload.bufferedData {
            request.httpBody = data
            task = session.dataTask(with: request)
        } else if let upload {
            request.httpBodyStream = nil
            task = session.uploadTask(withStreamedRequest: request)
            delegate.setUpload(BodyInputStream(body: upload), for: task.taskIdentifier)
        } else {
            task = session.dataTask(with: request)
        }
        // Cancelling the reader cancels the request, which closes its connection.
        queue.onCancel { [weak task] in task?.cancel() }
        let head: HTTPURLResponse = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.register(task.taskIdentifier, head: continuation, queue: queue)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
        let length: HTTPBody.Length = head.expectedContentLength >= 0 ? .known(head.expectedContentLength) : .unknown
        return (head, HTTPBody(queue: queue, length: length))
    }
}

/// Routes each task's callbacks to its waiting caller and body queue.
final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Exchange {
        var head: CheckedContinuation<HTTPURLResponse, any Error>?
        var queue: ByteChunkQueue
    }

    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]
    private var uploads: [Int: BodyInputStream] = [:]

    func register(_ id: Int, head: CheckedContinuation<HTTPURLResponse, any Error>, queue: ByteChunkQueue) {
        lock.withLock { exchanges[id] = Exchange(head: head, queue: queue) }
    }

    func setUpload(_ stream: BodyInputStream, for id: Int) {
        lock.withLock { uploads[id] = stream }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, needNewBodyStream completionHandler: @escaping (InputStream?) -> Void) {
        completionHandler(lock.withLock { uploads[task.taskIdentifier] })
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
        lock.withLock { exchanges[dataTask.taskIdentifier]?.queue }?.push(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange: Exchange? = lock.withLock {
            uploads[task.taskIdentifier] = nil
            return exchanges.removeValue(forKey: task.taskIdentifier)
        }
        guard let exchange else { return }
        if let head = exchange.head {
            head.resume(throwing: error ?? URLError(.badServerResponse))
        }
        exchange.queue.finish(throwing: error)
    }
}

/// An upload body read by `URLSession` from its own thread: each `read` waits for the next
/// chunk of the ``HTTPBody``, so the body is produced as it is sent, never all at once.
final class BodyInputStream: InputStream {
    private let body: HTTPBody
    private let lock = NSLock()
    private var iterator: HTTPBody.Iterator?
    private var current = Data()
    private var offset = 0
    private var atEnd = false
    private var failure: (any Error)?
    private var status: Stream.Status = .notOpen

    init(body: HTTPBody) {
        self.body = body
        super.init(data: Data())
    }

    override func open() {
        lock.withLock {
            iterator = body.makeAsyncIterator()
            status = .open
        }
    }

    override func close() {
        lock.withLock { status = .closed }
    }

    override var streamStatus: Stream.Status { lock.withLock { status } }
    override var streamError: (any Error)? { lock.withLock { failure } }
    override var hasBytesAvailable: Bool { lock.withLock { !atEnd } }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        if lock.withLock({ offset >= current.count }) {
            guard fill() else { return lock.withLock { failure == nil ? 0 : -1 } }
        }
        return lock.withLock {
            let n = min(len, current.count - offset)
            current.withUnsafeBytes { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                buffer.update(from: base + offset, count: n)
            }
            offset += n
            return n
        }
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }

    /// Blocks this (URLSession's) thread until the next chunk; false at the end or on failure.
    private func fill() -> Bool {
        guard let start = lock.withLock({ atEnd ? nil : iterator }) else { return false }
        let done = DispatchSemaphore(value: 0)
        let box = ChunkBox()
        Task {
            var it = start
            do { box.result = .success(try await it.next()) } catch { box.result = .failure(error) }
            box.iterator = it
            done.signal()
        }
        done.wait()
        return lock.withLock {
            iterator = box.iterator ?? start
            switch box.result {
            case .success(let chunk?)?:
                current = chunk
                offset = 0
                return true
            case .failure(let error)?:
                failure = error
                status = .error
                atEnd = true
                return false
            default:
                atEnd = true
                status = .atEnd
                return false
            }
        }
    }
}

/// Carries one chunk out of the task that awaited it.
private final class ChunkBox: @unchecked Sendable {
    var result: Result<Data?, any Error>?
    var iterator: HTTPBody.Iterator?
}
