import ArgumentParser
import Foundation
import OpenFunnel
import OpenFunnelJobs

/// An error the CLI words itself: printed as `error: <message>`, then any hints as
/// `hint: <hint>`.
public struct CLIFailure: Error, CustomStringConvertible, Sendable {
    public var messages: [String]
    public var hints: [String]

    public init(_ message: String, hint: String? = nil) {
        self.messages = [message]
        self.hints = hint.map { [$0] } ?? []
    }

    public init(messages: [String], hints: [String] = []) {
        self.messages = messages
        self.hints = hints
    }

    public var description: String { messages.joined(separator: "\n") }
}

/// Turns errors into what the user reads and the exit code.
enum ErrorReporter {
    /// Prints `error` to `stderr` and returns the exit code to end with: 1 for failures, 130 for
    /// an interrupt; `ExitCode` passes through (whoever threw it has printed already).
    static func report(_ error: any Error, to stderr: any ByteSink) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        if error is CancellationError { return ExitCode(130) }
        let failure = describe(error)
        for message in failure.messages { stderr.line("error: \(message)") }
        for hint in failure.hints { stderr.line("hint: \(hint)") }
        return .failure
    }

    /// The words for `error`.
    static func describe(_ error: any Error) -> CLIFailure {
        switch error {
        case let failure as CLIFailure:
            return failure
        case let failure as any DescribedOperationError:
            let name = operationName(failure.operationID)
            let detail = failure.detail.map { ": \($0)" } ?? ""
            return CLIFailure("\(name): HTTP \(failure.statusCode)\(detail)", hint: hint(forStatus: failure.statusCode))
        case let failure as JobError:
            return CLIFailure(failure.description, hint: hint(for: failure))
        case let failure as ClientError:
            return describe(failure)
        case let failure as ValidationFailure:
            return CLIFailure(messages: failure.issues.map(\.description))
        default:
            return CLIFailure(String(describing: error))
        }
    }

    private static func describe(_ error: ClientError) -> CLIFailure {
        switch error {
        case .invalidInput(_, let failure):
            return CLIFailure(messages: failure.issues.map(\.description))
        case .transport(let operationID, _):
            return CLIFailure(shortened(error.description, operationID), hint: "check --base-url and the network connection")
        case .undecodableResponse(let operationID, _, _, _):
            return CLIFailure(shortened(error.description, operationID), hint: "check that --base-url points at the OpenFunnel API")
        }
    }

    /// The runtime's description with the spec's long operation id replaced by the method name.
    private static func shortened(_ description: String, _ operationID: String) -> String {
        description.replacingOccurrences(of: "`\(operationID)`", with: operationName(operationID))
    }

    /// `searchLookalikesBulk` for the spec's `search_lookalikes_bulk_api_v1_…`.
    static func operationName(_ operationID: String) -> String {
        operationNames[operationID] ?? operationID
    }

    private static let operationNames: [String: String] = [
        Operations.SearchLookalikesBulk.id: "searchLookalikesBulk",
        Operations.SearchLookalikesBulkStatus.id: "searchLookalikesBulkStatus",
        Operations.SearchLookalikesBulkCancel.id: "searchLookalikesBulkCancel",
        Operations.TechIntentSearchSubmit.id: "techIntentSearchSubmit",
        Operations.TechIntentSearchStatus.id: "techIntentSearchStatus",
    ]

    private static func hint(forStatus status: Int) -> String? {
        switch status {
        case 401, 403: return "the API refused the key; check \(CLIContext.apiKeyVariable)"
        case 429: return "the rate limit held after several retries; wait a minute and run the command again"
        case 503: return "the service is unavailable; try again shortly"
        default: return nil
        }
    }

    private static func hint(for error: JobError) -> String? {
        switch error {
        case .notFound: return "check the job id, the --kind (lookalike or tech-intent), and that \(CLIContext.apiKeyVariable) is the key that submitted it"
        case .deadlineExceeded(let id, _): return "the job is still running; read its rows later with: openfunnel rows \(id)"
        case .rateLimited: return "the rate limit held after several retries; wait a minute and run the command again"
        default: return nil
        }
    }
}

/// An `OperationError` whose response the CLI can put in words.
protocol DescribedOperationError: Error {
    var operationID: String { get }
    var statusCode: Int { get }
    /// What the response says went wrong, when it says.
    var detail: String? { get }
}

/// An operation's output that can say what went wrong.
protocol OutputDetail {
    var detail: String? { get }
}

extension OperationError: DescribedOperationError where Output: OutputDetail {
    var detail: String? { output.detail }
}

extension Operations.SearchLookalikesBulk.Output: OutputDetail {
    var detail: String? {
        switch self {
        case .ok: return nil
        case .unprocessableContent(let body, _): return OutputDetails.validation(body)
        case .tooManyRequests: return OutputDetails.rateLimited
        case .serviceUnavailable(let body, _): return body.detail ?? OutputDetails.unavailable
        case .undocumented(_, let response): return OutputDetails.body(response)
        }
    }
}

extension Operations.SearchLookalikesBulkStatus.Output: OutputDetail {
    var detail: String? {
        switch self {
        case .ok: return nil
        case .notFound: return OutputDetails.jobNotFound
        case .unprocessableContent(let body, _): return OutputDetails.validation(body)
        case .undocumented(_, let response): return OutputDetails.body(response)
        }
    }
}

extension Operations.SearchLookalikesBulkCancel.Output: OutputDetail {
    var detail: String? {
        switch self {
        case .ok: return nil
        case .notFound: return OutputDetails.jobNotFound
        case .conflict: return "the job has already finished"
        case .unprocessableContent(let body, _): return OutputDetails.validation(body)
        case .undocumented(_, let response): return OutputDetails.body(response)
        }
    }
}

extension Operations.TechIntentSearchSubmit.Output: OutputDetail {
    var detail: String? {
        switch self {
        case .ok: return nil
        case .badRequest:
            return "unknown hq_country_code, min_employee_count greater than max_employee_count, or not enough credits for the requested limit"
        case .unprocessableContent(let body, _): return OutputDetails.validation(body)
        case .tooManyRequests: return OutputDetails.rateLimited
        case .serviceUnavailable(let body, _): return body.detail ?? OutputDetails.unavailable
        case .undocumented(_, let response): return OutputDetails.body(response)
        }
    }
}

extension Operations.TechIntentSearchStatus.Output: OutputDetail {
    var detail: String? {
        switch self {
        case .ok: return nil
        case .notFound: return OutputDetails.jobNotFound
        case .unprocessableContent(let body, _): return OutputDetails.validation(body)
        case .undocumented(_, let response): return OutputDetails.body(response)
        }
    }
}

enum OutputDetails {
    static let rateLimited = "rate limit reached for this API key"
    static let unavailable = "temporarily unavailable"
    static let jobNotFound = "job not found for this API key"

    /// `limit: Input should be less than or equal to 10000; …` from a 422 body.
    static func validation(_ body: HTTPValidationError) -> String? {
        guard let items = body.detail, !items.isEmpty else { return nil }
        return items.map { item in
            let path = item.loc.compactMap { part -> String? in
                switch part {
                case .string("body"): return nil
                case .string(let name): return name
                case .integer(let index): return "[\(index)]"
                }
            }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
            return path.isEmpty ? item.msg : "\(path): \(item.msg)"
        }
        .joined(separator: "; ")
    }

    /// An undocumented response's body, when it is short text: a JSON `detail` string, or the
    /// text itself on one line.
    static func body(_ response: HTTPResponse) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
           let detail = object["detail"] as? String
        {
            return oneLine(detail)
        }
        guard let text = String(data: response.body, encoding: .utf8) else { return nil }
        return oneLine(text)
    }

    private static func oneLine(_ text: String) -> String? {
        let collapsed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard !collapsed.isEmpty else { return nil }
        return collapsed.count > 300 ? String(collapsed.prefix(299)) + "…" : collapsed
    }
}
