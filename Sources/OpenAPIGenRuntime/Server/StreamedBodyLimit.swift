import Foundation

/// Caps a request body the handler reads as it arrives (``ServerOptions/maxStreamedBodyBytes``):
/// the body handed to the handler throws ``HTTPBodyError/tooLarge(limit:)`` once the running total
/// passes the limit, and remembers that it did, so that ``ServerCore`` answers 413 whatever the
/// handler turned the error into (a `StreamItemError`, a multipart parse failure, its own
/// error type), as long as the response has not started.
final class StreamedBodyLimit: Sendable {
    let limit: Int
    private let lock = NSLock()
    private nonisolated(unsafe) var passed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether the body read through ``limiting(_:)`` ran past the limit.
    var exceeded: Bool { lock.withLock { passed } }

    /// `body`, counted as it is read.
    func limiting(_ body: HTTPBody) -> HTTPBody {
        HTTPBody(Chunks(source: body, limit: self), length: body.length)
    }

    private func markExceeded() {
        lock.withLock { passed = true }
    }

    private struct Chunks: AsyncSequence, Sendable {
        typealias Element = Data
        let source: HTTPBody
        let limit: StreamedBodyLimit

        func makeAsyncIterator() -> Iterator { Iterator(chunks: source.makeAsyncIterator(), limit: limit) }

        struct Iterator: AsyncIteratorProtocol {
            var chunks: HTTPBody.Iterator
            let limit: StreamedBodyLimit
            var total = 0

            mutating func next() async throws -> Data? {
                guard let chunk = try await chunks.next() else { return nil }
                total += chunk.count
                guard total <= limit.limit else {
                    limit.markExceeded()
                    throw HTTPBodyError.tooLarge(limit: limit.limit)
                }
                return chunk
            }
        }
    }
}
