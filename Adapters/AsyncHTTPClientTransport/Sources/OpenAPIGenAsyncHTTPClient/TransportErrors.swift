import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// AsyncHTTPClient's and swift-nio's errors as the `URLError`s (and `POSIXError`s) the runtime
/// sorts into "never sent", "transient" and "permanent" when it decides whether to retry
/// (`ClientCore`): the same codes `URLSessionTransport` would have thrown for the same failure,
/// so a client retries, logs and reports alike on either transport.
///
/// The message names the failure without the request's URL, which may carry an API key in its
/// query: the runtime's logs print transport errors as they are.
enum TransportErrors {
    /// `error` as a `URLError` or `POSIXError` when its meaning is known; `CancellationError`
    /// when the request was cancelled; otherwise `error` itself (the runtime counts an error it
    /// does not know as transient: retried for idempotent methods only).
    static func translate(_ error: any Error) -> any Error {
        switch error {
        case is CancellationError, is URLError, is POSIXError:
            return error
        case let error as HTTPClientError:
            return translate(error)
        case let error as NIOConnectionError:
            return translate(error)
        case let error as IOError:
            return translate(errno: error.errnoCode) ?? error
        case let error as ChannelError:
            switch error {
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed:
                return urlError(.networkConnectionLost, "the connection closed: \(error)")
            case .connectTimeout:
                return urlError(.cannotConnectToHost, "no connection within the connect timeout")
            default:
                return error
            }
        case is HTTPParserError:
            return urlError(.badServerResponse, "the response is not valid HTTP/1.1: \(error)")
        default:
            return error
        }
    }

    private static func translate(_ error: HTTPClientError) -> any Error {
        switch error {
        case .cancelled:
            return CancellationError()
        case .connectTimeout, .getConnectionFromPoolTimeout:
            // No connection was made, so the request never left: safe to resend whatever the method.
            return urlError(.cannotConnectToHost, "no connection within the connect timeout")
        case .readTimeout, .writeTimeout, .deadlineExceeded:
            return urlError(.timedOut, "AsyncHTTPClient: \(error.shortDescription)")
        case .remoteConnectionClosed:
            return urlError(.networkConnectionLost, "the server closed the connection before the response ended")
        case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath:
            return urlError(.badURL, "AsyncHTTPClient: \(error.shortDescription)")
        case .tlsHandshakeTimeout:
            return urlError(.secureConnectionFailed, "no TLS handshake within the connect timeout")
        case .bodyLengthMismatch, .contentLengthMissing, .identityCodingIncorrectlyPresent:
            return urlError(.badServerResponse, "AsyncHTTPClient: \(error.shortDescription)")
        case .alreadyShutdown:
            return urlError(.unknown, "the HTTPClient was shut down")
        default:
            return error
        }
    }

    /// A failed connection: refused (nothing listens there) or unresolvable, both before anything
    /// was sent; other causes keep their errno.
    private static func translate(_ error: NIOConnectionError) -> any Error {
        if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
            return urlError(.cannotFindHost, "the host name could not be resolved")
        }
        let codes = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
        if let code = codes.first(where: { $0 != ECONNREFUSED }) ?? codes.first, let translated = translate(errno: code) {
            return translated
        }
        return urlError(.cannotConnectToHost, "no connection could be made")
    }

    /// A refused connection as `URLSession` reports it; other codes as `POSIXError`s, which the
    /// runtime sorts by code.
    private static func translate(errno code: CInt) -> (any Error)? {
        if code == ECONNREFUSED { return urlError(.cannotConnectToHost, "the connection was refused") }
        return POSIXErrorCode(rawValue: code).map { POSIXError($0) }
    }

    private static func urlError(_ code: URLError.Code, _ message: String) -> URLError {
        URLError(code, userInfo: [NSLocalizedDescriptionKey: message])
    }
}
