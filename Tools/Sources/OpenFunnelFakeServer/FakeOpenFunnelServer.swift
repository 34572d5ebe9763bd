import FlyingFox
import FlyingSocks
import Foundation
import OpenFunnel

/// A fake OpenFunnel over real HTTP on 127.0.0.1, for tests, benchmarks and demos.
///
/// It serves the five operations of `spec/openfunnel.yaml` with jobs that progress over time,
/// accounts separated by API key, FastAPI-style validation errors, and scripted faults
/// (rate limiting, unavailability, dropped connections, slow answers). Every test starts its
/// own, on a free port:
///
/// ```swift
/// let server = FakeOpenFunnelServer(configuration: FakeServerConfiguration(pageInterval: .milliseconds(5)))
/// let baseURL = try await server.start()
/// let client = OpenFunnelClient(baseURL: baseURL, apiKey: "test-key")
/// await server.inject(.rateLimited(retryAfter: .seconds(1)), into: .searchLookalikesBulk)
/// …
/// await server.stop()
/// ```
public actor FakeOpenFunnelServer {
    /// How the server behaves; fixed at creation.
    public nonisolated let configuration: FakeServerConfiguration
    private let jobs: JobStore
    private let traffic: TrafficControl
    private let handling = HandlingTimeTally()
    private var http: HTTPServer?
    /// Told to the socket pool before the sockets close (see ``NoDelaySocketPool``).
    private var stopping = NoDelaySocketPool.Stopping()
    private var running: Task<Void, any Error>?
    /// The URL clients use, `http://127.0.0.1:PORT`, while the server runs.
    public private(set) var baseURL: URL?

    /// Creates a stopped server.
    public init(configuration: FakeServerConfiguration = FakeServerConfiguration()) {
        self.configuration = configuration
        jobs = JobStore(configuration: configuration)
        traffic = TrafficControl()
    }

    /// Starts listening and returns the base URL, `http://127.0.0.1:PORT`; calling it again
    /// while running returns the same URL.
    ///
    /// Throws when the port cannot be bound (e.g. a fixed ``FakeServerConfiguration/port``
    /// already in use) or the server is not listening within 5 seconds. Start and stop from one
    /// task at a time: the actor does not serialise a `start` that is still waiting for the
    /// socket against a second `start` or a `stop`.
    @discardableResult
    public func start() async throws -> URL {
        if let baseURL { return baseURL }
        let handler = RequestHandler(configuration: configuration, jobs: jobs, traffic: traffic, handlingTime: handling)
        let server = HTTPServer(
            config: HTTPServer.Configuration(
                address: try sockaddr_in.inet(ip4: "127.0.0.1", port: configuration.port),
                timeout: Self.seconds(configuration.requestTimeout),
                pool: NoDelaySocketPool(base: HTTPServer.defaultPool(), stopping: stopping),
                logger: .disabled),
            handler: FlyingFoxAdapter(handler: handler, keepsConnectionsAlive: configuration.keepsConnectionsAlive))
        let failure = RunFailure()
        let task = Task {
            do {
                try await server.run()
            } catch {
                failure.record(error)
                throw error
            }
        }
        let url: URL
        do {
            // `waitUntilListening` would wait out its whole timeout if `run` failed to bind, so
            // watch both: listening, or the run task's error, whichever comes first.
            let deadline = ContinuousClock.now + .seconds(5)
            while await !server.isListening {
                if let error = failure.error { throw error }
                guard ContinuousClock.now < deadline else { throw FakeServerError.notListening }
                try await Task.sleep(for: .milliseconds(1))
            }
            guard case .ip4(_, let port) = await server.listeningAddress,
                  let listening = URL(string: "http://127.0.0.1:\(port)")
            else { throw FakeServerError.notListening }
            url = listening
        } catch {
            // Whatever went wrong (including the caller's cancellation), leave nothing running.
            await server.stop()
            task.cancel()
            throw error
        }
        http = server
        running = task
        baseURL = url
        return url
    }

    /// Stops listening, closes open connections and waits for the server task to end.
    /// Jobs, counts and faults are kept; a later ``start()`` serves them again (on a new port
    /// unless one is configured).
    public func stop() async {
        guard let server = http else { return }
        http = nil
        baseURL = nil
        stopping.mark()
        stopping = NoDelaySocketPool.Stopping()
        await server.stop(timeout: 0)
        running?.cancel()
        _ = await running?.result
        running = nil
    }

    /// The service for one account, in memory: the same jobs the HTTP server serves.
    public nonisolated func service(apiKey: String) -> FakeOpenFunnelService {
        FakeOpenFunnelService(apiKey: apiKey, jobs: jobs)
    }

    /// Queues `fault` for the next `times` requests to `operation`, after any already queued;
    /// a request that meets a fault is counted but never reaches the operation.
    public func inject(_ fault: FakeFault, times: Int = 1, into operation: FakeOperation) async {
        await traffic.inject(fault, times: times, into: operation)
    }

    /// Drops every fault not yet used.
    public func clearFaults() async {
        await traffic.clearFaults()
    }

    /// Faults queued for `operation` that no request has met yet.
    public func pendingFaults(for operation: FakeOperation) async -> Int {
        await traffic.pendingFaults(for: operation)
    }

    /// Requests that reached `operation` so far, including those answered by a fault or
    /// rejected (422, 401, 404): every one the client sent that the server received.
    public func requestCount(for operation: FakeOperation) async -> Int {
        await traffic.count(for: operation)
    }

    /// Every request received, including those matching no operation.
    public func totalRequestCount() async -> Int {
        await traffic.total
    }

    /// Sets every request count back to zero.
    public func resetRequestCounts() async {
        await traffic.resetCounts()
    }

    /// What the fake itself spent answering requests so far (the configured latency and delay
    /// faults left out), for telling its share of a round trip from the client's.
    public nonisolated func handlingTime() -> HandlingTime {
        handling.current
    }

    /// Jobs submitted so far, by any key.
    public func jobCount() async -> Int {
        await jobs.count
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// Why ``FakeOpenFunnelServer/start()`` failed, when FlyingFox gave no error of its own.
public enum FakeServerError: Error, Sendable, CustomStringConvertible {
    /// The server did not report a listening IPv4 address in time.
    case notListening

    /// One line saying what failed.
    public var description: String {
        switch self {
        case .notListening: return "the fake OpenFunnel server did not start listening on 127.0.0.1"
        }
    }
}

/// The error that ended the server task, shared with `start` while it waits.
private final class RunFailure: Sendable {
    private let lock = NSLock()
    private nonisolated(unsafe) var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func record(_ error: any Error) {
        lock.withLock { stored = error }
    }
}
