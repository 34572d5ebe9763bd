import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `openfunnel` executable run as a child process, as a user runs it: real signals,
/// real standard output and error.
final class CLIProcess: @unchecked Sendable {
    let stdout = MemorySink()
    let stderr = MemorySink()
    private let process = Process()
    private let errorPipe = Pipe()
    /// Standard output, when the test reads it itself (to close it early, say).
    let outputPipe = Pipe()

    /// `readsStdout: false` leaves standard output to the test, through ``outputPipe``.
    init(_ arguments: [String], readsStdout: Bool = true) throws {
        process.executableURL = try Self.binary()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENFUNNEL_API_KEY"] = "signal-key"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        let stderr = self.stderr
        errorPipe.fileHandleForReading.readabilityHandler = { handle in try? stderr.write(handle.availableData) }
        if readsStdout {
            let stdout = self.stdout
            outputPipe.fileHandleForReading.readabilityHandler = { handle in try? stdout.write(handle.availableData) }
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// The exit status once the process has ended, or nil if it runs past `timeout` (it is then
    /// killed). Whatever it wrote is in ``stdout`` and ``stderr`` by then.
    func exitStatus(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        // The pipes' last bytes may still be on their way through the handlers.
        for handle in [errorPipe.fileHandleForReading, outputPipe.fileHandleForReading] {
            handle.readabilityHandler = nil
        }
        try? stderr.write(errorPipe.fileHandleForReading.readDataToEndOfFile())
        if !readsNothingMore { try? stdout.write(outputPipe.fileHandleForReading.readDataToEndOfFile()) }
        return process.terminationStatus
    }

    /// Set once the test has closed standard output.
    var readsNothingMore = false

    /// Waits for the first bytes on standard output, then closes it: `openfunnel … | head -1`.
    /// The read blocks, so it runs on a thread of its own, not on one the other tests' tasks need.
    func closeStdoutAfterFirstRead() async throws {
        let handle = outputPipe.fileHandleForReading
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = handle.availableData
                continuation.resume()
            }
        }
        readsNothingMore = true
        try handle.close()
    }

    /// The `openfunnel` executable next to the test bundle: SwiftPM builds every product of the
    /// package into the same folder before it runs the tests.
    static func binary() throws -> URL {
        let folders = ([Bundle.main.executableURL] + Bundle.allBundles.map(\.bundleURL))
            .compactMap { $0?.deletingLastPathComponent() }
        for folder in folders {
            let candidate = folder.appendingPathComponent("openfunnel")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CLIProcessError(message: "no openfunnel executable beside the tests in \(folders.map(\.path)); run `swift build --product openfunnel`")
    }
}

struct CLIProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
