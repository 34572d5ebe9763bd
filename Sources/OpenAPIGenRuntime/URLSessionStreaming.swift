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
        var spooled: URL?
        if let upload, let data = upload.bufferedData {
            request.httpBody = data
            task = session.dataTask(with: request)
        } else if let upload {
            // `URLSession` pulls a streamed upload through a blocking `InputStream` on its own
            // work queue, which FoundationNetworking shares between sessions: blocking it until
            // the body's next chunk is produced (by Swift concurrency) can deadlock the process.
            // A file is sent from disk as it is read; any other body is written to a temporary
            // file as it is produced (memory stays one chunk), then sent the same way.
            let file: URL
            if let url = upload.fileURL {
                file = url
            } else {
                file = try await Self.spool(upload)
                spooled = file
            }
            request.httpBody = nil
            task = session.uploadTask(with: request, fromFile: file)
        } else {
            task = session.dataTask(with: request)
        }
        // Cancelling the reader cancels the request, which closes its connection.
        queue.onCancel { [weak task] in task?.cancel() }
        if let spooled {
            queue.onFinish { try? FileManager.default.removeItem(at: spooled) }
        }
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

extension StreamingSession {
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

/// Routes each task's callbacks to its waiting caller and body queue.
final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Exchange {
        var head: CheckedContinuation<HTTPURLResponse, any Error>?
        var queue: ByteChunkQueue
    }

    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func register(_ id: Int, head: CheckedContinuation<HTTPURLResponse, any Error>, queue: ByteChunkQueue) {
        lock.withLock { exchanges[id] = Exchange(head: head, queue: queue) }
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
        let exchange: Exchange? = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) }
        guard let exchange else { return }
        if let head = exchange.head {
            head.resume(throwing: error ?? URLError(.badServerResponse))
        }
        exchange.queue.finish(throwing: error)
    }
}
