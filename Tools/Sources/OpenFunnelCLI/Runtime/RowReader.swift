import OpenFunnelJobs

/// Reads a job's rows in a task of its own, so that an interrupt can stop the reading while the
/// session, in its own task, still writes and commits what arrived.
///
/// ``stop()`` ends ``rows`` with `CancellationError` (also when the reader was waiting for the
/// job), so the session can tell a stopped read from a finished one.
final class RowReader<Row: Sendable>: Sendable {
    let rows: AsyncThrowingStream<Row, any Error>
    private let task: Task<Void, Never>

    /// Starts `produce`, which hands each row to the function it is given.
    init(_ produce: @escaping @Sendable (_ yield: @Sendable (Row) -> Void) async throws -> Void) {
        let (rows, continuation) = AsyncThrowingStream.makeStream(of: Row.self)
        self.rows = rows
        task = Task {
            do {
                try await produce { continuation.yield($0) }
                // Iterating a stream in a cancelled task just ends it: that is a stop, not the end of the job.
                try Task.checkCancellation()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    func stop() {
        task.cancel()
    }
}

/// Thrown by the polling sleep once an interrupted session has read everything the job has
/// written so far and the job goes on running (see ``InterruptResponse/drainsUntilCaughtUp``).
struct CaughtUp: Error {}
