import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FlyingFox's socket pool, with `TCP_NODELAY` set on every socket it waits on.
///
/// FlyingFox writes a response's head and its body with two `write`s. With Nagle's algorithm
/// on, the body (one segment below the loopback MSS) waits for the head's ACK, which a client
/// on a kept-alive connection delays by up to 40 ms on Linux: that alone made every reused
/// connection slower than the 20 ms latency the drain benchmark adds. The listening socket is
/// among those waited on (for `accept`), and Linux hands its `TCP_NODELAY` to the sockets it
/// accepts; a connection is also set itself the first time it waits to read.
///
/// It also ends every wait once its server is stopping (``Stopping``). FlyingFox's accept loop
/// retries `accept` on its listening socket's descriptor after each wait; once the server has
/// closed that socket, the number can already belong to the listening socket another server of
/// the process is setting up, still blocking: the stale loop's `accept` then blocks a pool
/// thread for good (two of them froze a 2-core test run). A wait that throws ends the loop.
struct NoDelaySocketPool: AsyncSocketPool {
    let base: any AsyncSocketPool
    let stopping: Stopping

    /// Set, before the server closes its sockets, by the server's `stop()`.
    final class Stopping: @unchecked Sendable {
        private let lock = NSLock()
        private var set = false
        var isSet: Bool { lock.withLock { set } }
        func mark() { lock.withLock { set = true } }
    }

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Idempotent and a single system call; failing (not a TCP socket) changes nothing.
        if stopping.isSet { throw CancellationError() }
        try? socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: Int32(TCP_NODELAY)))
        try await base.suspendSocket(socket, untilReadyFor: events)
        if stopping.isSet { throw CancellationError() }
    }
}
