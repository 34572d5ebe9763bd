import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Testing
@testable import OpenAPIGenRuntime

// A hand-written stand-in for a generated operation pair, calling `ClientCore` exactly as
// generated code does, so that the redaction test covers a whole request.

private struct NewRow: Encodable, Validatable {
    var note: String

    func validate(into validator: inout Validator) {
        validator.length(note, min: 1, at: "note")
    }
}

private struct StoredRow: Decodable {
    var id: Int
}

private enum RowsOutput: OperationOutput {
    case ok(StoredRow)
    case tooManyRequests
    case undocumented(Int)

    var statusCode: Int {
        switch self {
        case .ok: 200
        case .tooManyRequests: 429
        case .undocumented(let status): status
        }
    }
}

private func listRows(_ core: ClientCore, apiKey: String) async throws -> RowsOutput {
    var request = HTTPRequest(method: "GET", path: "/rows")
    request.query.append(QueryItem(name: "limit", value: "10"))
    request.query.append(QueryItem(name: "Api_Key", value: apiKey))
    request.headers.append("X-API-Key", apiKey)
    request.headers.append("Accept", "application/json")
    let response = try await core.send(request, operationID: "listRows")
    switch response.status {
    case 200: return .ok(try core.decodeJSON(StoredRow.self, from: response, operationID: "listRows"))
    case 429: throw OperationError(operationID: "listRows", output: RowsOutput.tooManyRequests)
    default: return .undocumented(response.status)
    }
}

private func createRow(_ core: ClientCore, apiKey: String, note: String) async throws -> RowsOutput {
    let input = NewRow(note: note)
    try core.validate(input, operationID: "createRow")
    var request = HTTPRequest(method: "POST", path: "/rows")
    request.query.append(QueryItem(name: "API_KEY", value: apiKey))
    request.headers.append("Authorization", "Bearer " + apiKey)
    request.headers.append("Cookie", "session=" + apiKey)
    request.headers.append("Content-Type", "application/json")
    request.body = try core.encodeJSON(input, operationID: "createRow")
    let response = try await core.send(request, operationID: "createRow")
    switch response.status {
    case 200: return .ok(try core.decodeJSON(StoredRow.self, from: response, operationID: "createRow"))
    case 429: throw OperationError(operationID: "createRow", output: RowsOutput.tooManyRequests)
    default: return .undocumented(response.status)
    }
}

@Suite struct RetryLoggingTests {
    @Test func secretsNeverReachLogsOrErrors() async throws {
        let secret = "sk_live_51HxSECRETkey"
        // What URLSession puts in its errors: the failing URL, query (and key) included; the
        // message repeats it, as a careless transport's might.
        let failingURL = try #require(URL(string: "https://api.example.com/v1/rows?limit=10&Api_Key=\(secret)"))
        func leaky(_ code: URLError.Code) -> URLError {
            URLError(code, userInfo: [
                NSURLErrorFailingURLErrorKey: failingURL, NSLocalizedDescriptionKey: "failed: \(failingURL)",
            ])
        }
        let transport = ScriptedTransport(
            // listRows: reset, unavailable, then rate limited until the attempts run out.
            .fail(leaky(.networkConnectionLost)), .respond(response(503)),
            .respond(response(429, [("Retry-After", "1")])), .respond(response(429)),
            // listRows: times out every time.
            .fail(leaky(.timedOut)), .fail(leaky(.timedOut)), .fail(leaky(.timedOut)), .fail(leaky(.timedOut)),
            // createRow: a POST that timed out is not retried.
            .fail(leaky(.timedOut)),
            // createRow: no answer within the request timeout.
            .hang,
            // createRow: rate limited once, then created.
            .respond(response(429)), .respond(response(200, [("Content-Type", "application/json")], body: #"{"id": 1}"#)))
        let capture = LogCapture()
        let core = makeCore(
            transport, retry: .scripted(SleepRecorder()), logger: capture.logger(),
            requestTimeout: .milliseconds(200))

        var errors: [any Error] = []
        for _ in 0..<2 {
            do {
                _ = try await listRows(core, apiKey: secret)
                Issue.record("listRows should have failed")
            } catch {
                errors.append(error)
            }
        }
        for _ in 0..<2 {
            do {
                _ = try await createRow(core, apiKey: secret, note: "contains \(secret) too")
                Issue.record("createRow should have failed")
            } catch {
                errors.append(error)
            }
        }
        let created = try await createRow(core, apiKey: secret, note: secret)
        #expect(created.statusCode == 200)
        #expect(await transport.attempts == 12)

        // Every kind of error was produced…
        #expect(errors.count == 4)
        #expect(errors[0] is OperationError<RowsOutput>)
        #expect((transportUnderlying(errors[1]) as? URLError)?.code == .timedOut)
        #expect((transportUnderlying(errors[2]) as? URLError)?.code == .timedOut)
        #expect(transportUnderlying(errors[3]) is RequestTimeout)

        // …and none of them, nor anything they wrap, shows the key.
        for error in errors {
            var texts = [String(describing: error), String(reflecting: error), "\(error)"]
            if let underlying = transportUnderlying(error) {
                texts += [String(describing: underlying), String(reflecting: underlying), "\(underlying)"]
            }
            for text in texts {
                #expect(!text.contains(secret), "leaked in an error: \(text)")
            }
        }

        // The log shows every attempt, redacted, and never the key.
        let log = capture.text
        #expect(log.contains("GET /rows?limit=10&Api_Key=<redacted> attempt 1/4"))
        #expect(log.contains("POST /rows?API_KEY=<redacted> attempt 2/4"))
        #expect(log.contains("X-API-Key: <redacted>, Accept: application/json"))
        #expect(log.contains("Authorization: <redacted>, Cookie: <redacted>"))
        #expect(log.contains("no response within 0.2s"))
        #expect(!log.contains(secret), "leaked in the log:\n\(log)")
    }

    @Test func logsEachAttemptEachRetryAndGivingUp() async throws {
        let transport = ScriptedTransport(
            .respond(response(503, [("Retry-After", "1")])), .respond(response(503)),
            .respond(response(429)), .respond(response(429)))
        let capture = LogCapture()
        let core = makeCore(transport, retry: .scripted(SleepRecorder(), jitter: 0.5), logger: capture.logger())

        let result = try await core.send(HTTPRequest(method: "POST", path: "/api/v1/jobs"), operationID: "submitJob")

        #expect(result.status == 429)
        let lines = capture.entries.filter { $0.level != .trace }
        #expect(lines.map(\.level) == [.debug, .info, .debug, .info, .debug, .info, .debug, .warning])
        #expect(lines.map(\.message) == [
            "POST /api/v1/jobs attempt 1/4",
            "POST /api/v1/jobs attempt 1/4 failed (HTTP 503); retrying in 1s",
            "POST /api/v1/jobs attempt 2/4",
            "POST /api/v1/jobs attempt 2/4 failed (HTTP 503); retrying in 0.5s",
            "POST /api/v1/jobs attempt 3/4",
            "POST /api/v1/jobs attempt 3/4 failed (HTTP 429); retrying in 1s",
            "POST /api/v1/jobs attempt 4/4",
            "POST /api/v1/jobs attempt 4/4 failed (HTTP 429); giving up: no attempts left",
        ])
        #expect(capture.entries.allSatisfy { $0.metadata == "operation=submitJob" })
    }

    @Test func logsWhyATransportErrorIsNotRetried() async throws {
        let transport = ScriptedTransport(.fail(URLError(.timedOut)))
        let capture = LogCapture()
        let core = makeCore(transport, retry: .scripted(SleepRecorder()), logger: capture.logger())

        await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "submitJob")
        }

        let warnings = capture.entries.filter { $0.level == .warning }.map(\.message)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("POST /jobs attempt 1/4 failed (URLError -1001: ") == true)
        #expect(warnings.first?.hasSuffix("giving up: POST is not idempotent and may have reached the server") == true)
    }

    @Test func withRetriesOffNothingIsGivenUp() async throws {
        let transport = ScriptedTransport(.respond(response(429)), .fail(URLError(.timedOut)))
        let capture = LogCapture()
        let core = makeCore(transport, retry: .none, logger: capture.logger())

        _ = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
        await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(method: "POST", path: "/rows"), operationID: "createRow")
        }

        #expect(capture.entries.filter { $0.level == .debug }.map(\.message) == [
            "GET /rows attempt 1/1", "POST /rows attempt 1/1",
        ])
        #expect(capture.entries.allSatisfy { $0.level <= .debug })
    }

    @Test func logsTheBudgetWhenItRunsOut() async throws {
        let transport = ScriptedTransport(.respond(response(429, [("Retry-After", "15")])), .respond(response(429, [("Retry-After", "15")])))
        let capture = LogCapture()
        let core = makeCore(
            transport, retry: .scripted(SleepRecorder()) { $0.maxTotalDelay = .seconds(20) }, logger: capture.logger())

        _ = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        #expect(capture.entries.last?.level == .warning)
        #expect(capture.entries.last?.message
            == "GET /rows attempt 2/4 failed (HTTP 429); giving up: waiting 15s more would exceed the 20s retry budget")
    }

    @Test func redactsNamesWithoutRegardToCase() {
        let request = HTTPRequest(
            method: "DELETE", path: "/rows/7",
            query: [QueryItem(name: "TOKEN", value: "t"), QueryItem(name: "q", value: "a b\nc")],
            headers: HTTPFields([("authorization", "Bearer t"), ("x-custom", "visible")]))
        let names: Set<String> = ["token", "authorization"]
        #expect(LogText.target(of: request, redacting: names) == "DELETE /rows/7?TOKEN=<redacted>&q=a%20b%0Ac")
        #expect(LogText.headers(of: request, redacting: names) == "authorization: <redacted>, x-custom: visible")
    }

    @Test func formatsDurations() {
        #expect(LogText.duration(.seconds(2)) == "2s")
        #expect(LogText.duration(.milliseconds(250)) == "0.25s")
        #expect(LogText.duration(.milliseconds(1500)) == "1.5s")
        #expect(LogText.duration(.milliseconds(50)) == "0.05s")
        #expect(LogText.duration(.zero) == "0s")
        #expect(LogText.duration(.seconds(Int64.max)) == "\(Int64.max)s")
    }

    @Test func sanitizedURLErrorsKeepCodeAndMessageOnly() throws {
        let url = try #require(URL(string: "https://h/rows?api_key=SECRET"))
        let original = URLError(.timedOut, userInfo: [
            NSURLErrorFailingURLErrorKey: url, NSLocalizedDescriptionKey: "The request timed out.",
        ])
        let sanitized = try #require(TransportFailure.sanitized(original) as? URLError)
        #expect(sanitized.code == .timedOut)
        #expect(sanitized.localizedDescription == "The request timed out.")
        #expect(sanitized.userInfo.count == 1)

        let echoing = URLError(.timedOut, userInfo: [
            NSURLErrorFailingURLErrorKey: url, NSLocalizedDescriptionKey: "Timed out: \(url) (api_key=SECRET)",
        ])
        #expect(TransportFailure.sanitized(echoing).localizedDescription == "Timed out: <redacted> (<redacted>)")
        #expect(sanitized.failingURL == nil)
        #expect(!String(reflecting: sanitized).contains("SECRET"))
        // Other errors are passed on as they are.
        #expect(TransportFailure.sanitized(POSIXError(.ECONNRESET)) as? POSIXError == POSIXError(.ECONNRESET))
    }
}
