import Foundation
import OpenFunnel
import OpenFunnelJobs
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere bytes go: standard output, standard error, or a buffer in tests.
public protocol ByteSink: Sendable {
    func write(_ data: Data) throws
}

extension ByteSink {
    /// Writes `text` as UTF-8.
    public func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    /// Writes `text` and a newline; for messages, where a failed write has nowhere to be reported.
    func line(_ text: String) {
        try? write(text + "\n")
    }
}

/// An open file descriptor: standard output or standard error.
public struct FileDescriptorSink: ByteSink {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = systemWrite(fileDescriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CLIFailure(String(cString: strerror(errno)))
                }
                pointer += written
                remaining -= written
            }
        }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.write(fd, pointer, count)
    #elseif canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Musl.write(fd, pointer, count)
    #endif
}

/// Everything a command needs from the world, so tests can run commands in process: the
/// environment (for the API key), how to make the API, where text goes and whether those are
/// terminals, and how to poll.
public struct CLIContext: Sendable {
    /// Environment variables; the API key is `OPENFUNNEL_API_KEY`.
    public var environment: [String: String]
    /// Makes the API for a base URL and key. The live one is `OpenFunnelClient`.
    public var makeAPI: @Sendable (_ baseURL: URL, _ apiKey: String) -> any OpenFunnelAPI
    /// Where rows go without `--output`, and what `status` and `cancel` print.
    public var stdout: any ByteSink
    /// Messages, errors and progress.
    public var stderr: any ByteSink
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    /// The terminal's width in columns, for tables; nil when unknown.
    public var terminalWidth: Int?
    /// How jobs are polled.
    public var polling: PollingPolicy
    /// How long the cancel request sent after an interrupt may take before the CLI gives up on it.
    public var cancelTimeout: Duration
    /// How long, after the first interrupt, the CLI keeps reading the rows the job delivered
    /// before it stops and says what it did not fetch.
    public var drainDeadline: Duration
    /// Ctrl-C and SIGTERM as they arrive; the live context's are fed by real signals while a
    /// search runs.
    public var interruption: Interruption

    public init(
        environment: [String: String],
        makeAPI: @escaping @Sendable (_ baseURL: URL, _ apiKey: String) -> any OpenFunnelAPI,
        stdout: any ByteSink,
        stderr: any ByteSink,
        stdoutIsTerminal: Bool = false,
        stderrIsTerminal: Bool = false,
        terminalWidth: Int? = nil,
        polling: PollingPolicy = PollingPolicy(),
        cancelTimeout: Duration = .seconds(15),
        drainDeadline: Duration = .seconds(15),
        interruption: Interruption = Interruption()
    ) {
        self.environment = environment
        self.makeAPI = makeAPI
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.terminalWidth = terminalWidth
        self.polling = polling
        self.cancelTimeout = cancelTimeout
        self.drainDeadline = drainDeadline
        self.interruption = interruption
    }

    /// The name of the environment variable holding the API key.
    public static let apiKeyVariable = "OPENFUNNEL_API_KEY"

    /// The process's own: its environment, standard output and error, and `OpenFunnelClient`.
    public static func live() -> CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment,
            makeAPI: { baseURL, apiKey in OpenFunnelClient(baseURL: baseURL, apiKey: apiKey) },
            stdout: FileDescriptorSink(fileDescriptor: 1),
            stderr: FileDescriptorSink(fileDescriptor: 2),
            stdoutIsTerminal: isatty(1) == 1,
            stderrIsTerminal: isatty(2) == 1,
            terminalWidth: Self.liveTerminalWidth())
    }

    /// The API for `baseURL`, with the key from the environment; a missing key is an error
    /// naming the variable. The key itself is never printed.
    func api(baseURL: URL) throws -> any OpenFunnelAPI {
        guard let key = environment[Self.apiKeyVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
            throw CLIFailure(
                "\(Self.apiKeyVariable) is not set: the OpenFunnel API key is read from it",
                hint: "export \(Self.apiKeyVariable)=<your API key>, then run the command again")
        }
        return makeAPI(baseURL, key)
    }

    private static func liveTerminalWidth() -> Int? {
        #if os(Linux)
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        #endif
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return nil
    }
}
