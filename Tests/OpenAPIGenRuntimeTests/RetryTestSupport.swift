import Foundation
import Logging
import Testing
@testable import OpenAPIGenRuntime

/// What a ``ScriptedTransport`` does for one attempt.
enum ScriptStep: Sendable {
    /// Answers with the response.
    case respond(HTTPResponse)
    /// Fails with the error, as a transport does when no response arrived.
    case fail(any Error)
    /// Never answers, until the attempt is cancelled.
    case hang
}

/// A transport that plays a script, one step per attempt, and records every attempt.
actor ScriptedTransport: HTTPTransport {
    private var script: [ScriptStep]
    /// Every request sent, in order.
    private(set) var requests: [HTTPRequest] = []
    /// How many hanging attempts ended because they were cancelled.
    private(set) var cancelledAttempts = 0

    init(_ script: ScriptStep...) {
        self.script = script
    }

    var attempts: Int { requests.count }

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        requests.append(request)
        guard !script.isEmpty else {
            Issue.record("attempt \(requests.count) was not in the script")
            return HTTPResponse(status: 500)
        }
        switch script.removeFirst() {
        case .respond(let response):
            return response
        case .fail(let error):
            throw error
        case .hang:
            // Cancellation-aware, as a real transport must be: `Task.sleep` throws as soon as
            // the attempt is cancelled.
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                cancelledAttempts += 1
                throw error
            }
            Issue.record("a hanging attempt was never cancelled")
            return HTTPResponse(status: 500)
        }
    }
}

/// Records the waits between attempts instead of waiting.
actor SleepRecorder {
    private(set) var delays: [Duration] = []

    func record(_ delay: Duration) {
        delays.append(delay)
    }
}

/// `Wed, 21 Oct 2015 07:28:00 GMT`, the "now" of the scripted policies.
let scriptedNow = Date(timeIntervalSince1970: 1_445_412_480)

extension RetryPolicy {
    /// The default policy made deterministic: jitter fixed at `jitter`, the clock at
    /// ``scriptedNow``, and waits recorded in `recorder` instead of slept.
    static func scripted(
        _ recorder: SleepRecorder, jitter: Double = 0.5, _ configure: (inout RetryPolicy) -> Void = { _ in }
    ) -> RetryPolicy {
        var policy = RetryPolicy(
            jitter: { jitter },
            now: { scriptedNow },
            sleep: { await recorder.record($0) })
        configure(&policy)
        return policy
    }
}

let testBaseURL = URL(string: "https://api.example.com/v1")!

/// A core sending through `transport` with `retry`, optionally logging and timing out.
func makeCore(
    _ transport: ScriptedTransport, retry: RetryPolicy, logger: Logger? = nil, requestTimeout: Duration? = nil
) -> ClientCore {
    ClientCore(
        baseURL: testBaseURL, transport: transport,
        options: ClientOptions(retry: retry, logger: logger, requestTimeout: requestTimeout))
}

/// A response with `status` and header fields.
func response(_ status: Int, _ headers: [(String, String)] = [], body: String = "") -> HTTPResponse {
    HTTPResponse(status: status, headers: HTTPFields(headers), body: Data(body.utf8))
}

/// The underlying error of a ``ClientError/transport(operationID:underlying:)``, else `nil`.
func transportUnderlying(_ error: (any Error)?) -> (any Error)? {
    if case .transport(_, let underlying)? = error as? ClientError {
        return underlying
    }
    return nil
}

/// Everything logged through a ``CapturingLogHandler``.
final class LogCapture: @unchecked Sendable {
    /// One captured line.
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: String
    }

    // `@unchecked` is sound: `entries` is only touched with `lock` held.
    private let lock = NSLock()
    private var storage: [Entry] = []

    var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    /// Every message and its metadata, one line each, as a log file would hold them.
    var text: String {
        entries.map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n")
    }

    func append(_ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        storage.append(entry)
    }

    /// A logger writing here at every level.
    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
}

/// A `LogHandler` that keeps what it is given, metadata and attached error included.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        var metadataText = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        if let error = event.error {
            metadataText += " error=\(String(reflecting: error))"
        }
        capture.append(LogCapture.Entry(level: event.level, message: event.message.description, metadata: metadataText))
    }
}
