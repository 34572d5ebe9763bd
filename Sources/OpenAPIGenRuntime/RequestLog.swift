import Logging

/// Text for logs and error messages, built so that secrets cannot reach it: values of
/// redacted header fields and query parameters are replaced, bodies are never read.
enum LogText {
    /// Written in place of a redacted value.
    static let redacted = "<redacted>"

    /// `0.25s`, `2s`: milliseconds at most, trailing zeros dropped.
    static func duration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = ((Double(seconds) + Double(attoseconds) / 1e18) * 1000).rounded()
        // Whole seconds are printed from the integer so that huge values (a `Retry-After`
        // of years) are not written in exponent notation.
        if attoseconds == 0 || milliseconds.truncatingRemainder(dividingBy: 1000) == 0 {
            return "\(attoseconds == 0 ? seconds : Int64(milliseconds / 1000))s"
        }
        return "\(milliseconds / 1000)s"
    }

    /// `GET /rows?limit=10&api_key=<redacted>`: method, path and query, with the values of
    /// query parameters named in `redacted` replaced. Names and values are percent-encoded as
    /// in the URL, which also keeps line breaks in a value from forging log lines.
    static func target(of request: HTTPRequest, redacting redacted: Set<String>) -> String {
        var text = "\(request.method) \(request.path)"
        if !request.query.isEmpty {
            let items = request.query.map { item in
                let value = redacted.contains(item.name.lowercased())
                    ? Self.redacted
                    : PercentEncoding.encode(item.value, allowing: PercentEncoding.isUnreserved)
                return PercentEncoding.encode(item.name, allowing: PercentEncoding.isUnreserved) + "=" + value
            }
            text += "?" + items.joined(separator: "&")
        }
        return text
    }

    /// `Accept: application/json, X-API-Key: <redacted>`: the header fields in order, values of
    /// fields named in `redacted` replaced.
    static func headers(of request: HTTPRequest, redacting redacted: Set<String>) -> String {
        request.headers.map { field in
            let value = redacted.contains(field.name.lowercased()) ? Self.redacted : field.value
            return "\(field.name): \(value)"
        }.joined(separator: ", ")
    }
}

/// The log lines of one ``ClientCore/send(_:operationID:)`` call.
///
/// Every line starts with the request's redacted target so that lines of concurrent requests
/// can be told apart, and carries the operation ID as `operation` metadata for filtering.
struct RequestLog {
    private let logger: Logger?
    private let target: String
    private let headers: String
    private let metadata: Logger.Metadata
    private let maxAttempts: Int

    /// Prepares the lines for `request`; with no `logger` nothing is computed or logged.
    init(logger: Logger?, request: HTTPRequest, operationID: String, redacting names: Set<String>, maxAttempts: Int) {
        self.logger = logger
        self.maxAttempts = maxAttempts
        self.metadata = ["operation": .string(operationID)]
        if logger != nil {
            // Lower-cased once here so that each comparison is a plain set lookup.
            let redacted = Set(names.map { $0.lowercased() })
            target = LogText.target(of: request, redacting: redacted)
            headers = LogText.headers(of: request, redacting: redacted)
        } else {
            target = ""
            headers = ""
        }
    }

    /// `.debug` before each attempt (`POST /jobs attempt 2/4`), and before the first the
    /// header fields at `.trace`; they are the same for every attempt.
    func attempt(_ number: Int) {
        logger?.debug("\(target) attempt \(number)/\(maxAttempts)", metadata: metadata)
        if number == 1 {
            logger?.trace("\(target) header fields: \(headers)", metadata: metadata)
        }
    }

    /// `.info` when attempt `number` failed for `reason` and is retried after `delay`.
    func retry(after number: Int, reason: String, delay: Duration) {
        logger?.info(
            "\(target) attempt \(number)/\(maxAttempts) failed (\(reason)); retrying in \(LogText.duration(delay))",
            metadata: metadata)
    }

    /// `.warning` when attempt `number` failed for `reason` and is not retried, because of `why`.
    func givingUp(after number: Int, reason: String, why: String) {
        logger?.warning(
            "\(target) attempt \(number)/\(maxAttempts) failed (\(reason)); giving up: \(why)",
            metadata: metadata)
    }
}
