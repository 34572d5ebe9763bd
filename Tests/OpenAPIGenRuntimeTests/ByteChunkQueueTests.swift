import Foundation
@testable import OpenAPIGenRuntime
import Testing

@Suite("ByteChunkQueue: batching and bounds") struct ByteChunkQueueTests {
    private let bulk = Data(repeating: 7, count: ByteChunkQueue.bulkChunk)

    @Test func aLoneBulkChunkReachesAWaitingReaderWithoutMoreData() async throws {
        // Batched wake-ups must not strand a chunk when nothing follows it.
        let queue = ByteChunkQueue()
        let reader = Task { try await queue.next() }
        try await Task.sleep(for: .milliseconds(50))
        queue.push(bulk)
        let started = ContinuousClock.now
        let chunk = try await reader.value
        #expect(chunk == bulk)
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func theEndComesAfterEveryBatchedChunk() async throws {
        let queue = ByteChunkQueue()
        let reader = Task {
            var chunks = 0
            while try await queue.next() != nil { chunks += 1 }
            return chunks
        }
        try await Task.sleep(for: .milliseconds(50))
        for _ in 0..<3 { queue.push(bulk) }
        queue.finish()
        #expect(try await reader.value == 3)
    }

    @Test func aSmallChunkWakesTheReaderWithTheBatchBeforeIt() async throws {
        let queue = ByteChunkQueue()
        let reader = Task { () -> [Int] in
            var sizes: [Int] = []
            while sizes.count < 2, let chunk = try await queue.next() { sizes.append(chunk.count) }
            return sizes
        }
        try await Task.sleep(for: .milliseconds(50))
        queue.push(bulk)
        queue.push(Data("data: x\n\n".utf8))
        #expect(try await reader.value == [bulk.count, 9])
    }

    @Test func anAsyncProducerWaitsForTheReaderAtTheMark() async throws {
        let queue = ByteChunkQueue(limit: 4 * 1024)
        let producer = Task {
            for _ in 0..<64 { await queue.pushAsync(Data(repeating: 1, count: 1024)) }
            queue.finish()
        }
        var total = 0
        while let chunk = try await queue.next() {
            total += chunk.count
            try await Task.sleep(for: .milliseconds(1))
        }
        await producer.value
        #expect(total == 64 * 1024)
        #expect(queue.peakBufferedBytes <= 4 * 1024)
    }

    @Test func aBlockedProducerIsReleasedWhenTheReaderGoesAway() async throws {
        let queue = ByteChunkQueue(limit: 1024)
        queue.push(Data(repeating: 1, count: 1024))
        let released = DispatchSemaphore(value: 0)
        Thread {
            // Does not fit: waits until the reader goes away.
            queue.pushWaiting(Data(repeating: 2, count: 1024), maxStall: 60)
            released.signal()
        }.start()
        try await Task.sleep(for: .milliseconds(50))
        // The body was released unread: its producer must not stay blocked (it may hold the
        // thread the transport's cancellation needs).
        queue.abandon()
        #expect(released.wait(timeout: .now() + 5) == .success)
    }
}
