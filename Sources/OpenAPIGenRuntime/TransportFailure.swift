import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a transport error says about whether the request may be sent again.
enum TransportFailure: Equatable {
    /// The request provably never left this machine (no connection was made), so no server
    /// can have acted on it: safe to resend whatever the method.
    case notSent
    /// Possibly temporary, but the request may have reached the server: safe to resend only
    /// when the method is idempotent.
    case transient
    /// Sending again cannot help (a malformed URL, an untrusted certificate).
    case permanent

    /// Classifies `error`.
    ///
    /// `URLError` and `POSIXError` codes are sorted by what they mean. Errors of other types
    /// come from transports this module does not know, so nothing can be proved about them:
    /// they count as transient, which retries them for idempotent methods only — always safe.
    static func classify(_ error: any Error) -> TransportFailure {
        if error is RequestTimeout {
            return .transient
        }
        if let urlError = error as? URLError {
            switch urlError.code {
            case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
                return .notSent
            case .timedOut, .networkConnectionLost, .secureConnectionFailed, .badServerResponse,
                 .resourceUnavailable, .cannotLoadFromNetwork, .dataNotAllowed,
                 .internationalRoamingOff, .callIsActive:
                return .transient
            default:
                return .permanent
            }
        }
        if let posixError = error as? POSIXError {
            switch posixError.code {
            case .ECONNREFUSED:
                // Refused at connect: the server's host answered that nothing listens there.
                return .notSent
            case .ECONNRESET, .ECONNABORTED, .ETIMEDOUT, .EPIPE, .ENETDOWN, .ENETUNREACH,
                 .ENETRESET, .EHOSTDOWN, .EHOSTUNREACH, .ENOTCONN:
                return .transient
            default:
                return .permanent
            }
        }
        return .transient
    }

    /// `error` made safe to hand to callers, who log it.
    ///
    /// A `URLError` carries the failing URL in `userInfo`, and its `String(reflecting:)` prints
    /// it, query and API key included; the copy keeps only the code and the message, with any
    /// copy of the URL or its query in the message replaced too.
    static func sanitized(_ error: any Error) -> any Error {
        guard let urlError = error as? URLError else { return error }
        var userInfo: [String: Any] = [:]
        if var message = urlError.userInfo[NSLocalizedDescriptionKey] as? String {
            // Longest first, so that the whole URL goes before its query is looked for.
            let copies = [
                urlError.failingURL?.absoluteString,
                urlError.userInfo["NSErrorFailingURLStringKey"] as? String,
                urlError.failingURL?.query,
            ]
            for case let copy? in copies where !copy.isEmpty {
                message = message.replacingOccurrences(of: copy, with: LogText.redacted)
            }
            userInfo[NSLocalizedDescriptionKey] = message
        }
        return URLError(urlError.code, userInfo: userInfo)
    }

    /// A one-line description of `error` for logs, without the request URL: `URLError`'s own
    /// description includes it.
    static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError {
            return "URLError \(urlError.code.rawValue): \(urlError.localizedDescription)"
        }
        return String(describing: error)
    }
}
