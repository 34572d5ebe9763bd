import Foundation
import Logging

/// The plumbing every generated operation shares: where requests go, how they travel, and how
/// failures are reported. Generated clients hold one; behaviour added here (retries, logging)
/// reaches every generated client without regenerating.
public struct ClientCore: Sendable {
    /// Joined with each operation's path.
    public var baseURL: URL
    /// Sends each attempt.
    public var transport: any HTTPTransport
    /// Retries, per-attempt timeout, logging and redaction.
    public var options: ClientOptions

    /// Creates the plumbing for one server.
    ///
    /// `options` defaults to ``ClientOptions/init(retry:logger:redactedHeaders:requestTimeout:validateResponses:)``
    /// with its defaults, so clients generated before options existed also retry rate-limited
    /// requests.
    public init(baseURL: URL, transport: any HTTPTransport, options: ClientOptions = ClientOptions()) {
        self.baseURL = baseURL
        self.transport = transport
        self.options = options
    }

    /// Throws ``ClientError/invalidInput(operationID:_:)`` listing every broken constraint, so a
    /// bad request never reaches the network (nor spends the caller's credits).
    public func validate(_ input: some Validatable, operationID: String) throws {
        let issues = input.validationIssues
        if !issues.isEmpty {
            throw ClientError.invalidInput(operationID: operationID, ValidationFailure(issues: issues))
        }
    }

    /// Encodes a JSON request body.
    public func encodeJSON(_ value: some Encodable, operationID: String) throws -> Data {
        try JSONCoding.encode(value)
    }

    /// Sends a request, retrying as ``ClientOptions/retry`` allows, and returns the last
    /// response: a retryable status (429, 503) that outlasted the retries is returned, not
    /// thrown, so generated code maps it to its documented case.
    ///
    /// Transport failures become ``ClientError/transport(operationID:underlying:)`` (a timed-out
    /// attempt's underlying error is ``RequestTimeout``), except cancellation, which callers
    /// expect to see as it is: a cancelled task gets `CancellationError`, whether it was
    /// cancelled during an attempt or while waiting between attempts. A ``ClientError`` thrown
    /// by the transport is passed on unchanged and not retried.
    public func send(_ request: HTTPRequest, operationID: String) async throws -> HTTPResponse {
        try await exchange(request, upload: nil, streaming: false, operationID: operationID).response
    }

    /// Sends a request like ``send(_:operationID:)`` but returns once the response head arrives,
    /// with the body read as it arrives: what operations with streamed responses (binary,
    /// `text/event-stream`, JSON Lines, JSON text sequences) or streamed uploads use.
    ///
    /// Retries cover the head only; an `upload` that is not buffered can be sent once, so a
    /// request carrying one is never retried.
    public func stream(_ request: HTTPRequest, upload: HTTPBody? = nil, operationID: String) async throws -> (response: HTTPResponse, body: HTTPBody) {
        let result = try await exchange(request, upload: upload, streaming: true, operationID: operationID)
        return (result.response, result.body ?? HTTPBody(result.response.body))
    }

    /// Reads a streamed response's whole body into `response.body`, for the documented cases
    /// whose content is decoded at once (JSON, text, forms).
    public func buffer(_ response: HTTPResponse, _ body: HTTPBody) async throws -> HTTPResponse {
        var response = response
        response.body = try await body.collect(upTo: Int.max)
        return response
    }

    private func exchange(_ request: HTTPRequest, upload: HTTPBody?, streaming: Bool, operationID: String) async throws
        -> (response: HTTPResponse, body: HTTPBody?)
    {
        let policy = options.retry
        let maxAttempts = upload != nil && upload?.bufferedData == nil ? 1 : max(1, policy.maxAttempts)
        let idempotent = RetryPolicy.isIdempotent(request.method)
        let log = RequestLog(
            logger: options.logger, request: request, operationID: operationID,
            redacting: options.redactedHeaders, maxAttempts: maxAttempts)
        var waited = Duration.zero
        var attempt = 1
        while true {
            // Checked before every attempt, so a task cancelled while an earlier attempt was
            // answered (or before the first) sends nothing more.
            try Task.checkCancellation()
            log.attempt(attempt)

            let outcome: Result<(response: HTTPResponse, body: HTTPBody?), any Error>
            do {
                outcome = .success(try await sendAttempt(request, upload: upload, streaming: streaming))
            } catch let error as CancellationError {
                throw error
            } catch let error as ClientError {
                throw error
            } catch {
                // A transport cancelled with the task throws its own error (`URLError.cancelled`).
                if Task.isCancelled { throw CancellationError() }
                // Sanitized at once, so that neither the log lines below nor the error thrown
                // can show the URL a `URLError` carries.
                outcome = .failure(TransportFailure.sanitized(error))
            }

            // Whether another attempt could succeed, and after how long.
            let reason: String
            var delay = Duration.zero
            var stop: String?
            switch outcome {
            case .success(let result):
                let response = result.response
                guard policy.retries(status: response.status, idempotent: idempotent) else {
                    return result
                }
                reason = "HTTP \(response.status)"
                delay = policy.delay(beforeRetry: attempt, after: response)
            case .failure(let error):
                reason = TransportFailure.describe(error)
                switch TransportFailure.classify(error) {
                case .permanent:
                    stop = "the error is not temporary"
                case .transient where !idempotent:
                    // The request may have reached the server, which may have acted on it;
                    // resending a non-idempotent request could do the work (and bill it) twice.
                    stop = "\(request.method) is not idempotent and may have reached the server"
                case .transient, .notSent:
                    delay = policy.backoff(beforeRetry: attempt)
                }
            }
            if stop == nil, attempt >= maxAttempts {
                stop = "no attempts left"
            }
            if stop == nil, waited + delay > policy.maxTotalDelay {
                stop = "waiting \(LogText.duration(delay)) more would exceed the "
                    + "\(LogText.duration(policy.maxTotalDelay)) retry budget"
            }
            if let stop {
                // With retries switched off there is nothing to give up on, and the caller
                // sees the outcome anyway.
                if maxAttempts > 1 {
                    log.givingUp(after: attempt, reason: reason, why: stop)
                }
                return try finish(outcome, operationID: operationID)
            }

            log.retry(after: attempt, reason: reason, delay: delay)
            // Throws `CancellationError` as soon as the task is cancelled, which ends the loop.
            try await policy.sleep(delay)
            waited += delay
            attempt += 1
        }
    }

    /// One attempt, limited to ``ClientOptions/requestTimeout`` when there is one.
    ///
    /// The limit is a race in a task group rather than a transport setting so that it holds for
    /// every transport. When the timer wins, leaving the group cancels the attempt and waits for
    /// it to end, so no attempt outlives `send`; a transport that ignores cancellation therefore
    /// delays the timeout until it returns.
    private func sendAttempt(_ request: HTTPRequest, upload: HTTPBody?, streaming: Bool) async throws
        -> (response: HTTPResponse, body: HTTPBody?)
    {
        let transport = transport
        let baseURL = baseURL
        @Sendable func attempt() async throws -> (response: HTTPResponse, body: HTTPBody?) {
            if streaming {
                let (head, body) = try await transport.stream(request, body: upload, baseURL: baseURL)
                return (head, body)
            }
            return (try await transport.send(request, baseURL: baseURL), nil)
        }
        guard let timeout = options.requestTimeout else {
            return try await attempt()
        }
        // For a stream the limit covers the head: the body may take as long as it takes.
        return try await withThrowingTaskGroup(of: (response: HTTPResponse, body: HTTPBody?).self) { group in
            group.addTask {
                try await attempt()
            }
            group.addTask {
                // Real time, not `RetryPolicy.sleep`: that one is replaced in tests to skip
                // waits, which would make every attempt time out at once.
                try await Task.sleep(for: timeout)
                throw RequestTimeout(timeout: timeout)
            }
            defer { group.cancelAll() }
            // The first child to finish decides; the timer never returns a value.
            guard let response = try await group.next() else {
                preconditionFailure("the group holds two tasks")
            }
            return response
        }
    }

    /// The final outcome of `send`: the response, or the error as callers see it.
    private func finish(_ outcome: Result<(response: HTTPResponse, body: HTTPBody?), any Error>, operationID: String) throws
        -> (response: HTTPResponse, body: HTTPBody?)
    {
        switch outcome {
        case .success(let result):
            return result
        case .failure(let error):
            throw ClientError.transport(operationID: operationID, underlying: error)
        }
    }

    /// Decodes a JSON response body; a body that doesn't match the schema becomes
    /// ``ClientError/undecodableResponse(operationID:status:contentType:underlying:)`` naming
    /// where in the document it went wrong.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from response: HTTPResponse, operationID: String) throws -> T {
        do {
            let value = try JSONCoding.decode(type, from: response.body)
            if options.validateResponses { try validateResponse(value, response, operationID: operationID) }
            return value
        } catch let error as DecodingError {
            throw ClientError.undecodableResponse(
                operationID: operationID, status: response.status,
                contentType: response.headers["Content-Type"], underlying: ClientError.describe(error))
        }
    }
}
