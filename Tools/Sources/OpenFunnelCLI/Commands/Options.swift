import ArgumentParser
import Foundation
import OpenFunnel

extension OutputFormat: ExpressibleByArgument {}

/// `--base-url`, shared by every command.
public struct ConnectionOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The API to call (default: \(Servers.server1.absoluteString)).", valueName: "url"),
        transform: ConnectionOptions.parseBaseURL)
    public var baseURL: URL = Servers.server1

    public init() {}

    static func parseBaseURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil
        else {
            throw ValidationError("expected an http or https URL, such as \(Servers.server1.absoluteString)")
        }
        return url
    }
}

/// `--format`, `--output` and `--stream`, for the commands that write rows.
public struct OutputOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp(
        "How to write rows.",
        discussion: "Default: the format a --output name ends in (.csv, .jsonl), else table on a terminal, else jsonl.",
        valueName: "format"))
    public var format: OutputFormat?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "Write rows to this file instead of standard output.",
        discussion: "Written under a temporary name and moved into place when the run ends.",
        valueName: "file"))
    public var output: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Write rows as the job delivers them, page by page (the default).",
        discussion: "--no-stream waits for the job to finish, then reads its pages several at a time."))
    public var stream = true

    public init() {}

    /// The format to write in: `--format`, else the one the file name implies, else table for a
    /// terminal and JSON lines for anything else.
    func resolvedFormat(_ context: CLIContext) -> OutputFormat {
        if let format { return format }
        if let output, output != "-", let inferred = OutputFormat.inferred(fromPath: output) { return inferred }
        let toStdout = output == nil || output == "-"
        return toStdout && context.stdoutIsTerminal ? .table : .jsonl
    }

    /// Rows go out one by one when streaming (so that they reach the file or pipe as they are
    /// delivered) or when someone is watching a terminal.
    func openOutput(_ context: CLIContext) throws -> RowOutput {
        let toStdout = output == nil || output == "-"
        return try RowOutput(path: output, stdout: context.stdout, flushEachWrite: stream || (toStdout && context.stdoutIsTerminal))
    }
}

/// The kinds of job the API runs.
public enum JobKind: String, CaseIterable, Sendable, ExpressibleByArgument {
    case lookalike
    case techIntent = "tech-intent"
}

/// The job id and kind, for `status`, `rows` and `cancel`.
public struct JobOptions: ParsableArguments, Sendable {
    @Argument(help: ArgumentHelp("The job's id, as printed when it was submitted.", valueName: "job-id"))
    public var jobID: String

    @Option(help: "The kind of job.")
    public var kind: JobKind = .lookalike

    public init() {}
}

/// A `--funding-stage` value: one of the spec's labels. Matching ignores case, and `-`, `_` and
/// spaces are interchangeable, so `series-a` is `Series A`.
public struct FundingStageArgument: ExpressibleByArgument, Sendable, Hashable {
    public let stage: BulkLookalikeSearchRequest.FundingStage

    public init(_ stage: BulkLookalikeSearchRequest.FundingStage) {
        self.stage = stage
    }

    public init?(argument: String) {
        let wanted = Self.normalized(argument)
        guard let stage = BulkLookalikeSearchRequest.FundingStage.allCases.first(where: { Self.normalized($0.rawValue) == wanted })
        else { return nil }
        self.stage = stage
    }

    public static var allValueStrings: [String] {
        BulkLookalikeSearchRequest.FundingStage.allCases.map(\.rawValue)
    }

    public var defaultValueDescription: String { stage.rawValue }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }
}

/// Refuses input that breaks the spec's constraints, before any request: prints every problem
/// as `error: <path>: <problem>`.
func refuseInvalidInput(_ problems: [String]) throws {
    if !problems.isEmpty { throw CLIFailure(messages: problems) }
}

/// `min > max` for a pair of optional bounds, in words; only when both are valid on their own
/// (a negative one is already reported).
func boundsProblem(min: Int?, max: Int?, minFlag: String, maxFlag: String) -> String? {
    guard let min, let max, min >= 0, max >= 0, min > max else { return nil }
    return "\(minFlag) (\(min)) is greater than \(maxFlag) (\(max))"
}
