// openfunnel-fake-server: the fake OpenFunnel (see OpenFunnelFakeServer) as a process, for
// `make demo` and the command line's tests. Prints `listening on http://127.0.0.1:PORT` on
// stdout once it accepts connections, accepts any non-empty X-API-Key, and runs until SIGINT
// or SIGTERM.
//
// Arguments are parsed by hand: the target deliberately depends on nothing but the fake.

import Dispatch
import Foundation
import OpenFunnelFakeServer

let usage = """
    usage: openfunnel-fake-server [--port N] [--page-interval-ms N] [--completed] [--latency-ms N]

      --port N              TCP port on 127.0.0.1 (default 0: a free port, printed on start)
      --page-interval-ms N  time to write each page of 100 rows (default 50)
      --completed           jobs are already completed when submitted
      --latency-ms N        delay added before every response (default 0)

    """

/// The configuration the arguments ask for, or a message for stderr.
func configuration(from arguments: [String]) -> Result<FakeServerConfiguration, UsageError> {
    var configuration = FakeServerConfiguration()
    var remaining = arguments[...]
    func integer(after flag: String) throws(UsageError) -> Int {
        guard let text = remaining.popFirst() else { throw UsageError("\(flag) needs a value") }
        guard let value = Int(text), value >= 0 else { throw UsageError("\(flag): \(text) is not a non-negative integer") }
        return value
    }
    do throws(UsageError) {
        while let argument = remaining.popFirst() {
            switch argument {
            case "--port":
                let port = try integer(after: argument)
                guard port <= Int(UInt16.max) else { throw UsageError("--port: \(port) is not a TCP port") }
                configuration.port = UInt16(port)
            case "--page-interval-ms":
                let interval = Duration.milliseconds(try integer(after: argument))
                // Keep the other delays in step with the page interval, as the initializer does.
                configuration.pageInterval = interval
                configuration.startDelay = interval
                configuration.cancelSettleDelay = interval
            case "--completed":
                configuration.completesOnSubmit = true
            case "--latency-ms":
                configuration.latency = .milliseconds(try integer(after: argument))
            case "-h", "--help":
                throw UsageError(nil)
            default:
                throw UsageError("unknown argument \(argument)")
            }
        }
    } catch {
        return .failure(error)
    }
    return .success(configuration)
}

struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}

/// Suspends until SIGINT or SIGTERM arrives, and returns it.
func terminationSignal() async -> Int32 {
    let watcher = SignalWatcher()
    return await withCheckedContinuation { continuation in
        watcher.start(signals: [SIGINT, SIGTERM]) { continuation.resume(returning: $0) }
    }
}

/// Turns signals into one callback. The default action would end the process at once; a
/// dispatch source instead lets the server close its socket first.
final class SignalWatcher: @unchecked Sendable {
    // Written once in `start`, before any handler can run; kept so the sources stay alive.
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    private var fired = false

    func start(signals: [Int32], onSignal: @escaping @Sendable (Int32) -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                // Only the first signal resumes the waiter; a second Ctrl-C must not resume twice.
                let first = lock.withLock { () -> Bool in
                    defer { fired = true }
                    return !fired
                }
                if first { onSignal(number) }
            }
            source.resume()
            sources.append(source)
        }
    }
}

switch configuration(from: Array(CommandLine.arguments.dropFirst())) {
case .failure(let error):
    if let message = error.message {
        FileHandle.standardError.write(Data("openfunnel-fake-server: \(message)\n\(usage)".utf8))
        exit(2)
    }
    FileHandle.standardOutput.write(Data(usage.utf8))
    exit(0)
case .success(let configuration):
    let server = FakeOpenFunnelServer(configuration: configuration)
    do {
        let url = try await server.start()
        // Written straight to the file descriptor, not through `print`: whoever started this
        // process waits for the line on a pipe, where stdio would hold it in its buffer.
        FileHandle.standardOutput.write(Data("listening on \(url.absoluteString)\n".utf8))
        FileHandle.standardError.write(Data("accepting any X-API-Key; stop with Ctrl-C or SIGTERM\n".utf8))
    } catch {
        FileHandle.standardError.write(Data("openfunnel-fake-server: cannot start: \(error)\n".utf8))
        exit(1)
    }
    _ = await terminationSignal()
    await server.stop()
    exit(0)
}
