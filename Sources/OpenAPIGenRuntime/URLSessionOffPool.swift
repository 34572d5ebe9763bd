import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs the `URLSession` calls that can block off Swift's cooperative thread pool.
///
/// On Linux, FoundationNetworking creates, resumes and cancels tasks with a `sync` onto the one
/// work queue every session of the process shares, the queue whose delegate callback a streamed
/// response at its high-water mark holds (see ``URLSessionTransport/StreamingOptions``). Made
/// from the pool, such a call blocks a pool thread until the mark clears, which needs the
/// stream's reader, a task on that same pool: on a machine with two cores two waiting
/// requests froze every task of the process until the mark lifted. Made from a queue of its
/// own, the call blocks a dispatch thread and the pool keeps running readers.
enum URLSessionOffPool {
    private static let queue = DispatchQueue(label: "openapi-gen.urlsession-calls", attributes: .concurrent)

    /// `body`'s result, computed on the off-pool queue.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        #if canImport(FoundationNetworking)
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
        #else
        body()
        #endif
    }

    /// Runs `body` on the off-pool queue without waiting for it (resume, cancel).
    static func post(_ body: @escaping @Sendable () -> Void) {
        #if canImport(FoundationNetworking)
        queue.async(execute: body)
        #else
        body()
        #endif
    }
}

/// The task of an exchange, set once it exists: cancellation may come before.
final class PendingTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelled = false

    /// Records `task`; cancels it at once if the exchange was cancelled before it existed.
    func set(_ task: URLSessionTask) {
        let cancelNow: Bool = lock.withLock {
            self.task = task
            return cancelled
        }
        if cancelNow { URLSessionOffPool.post { task.cancel() } }
    }

    func cancel() {
        let task: URLSessionTask? = lock.withLock {
            cancelled = true
            return self.task
        }
        if let task { URLSessionOffPool.post { task.cancel() } }
    }
}

extension URLSession {
    /// `data(for:)` with the task made, resumed and cancelled off the cooperative pool
    /// (``URLSessionOffPool``); on Apple platforms `data(for:)` itself.
    func dataOffPool(for request: URLRequest) async throws -> (Data, URLResponse) {
        #if canImport(FoundationNetworking)
        let pending = PendingTask()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                URLSessionOffPool.post {
                    let task = self.dataTask(with: request) { data, response, error in
                        if let error {
                            continuation.resume(throwing: error)
                        } else if let response {
                            continuation.resume(returning: (data ?? Data(), response))
                        } else {
                            continuation.resume(throwing: URLError(.badServerResponse))
                        }
                    }
                    pending.set(task)
                    task.resume()
                }
            }
        } onCancel: {
            pending.cancel()
        }
        #else
        try await data(for: request)
        #endif
    }
}

/// A task handed from the off-pool queue to its caller, which alone uses it from then on.
struct UncheckedTask: @unchecked Sendable {
    let task: URLSessionTask
    init(_ task: URLSessionTask) { self.task = task }
}

/// A request whose body stream (not Sendable) moves to the off-pool queue with it, used there once.
struct UncheckedRequest: @unchecked Sendable {
    let request: URLRequest
    init(_ request: URLRequest) { self.request = request }
}
