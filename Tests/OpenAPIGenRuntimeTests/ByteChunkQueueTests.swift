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

    @Test func aBatchFitsWellUnderTheMark() {
        // A batch at the mark would leave a producer waiting on a reader waiting on the batch,
        // until the flush timer: a small mark gets small batches.
        #expect(ByteChunkQueue().batchThreshold == ByteChunkQueue.batchBytes)
        #expect(ByteChunkQueue(limit: 4 << 20).batchThreshold == ByteChunkQueue.batchBytes)
        #expect(ByteChunkQueue(limit: 256 * 1024).batchThreshold == 64 * 1024)
        #expect(ByteChunkQueue(limit: 1024).batchThreshold == ByteChunkQueue.bulkChunk)
    }

    @Test func aBulkReaderUnderASmallMarkIsWokenByTheChunkThatFillsItsBatch() async throws {
        // 64 KiB mark, 16 KiB batch: the first bulk chunk wakes the reader, without the timer.
        let queue = ByteChunkQueue(limit: 64 * 1024)
        let reader = Task { try await queue.next() }
        let deadline = ContinuousClock.now + .seconds(10)
        while !queue.isConsumerWaiting, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        queue.push(bulk)
        // Handed over inside push: nothing is left waiting for a timer.
        #expect(queue.bufferedBytes == 0)
        #expect(try await reader.value == bulk)
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
