import ArgumentParser
import Foundation
import OpenFunnel
import OpenFunnelJobs

/// `openfunnel status JOB`: one poll of a job, printed as `field: value` lines.
public struct StatusCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a job's status, progress and, once it has finished, its summary.")

    @OptionGroup public var job: JobOptions
    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        try await run(context: .live())
    }

    public func run(context: CLIContext) async throws {
        do {
            let jobs = SearchJobs(api: try context.api(baseURL: connection.baseURL), polling: context.polling)
            switch job.kind {
            case .lookalike: try await Self.show(jobs.lookalikeJob(id: job.jobID), to: context.stdout)
            case .techIntent: try await Self.show(jobs.techIntentJob(id: job.jobID), to: context.stdout)
            }
        } catch {
            throw ErrorReporter.report(error, to: context.stderr)
        }
    }

    static func show<Kind: CLIJobKind>(_ job: SearchJob<Kind>, to sink: any ByteSink) async throws {
        let page = try await job.poll()
        var fields: [(String, String?)] = [
            ("job_id", page.jobID), ("kind", Kind.cliKind.rawValue), ("status", page.status.description),
            ("processed", page.processed.map(String.init)), ("progress_message", page.progressMessage),
            ("error_message", page.errorMessage),
        ]
        if let manifest = page.manifest { fields += Kind.manifestFields(manifest) }
        let shown = fields.compactMap { name, value in value.map { (name, $0) } }
        let width = (shown.map(\.0.count).max() ?? 0) + 1
        for (name, value) in shown {
            sink.line((name + ":").padding(toLength: width, withPad: " ", startingAt: 0) + " " + value)
        }
    }
}

/// `openfunnel rows JOB`: writes the rows of a job submitted earlier.
public struct RowsCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "rows",
        abstract: "Write the rows of a job submitted earlier.",
        discussion: """
            Writes every row of the job, as they are delivered while it runs (--no-stream waits \
            for it to finish). --skip leaves out the rows an interrupted run already wrote: an \
            interrupted search prints the exact command. Ctrl-C cancels a lookalike job that is \
            still running and writes the rows it delivered (see `openfunnel lookalikes --help`).
            """)

    @OptionGroup public var job: JobOptions

    @Option(help: ArgumentHelp("Leave out the first n rows (those an interrupted run already wrote).", valueName: "n"))
    public var skip: Int = 0
    @OptionGroup public var outputOptions: OutputOptions
    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        let command = self
        try await InterruptMonitor.handlingInterrupts { try await command.run(context: $0) }
    }

    public func validate() throws {
        if skip < 0 { throw ValidationError("--skip must be 0 or more, not \(skip)") }
    }

    public func run(context: CLIContext) async throws {
        do {
            let jobs = SearchJobs(api: try context.api(baseURL: connection.baseURL), polling: context.polling)
            let output = try outputOptions.openOutput(context)
            let format = outputOptions.resolvedFormat(context)
            let id = job.jobID
            switch job.kind {
            case .lookalike:
                let session = JobSession<LookalikeSearch>(
                    format: format, streaming: outputOptions.stream, output: output, context: context, baseURL: connection.baseURL, skip: skip)
                try await session.run(announce: false) { jobs.lookalikeJob(id: id) }
            case .techIntent:
                let session = JobSession<TechIntentSearch>(
                    format: format, streaming: outputOptions.stream, output: output, context: context, baseURL: connection.baseURL, skip: skip)
                try await session.run(announce: false) { jobs.techIntentJob(id: id) }
            }
        } catch {
            throw ErrorReporter.report(error, to: context.stderr)
        }
    }
}

/// `openfunnel cancel JOB`: stops a running lookalike job.
public struct CancelCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a running lookalike job; you pay only for the rows it has delivered.",
        discussion: "Tech-intent jobs cannot be cancelled: the API has no operation for it.")

    @OptionGroup public var job: JobOptions
    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        try await run(context: .live())
    }

    public func run(context: CLIContext) async throws {
        do {
            guard job.kind == .lookalike else {
                throw CLIFailure(
                    "the OpenFunnel API has no cancel operation for tech-intent jobs; job \(job.jobID) runs until it completes",
                    hint: "see where it is with: openfunnel status \(job.jobID) --kind tech-intent")
            }
            let jobs = SearchJobs(api: try context.api(baseURL: connection.baseURL), polling: context.polling)
            let status = try await jobs.lookalikeJob(id: job.jobID).cancel()
            context.stdout.line("job \(job.jobID): \(status)")
            context.stderr.line("note: the job stops at its next checkpoint; its delivered rows stay readable: openfunnel rows \(job.jobID)")
        } catch {
            throw ErrorReporter.report(error, to: context.stderr)
        }
    }
}
