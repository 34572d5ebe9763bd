import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import OpenAPIGenRuntime

@Suite struct RetryResponseTests {
    @Test func retryAfterSecondsIsWaitedExactlyEvenForPost() async throws {
        let transport = ScriptedTransport(.respond(response(429, [("Retry-After", "2")])), .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps))

        let result = try await core.send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "submitJob")

        #expect(result.status == 200)
        #expect(await transport.attempts == 2)
        #expect(await sleeps.delays == [.seconds(2)])
    }

    @Test func retryAfterHTTPDateIsMeasuredFromNow() async throws {
        // `scriptedNow` is 07:28:00; the server asks for 07:28:15.
        let transport = ScriptedTransport(
            .respond(response(503, [("Retry-After", "Wed, 21 Oct 2015 07:28:15 GMT")])),
            .respond(response(503, [("Retry-After", "Wed, 21 Oct 2015 07:00:00 GMT")])),
            .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps))

        let result = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        #expect(result.status == 200)
        // A date already past means no wait.
        #expect(await sleeps.delays == [.seconds(15), .zero])
    }

    @Test func retryAfterIsCappedByMaxDelay() async throws {
        let transport = ScriptedTransport(
            .respond(response(429, [("Retry-After", "120")])),
            .respond(response(429, [("Retry-After", "Thu, 22 Oct 2015 07:28:00 GMT")])),
            .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps))

        _ = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        #expect(await sleeps.delays == [.seconds(20), .seconds(20)])
    }

    @Test func unavailableWithoutRetryAfterBacksOffExponentiallyWithJitter() async throws {
        let transport = ScriptedTransport(
            .respond(response(503)), .respond(response(503)), .respond(response(503)), .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps, jitter: 0.5))

        let result = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        #expect(result.status == 200)
        #expect(await transport.attempts == 4)
        // Half of 0.5 s, 1 s and 2 s.
        #expect(await sleeps.delays == [.milliseconds(250), .milliseconds(500), .seconds(1)])
    }

    @Test func unreadableRetryAfterFallsBackToBackoff() async throws {
        let transport = ScriptedTransport(.respond(response(429, [("Retry-After", "soon")])), .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps, jitter: 0.5))

        _ = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        #expect(await sleeps.delays == [.milliseconds(250)])
    }

    @Test func backoffDoublesUpToMaxDelay() {
        let policy = RetryPolicy(jitter: { 1 })
        let delays = (1...8).map { policy.backoff(beforeRetry: $0) }
        #expect(delays == [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20), .seconds(20),
        ])
        // A huge retry count stops doubling at the cap instead of overflowing.
        #expect(policy.backoff(beforeRetry: 10_000) == .seconds(20))
        // Jitter outside 0...1 is clamped.
        #expect(RetryPolicy(jitter: { 7 }).backoff(beforeRetry: 1) == .milliseconds(500))
        #expect(RetryPolicy(jitter: { -1 }).backoff(beforeRetry: 1) == .zero)
    }

    @Test func exhaustedAttemptsReturnTheLastResponse() async throws {
        let transport = ScriptedTransport(
            .respond(response(429, body: "1")), .respond(response(429, body: "2")),
            .respond(response(429, body: "3")), .respond(response(429, body: "4")))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps))

        let result = try await core.send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "submitJob")

        #expect(result.status == 429)
        #expect(result.body == Data("4".utf8))
        #expect(await transport.attempts == 4)
        #expect(await sleeps.delays.count == 3)
    }

    @Test func totalDelayBudgetStopsRetrying() async throws {
        let transport = ScriptedTransport(
            .respond(response(429, [("Retry-After", "3")], body: "first")),
            .respond(response(429, [("Retry-After", "3")], body: "second")))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps) { $0.maxTotalDelay = .seconds(5) })

        let result = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        // 3 s fits the 5 s budget, another 3 s would not.
        #expect(result.body == Data("second".utf8))
        #expect(await transport.attempts == 2)
        #expect(await sleeps.delays == [.seconds(3)])
    }

    @Test func gatewayErrorsAreRetriedOnlyForIdempotentMethods() async throws {
        let sleeps = SleepRecorder()
        let get = ScriptedTransport(.respond(response(502)), .respond(response(504)), .respond(response(200)))
        #expect(try await makeCore(get, retry: .scripted(sleeps)).send(HTTPRequest(path: "/rows"), operationID: "op").status == 200)
        #expect(await get.attempts == 3)

        for status in [502, 504] {
            let post = ScriptedTransport(.respond(response(status)))
            let result = try await makeCore(post, retry: .scripted(sleeps))
                .send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "op")
            #expect(result.status == status)
            #expect(await post.attempts == 1)
        }
    }

    @Test func otherStatusesAreReturnedAtOnce() async throws {
        for status in [200, 400, 404, 500] {
            let transport = ScriptedTransport(.respond(response(status)))
            let sleeps = SleepRecorder()
            let result = try await makeCore(transport, retry: .scripted(sleeps)).send(HTTPRequest(), operationID: "op")
            #expect(result.status == status)
            #expect(await transport.attempts == 1)
            #expect(await sleeps.delays.isEmpty)
        }
    }

    @Test func noneMakesExactlyOneAttempt() async throws {
        let unavailable = ScriptedTransport(.respond(response(503, [("Retry-After", "1")])))
        let result = try await makeCore(unavailable, retry: .none).send(HTTPRequest(), operationID: "op")
        #expect(result.status == 503)
        #expect(await unavailable.attempts == 1)

        let reset = ScriptedTransport(.fail(URLError(.networkConnectionLost)))
        let error = await #expect(throws: ClientError.self) {
            try await makeCore(reset, retry: .none).send(HTTPRequest(), operationID: "op")
        }
        #expect((transportUnderlying(error) as? URLError)?.code == .networkConnectionLost)
        #expect(await reset.attempts == 1)
    }

    @Test func defaultsMatchTheDocumentation() throws {
        let core = ClientCore(baseURL: testBaseURL, transport: URLSessionTransport())
        let policy = core.options.retry
        #expect(policy.maxAttempts == 4)
        #expect(policy.maxTotalDelay == .seconds(60))
        #expect(policy.baseDelay == .milliseconds(500))
        #expect(policy.maxDelay == .seconds(20))
        #expect(policy.retryableStatuses == [429, 503])
        #expect(policy.idempotentRetryableStatuses == [502, 504])
        #expect((0..<100).allSatisfy { _ in (0..<1).contains(policy.jitter()) })
        #expect(RetryPolicy.none.maxAttempts == 1)
        #expect(core.options.logger == nil)
        #expect(core.options.requestTimeout == nil)
        for name in ["X-API-Key", "Authorization", "Cookie", "Proxy-Authorization"] {
            #expect(core.options.redactedHeaders.contains(name))
        }
    }
}

@Suite struct RetryTransportErrorTests {
    @Test(arguments: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE", "get"])
    func idempotentRequestsAreRetriedAfterResetsAndTimeouts(method: String) async throws {
        let transport = ScriptedTransport(
            .fail(URLError(.networkConnectionLost)), .fail(POSIXError(.ECONNRESET)),
            .fail(URLError(.timedOut)), .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps, jitter: 0.5))

        let result = try await core.send(HTTPRequest(method: method, path: "/rows/1"), operationID: "op")

        #expect(result.status == 200)
        #expect(await transport.attempts == 4)
        #expect(await sleeps.delays == [.milliseconds(250), .milliseconds(500), .seconds(1)])
    }

    @Test func idempotentRequestFailsWithTheLastErrorWhenAttemptsRunOut() async throws {
        let transport = ScriptedTransport(
            .fail(URLError(.timedOut)), .fail(URLError(.timedOut)), .fail(URLError(.timedOut)),
            .fail(URLError(.networkConnectionLost)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()))

        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
        }
        #expect((transportUnderlying(error) as? URLError)?.code == .networkConnectionLost)
        #expect(await transport.attempts == 4)
    }

    @Test(arguments: ["POST", "PATCH"])
    func nonIdempotentRequestsAreNotRetriedAfterErrorsThatMayHaveReachedTheServer(method: String) async throws {
        let errors: [any Error] = [
            URLError(.timedOut), URLError(.networkConnectionLost), POSIXError(.ECONNRESET),
            RequestTimeout(timeout: .seconds(1)), UnknownTransportError(),
        ]
        for sent in errors {
            let transport = ScriptedTransport(.fail(sent), .respond(response(200)))
            let sleeps = SleepRecorder()
            let core = makeCore(transport, retry: .scripted(sleeps))

            let error = await #expect(throws: ClientError.self) {
                try await core.send(HTTPRequest(method: method, path: "/jobs"), operationID: "submitJob")
            }
            let underlying = transportUnderlying(error)
            #expect(underlying.map { type(of: $0) == type(of: sent) } == true)
            #expect(await transport.attempts == 1)
            #expect(await sleeps.delays.isEmpty)
        }
    }

    @Test func postTimeoutSurfacesAsTransportError() async throws {
        let transport = ScriptedTransport(.fail(URLError(.timedOut)), .respond(response(200)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()))

        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "submitJob")
        }
        guard case .transport(let operationID, let underlying)? = error else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(operationID == "submitJob")
        #expect((underlying as? URLError)?.code == .timedOut)
        #expect(await transport.attempts == 1)
    }

    @Test func postIsRetriedWhenTheRequestNeverLeftTheMachine() async throws {
        let transport = ScriptedTransport(
            .fail(URLError(.cannotConnectToHost)), .fail(POSIXError(.ECONNREFUSED)),
            .fail(URLError(.cannotFindHost)), .respond(response(201)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps))

        let result = try await core.send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "submitJob")

        #expect(result.status == 201)
        #expect(await transport.attempts == 4)
        #expect(await sleeps.delays.count == 3)
    }

    @Test func permanentErrorsAreNotRetried() async throws {
        for sent: any Error in [URLError(.badURL), URLError(.serverCertificateUntrusted), POSIXError(.EACCES)] {
            let transport = ScriptedTransport(.fail(sent), .respond(response(200)))
            let core = makeCore(transport, retry: .scripted(SleepRecorder()))
            await #expect(throws: ClientError.self) {
                try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
            }
            #expect(await transport.attempts == 1)
        }
    }

    @Test func unknownErrorsAreRetriedForIdempotentMethods() async throws {
        let transport = ScriptedTransport(.fail(UnknownTransportError()), .respond(response(200)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()))
        #expect(try await core.send(HTTPRequest(method: "PUT", path: "/rows/1"), operationID: "op").status == 200)
        #expect(await transport.attempts == 2)
    }

    @Test func classifiesErrors() {
        for code: URLError.Code in [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet] {
            #expect(TransportFailure.classify(URLError(code)) == .notSent)
        }
        #expect(TransportFailure.classify(POSIXError(.ECONNREFUSED)) == .notSent)
        for code: URLError.Code in [.timedOut, .networkConnectionLost, .secureConnectionFailed] {
            #expect(TransportFailure.classify(URLError(code)) == .transient)
        }
        #expect(TransportFailure.classify(POSIXError(.ECONNRESET)) == .transient)
        #expect(TransportFailure.classify(POSIXError(.ETIMEDOUT)) == .transient)
        #expect(TransportFailure.classify(RequestTimeout(timeout: .seconds(1))) == .transient)
        #expect(TransportFailure.classify(UnknownTransportError()) == .transient)
        #expect(TransportFailure.classify(URLError(.badURL)) == .permanent)
        #expect(TransportFailure.classify(URLError(.cancelled)) == .permanent)
    }

    @Test func clientErrorsFromTheTransportPassThroughUnretried() async throws {
        let thrown = ClientError.undecodableResponse(operationID: "x", status: 200, contentType: nil, underlying: "y")
        let transport = ScriptedTransport(.fail(thrown), .respond(response(200)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()))
        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
        }
        #expect(error?.description == thrown.description)
        #expect(await transport.attempts == 1)
    }
}

/// An error from a transport this module knows nothing about.
private struct UnknownTransportError: Error {}

@Suite struct RequestTimeoutTests {
    @Test func timeoutEndsAHangingAttemptAndCancelsIt() async throws {
        let transport = ScriptedTransport(.hang)
        let core = makeCore(transport, retry: .none, requestTimeout: .milliseconds(50))
        let start = ContinuousClock.now

        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
        }

        #expect(ContinuousClock.now - start < .seconds(10))
        let timeout = transportUnderlying(error) as? RequestTimeout
        #expect(timeout == RequestTimeout(timeout: .milliseconds(50)))
        #expect(timeout?.description == "no response within 0.05s")
        // `send` returns only after the hanging attempt has ended, cancelled.
        #expect(await transport.cancelledAttempts == 1)
    }

    @Test func timedOutGetIsRetried() async throws {
        let transport = ScriptedTransport(.hang, .respond(response(200)))
        let sleeps = SleepRecorder()
        let core = makeCore(transport, retry: .scripted(sleeps), requestTimeout: .milliseconds(50))

        let result = try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")

        #expect(result.status == 200)
        #expect(await transport.attempts == 2)
        #expect(await transport.cancelledAttempts == 1)
    }

    @Test func timedOutPostIsNotRetried() async throws {
        let transport = ScriptedTransport(.hang, .respond(response(200)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()), requestTimeout: .milliseconds(50))

        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(method: "POST", path: "/jobs"), operationID: "submitJob")
        }
        #expect(transportUnderlying(error) is RequestTimeout)
        #expect(await transport.attempts == 1)
    }

    @Test func fastResponsesAreUnaffected() async throws {
        let transport = ScriptedTransport(.respond(response(200, body: "ok")))
        let core = makeCore(transport, retry: .none, requestTimeout: .seconds(30))
        let start = ContinuousClock.now
        let result = try await core.send(HTTPRequest(), operationID: "op")
        #expect(result.body == Data("ok".utf8))
        // The timer is cancelled with the group rather than waited out.
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

@Suite struct RetryCancellationTests {
    @Test func cancellationDuringTheBackoffSleepEndsPromptly() async throws {
        let transport = ScriptedTransport(.respond(response(503)), .respond(response(200)))
        let (sleeping, sleepStarted) = AsyncStream<Void>.makeStream()
        // Real sleeping, for an hour: only cancellation can end it in time.
        let policy = RetryPolicy(
            maxTotalDelay: .seconds(7200), baseDelay: .seconds(3600), maxDelay: .seconds(3600), jitter: { 1 },
            sleep: { delay in
                sleepStarted.yield()
                try await Task.sleep(for: delay)
            })
        let core = makeCore(transport, retry: policy)
        let start = ContinuousClock.now

        let task = Task { try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows") }
        for await _ in sleeping { break }
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(await transport.attempts == 1)
    }

    @Test func aCancelledTaskSendsNothing() async throws {
        let transport = ScriptedTransport(.respond(response(200)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()))

        let task = Task {
            // Ends early, or at once, once the task is cancelled; either way `send` then runs
            // in a cancelled task.
            try? await Task.sleep(for: .seconds(3600))
            return try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
        }
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await transport.attempts == 0)
    }

    @Test func cancellationFromTheTransportIsRethrownAsItIs() async throws {
        let transport = ScriptedTransport(.fail(CancellationError()), .respond(response(200)))
        let core = makeCore(transport, retry: .scripted(SleepRecorder()))
        await #expect(throws: CancellationError.self) {
            try await core.send(HTTPRequest(path: "/rows"), operationID: "listRows")
        }
        #expect(await transport.attempts == 1)
    }
}

@Suite struct RetryAfterTests {
    @Test func readsDeltaSeconds() {
        #expect(RetryAfter.delay("120", now: scriptedNow) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", now: scriptedNow) == .zero)
        #expect(RetryAfter.delay("99999999999999999999999", now: scriptedNow) == .seconds(Int64.max))
    }

    @Test func readsAllThreeDateFormats() {
        let expected = Date(timeIntervalSince1970: 784_111_777) // Sun, 06 Nov 1994 08:49:37 GMT
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == expected)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == expected)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994", now: now) == expected)
        #expect(HTTPDate.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == scriptedNow)
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 23:59:59 GMT", now: now) == Date(timeIntervalSince1970: 1_709_251_199))
    }

    @Test func readsTwoDigitYearsAsAtMostFiftyYearsAhead() {
        let now = Date(timeIntervalSince1970: 1_700_000_000) // 2023
        #expect(HTTPDate.parse("Saturday, 01-Jan-50 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 2_524_608_000))
        #expect(HTTPDate.parse("Sunday, 01-Jan-73 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 3_250_454_400))
        #expect(HTTPDate.parse("Tuesday, 01-Jan-74 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 126_230_400))
    }

    @Test func rejectsAnythingElse() {
        for value in [
            "", "soon", "-5", "+5", "1.5", "0x10",
            "Wed, 21 Oct 2015 07:28:00 UTC", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 29 Feb 2015 07:28:00 GMT",
            "Wed, 21 oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 24:00:00 GMT", "Wed, 21 Oct 2015 7:28:00 GMT",
            "Xyz, 21 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 15 07:28:00 GMT", "Wed 21 Oct 2015 07:28:00 GMT",
        ] {
            #expect(RetryAfter.delay(value, now: scriptedNow) == nil, "\(value)")
        }
    }
}

@Suite struct URLSessionTransportConfigurationTests {
    @Test func configurationTimeoutsReachTheSession() {
        let configuration = URLSessionConfiguration.default
        configuration.timeoutIntervalForRequest = 12
        configuration.timeoutIntervalForResource = 34
        let transport = URLSessionTransport(configuration: configuration)
        #expect(transport.session.configuration.timeoutIntervalForRequest == 12)
        #expect(transport.session.configuration.timeoutIntervalForResource == 34)
        // The existing initializer still works, defaulting to the shared session.
        #expect(URLSessionTransport().session === URLSession.shared)
    }
}
