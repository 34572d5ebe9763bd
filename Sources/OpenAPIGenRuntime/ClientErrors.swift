import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The typed result of one operation: generated code declares one enum per operation with a
/// case per documented response.
public protocol OperationOutput: Sendable {
    /// The HTTP status the response arrived with.
    var statusCode: Int { get }
}

/// Thrown when an operation's response is a documented error response (or an undocumented
/// one); `output` holds the decoded response.
///
/// The description names only the operation and status: request data, and so the API key,
/// must never appear in an error, which ends up in logs and crash reports.
public struct OperationError<Output: OperationOutput>: Error, CustomStringConvertible {
    /// The `operationId` of the operation that failed.
    public let operationID: String
    /// The decoded response.
    public let output: Output

    /// Creates an error for `output`, returned by operation `operationID`.
    public init(operationID: String, output: Output) {
        self.operationID = operationID
        self.output = output
    }

    /// The HTTP status of the response.
    public var statusCode: Int { output.statusCode }

    /// `` `listRows` returned HTTP 404 ``.
    public var description: String {
        "`\(operationID)` returned HTTP \(statusCode)"
    }
}

/// A failure of a generated client other than an error response from the API.
public enum ClientError: Error, CustomStringConvertible {
    /// The input broke the schema's constraints, so the request was not sent.
    case invalidInput(operationID: String, ValidationFailure)
    /// The response body did not match the documented schema. `underlying` is a short
    /// description with its coding path, as ``describe(_:)`` writes it.
    case undecodableResponse(operationID: String, status: Int, contentType: String?, underlying: String)
    /// The transport failed before a response arrived.
    case transport(operationID: String, underlying: any Error)

    /// One line (more for invalid input: one per issue, quoting the rejected value). Headers,
    /// credentials and bodies never appear.
    public var description: String {
        switch self {
        case .invalidInput(let operationID, let error):
            let issues = error.issues.map { "  \($0)" }.joined(separator: "\n")
            return "`\(operationID)` was not sent, its input is invalid:\n\(issues)"
        case .undecodableResponse(let operationID, let status, let contentType, let underlying):
            let type = contentType.map { " (\($0))" } ?? ""
            return "`\(operationID)` returned HTTP \(status)\(type) with a body that could not be decoded: \(underlying)"
        case .transport(let operationID, let underlying):
            return "`\(operationID)` failed: \(Self.describeTransport(underlying))"
        }
    }

    /// `error` as `path: problem`, for example
    /// `rows[0].employee_count: expected Int, found String`.
    ///
    /// The default description of a `DecodingError` is a long dump of coding keys; this keeps
    /// what a reader needs to find the offending value in the document.
    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            let found = foundKind(in: context.debugDescription)
            let problem = found.map { "expected \(type), found \($0)" }
                ?? "expected \(type): \(context.debugDescription)"
            return located(problem, at: context.codingPath)
        case .valueNotFound(let type, let context):
            return located("expected \(type), found null", at: context.codingPath)
        case .keyNotFound(let key, let context):
            return located("required value is missing", at: context.codingPath + [key])
        case .dataCorrupted(let context):
            return located(context.debugDescription, at: context.codingPath)
        @unknown default:
            return String(describing: error)
        }
    }

    /// `problem` prefixed with the dotted form of `codingPath`, if there is one.
    private static func located(_ problem: String, at codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return path.isEmpty ? problem : "\(path): \(problem)"
    }

    /// The JSON kind named in a type-mismatch description.
    ///
    /// `DecodingError` records only the expected type; Foundation's decoders name the kind
    /// they found in prose ("Expected to decode Int but found a string instead."), so it is
    /// read back from there and spelled as a type. Returns `nil` for other wording.
    private static func foundKind(in description: String) -> String? {
        guard let start = description.range(of: "but found ")?.upperBound else { return nil }
        var words = description[start...].split(separator: " ")
        if let first = words.first, first == "a" || first == "an" {
            words.removeFirst()
        }
        guard let word = words.first?.trimmingCharacters(in: .punctuationCharacters) else {
            return nil
        }
        switch word {
        case "string": return "String"
        case "number": return "Number"
        case "bool", "boolean": return "Bool"
        case "dictionary", "object": return "Object"
        case "array": return "Array"
        case "null": return "null"
        default: return word
        }
    }

    /// A transport error without the request URL.
    ///
    /// `URLError`'s default description includes the failing URL, whose query may carry an API
    /// key, so only its code and message are kept.
    private static func describeTransport(_ error: any Error) -> String {
        if error is CancellationError {
            return "cancelled"
        }
        if let urlError = error as? URLError {
            return "URLError \(urlError.code.rawValue): \(urlError.localizedDescription)"
        }
        return String(describing: error)
    }
}
