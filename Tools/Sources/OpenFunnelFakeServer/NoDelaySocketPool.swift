import FlyingSocks
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
struct NoDelaySocketPool: AsyncSocketPool {
    let base: any AsyncSocketPool

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Idempotent and a single system call; failing (not a TCP socket) changes nothing.
        try? socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: Int32(TCP_NODELAY)))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
