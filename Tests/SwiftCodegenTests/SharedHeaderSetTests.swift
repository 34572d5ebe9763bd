import OpenAPIModel
@testable import SwiftCodegen
import Testing

/// Responses that document the same headers share one struct under `ResponseHeaderSets`;
/// any difference (a type, required-ness, a description) keeps sets apart.
@Suite struct SharedHeaderSetTests {
    static func spec(operations: [String]) -> String {
        """
        openapi: 3.1.0
        info: {title: Shared headers, version: '1'}
        paths:
        \(operations.joined(separator: "\n"))
        components:
          headers:
            Limit: {description: The limit., schema: {type: integer}}
            Tier: {schema: {type: string, enum: [free, paid]}}
        """
    }

    static let a = """
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {$ref: '#/components/headers/Limit'}
                    X-Rate-Tier: {$ref: '#/components/headers/Tier'}
                '500':
                  description: failed
                  headers:
                    X-Rate-Limit: {$ref: '#/components/headers/Limit'}
                    X-Rate-Tier: {$ref: '#/components/headers/Tier'}
        """
    /// The same set written out inline, word for word: still the same set.
    static let b = """
          /b:
            get:
              operationId: getB
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {description: The limit., schema: {type: integer}}
                    X-Rate-Tier: {schema: {type: string, enum: [free, paid]}}
        """
    /// Differs from A's set by one `required`, and is used once: a struct of its own response.
    static let c = """
          /c:
            get:
              operationId: getC
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {description: The limit., required: true, schema: {type: integer}}
                    X-Rate-Tier: {$ref: '#/components/headers/Tier'}
        """

    @Test func equalSetsShareOneStructAndDifferentOnesDoNot() throws {
        let output = try generateInline(Self.spec(operations: [Self.a, Self.b, Self.c]))
        #expect(!output.hasErrors)
        let sets = file(output, "ResponseHeaderSets.swift")
        #expect(sets.components(separatedBy: ": Sendable, Hashable {").count - 1 == 1, "one set struct: A's and B's")
        #expect(sets.contains("public struct XRate: Sendable, Hashable {"))
        // The inline enum (open: a RawRepresentable struct) is declared inside the shared struct, once.
        #expect(sets.contains("public var xRateTier: ResponseHeaderSets.XRate.XRateTier?"))
        #expect(sets.components(separatedBy: "struct XRateTier:").count - 1 == 1)
        // The 200 and 500 share it; the struct built in code defaults to no one status.
        #expect(sets.contains("raw: HTTPResponse = HTTPResponse(status: 0)"))

        let operations = file(output, "Operations.swift")
        #expect(operations.components(separatedBy: "typealias OkHeaders = ResponseHeaderSets.XRate").count - 1 == 2)
        #expect(operations.contains("typealias InternalServerErrorHeaders = ResponseHeaderSets.XRate"))
        #expect(operations.contains("case ok(headers: OkHeaders = .init(raw: HTTPResponse(status: 200)))"))
        // C's set differs (the limit is required): its own struct, as before sharing.
        #expect(operations.contains("public struct OkHeaders: Sendable, Hashable {"))
        #expect(operations.contains("public var xRateLimit: Int\n"))
        #expect(operations.components(separatedBy: "public struct OkHeaders").count - 1 == 1)
        // The client reads through the typealias.
        #expect(file(output, "Client.swift").contains("try Operations.GetB.Output.OkHeaders(decoding: response, operationID: Operations.GetB.id)"))
    }

    @Test func namesDoNotDependOnWhichOperationComesFirst() throws {
        let forward = try generateInline(Self.spec(operations: [Self.a, Self.b, Self.c]))
        let backward = try generateInline(Self.spec(operations: [Self.c, Self.b, Self.a]))
        #expect(file(forward, "ResponseHeaderSets.swift") == file(backward, "ResponseHeaderSets.swift"))
        let again = try generateInline(Self.spec(operations: [Self.a, Self.b, Self.c]))
        #expect(forward.files.map(\.contents) == again.files.map(\.contents), "byte-identical run to run")
    }

    @Test func withoutARepeatedSetNothingIsShared() throws {
        let output = try generateInline(Self.spec(operations: [Self.b, Self.c]))
        #expect(!output.hasErrors)
        #expect(!output.files.contains { $0.name == "ResponseHeaderSets.swift" })
        #expect(file(output, "Operations.swift").components(separatedBy: "public struct OkHeaders").count - 1 == 2)
    }

    /// Each copy of a shared set still gets the warnings its own schemas deserve, at its place.
    @Test func everyCopysWarningIsKeptAtItsPlace() throws {
        let pair = "X-Pair: {schema: {type: array, prefixItems: [{type: integer}, {type: string}]}}"
        let output = try generateInline("""
            openapi: 3.1.0
            info: {title: Pairs, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {description: ok, headers: {\(pair)}}
              /b:
                get:
                  responses:
                    '200': {description: ok, headers: {\(pair)}}
            """)
        #expect(file(output, "ResponseHeaderSets.swift").contains("public struct XPair: Sendable, Hashable {"))
        let warnings = output.diagnostics.filter { $0.message.contains("`prefixItems`") }
        #expect(warnings.count == 2)
        #expect(Set(warnings.compactMap { $0.location?.line }) == [7, 11], "the two `'200'` lines")
    }

    /// A set named like its one header's inline type keeps both names apart.
    @Test func aNestedTypeDoesNotTakeItsSetsName() throws {
        let trace = "X-Trace: {schema: {type: object, properties: {id: {type: string}}}}"
        let output = try generateInline("""
            openapi: 3.1.0
            info: {title: Traces, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {description: ok, headers: {\(trace)}}
                    '201': {description: made, headers: {\(trace)}}
            """)
        let sets = file(output, "ResponseHeaderSets.swift")
        #expect(sets.contains("public struct XTrace: Sendable, Hashable {"))
        #expect(sets.contains("public var xTrace: ResponseHeaderSets.XTrace.XTrace2?"))
    }

    @Test func setNamesComeFromTheHeaderNames() {
        #expect(TranslationContext.headerSetName(["X-RateLimit-Limit", "X-RateLimit-Remaining"]) == "XRateLimit")
        #expect(TranslationContext.headerSetName(["ratelimit-limit", "ratelimit-reset"]) == "Ratelimit")
        #expect(TranslationContext.headerSetName(["Retry-After"]) == "RetryAfter")
        #expect(TranslationContext.headerSetName(["X-Request-Id", "X-Trace"]) == "XRequestIDXTrace")
        #expect(TranslationContext.headerSetName(["content-disposition", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
                == "ContentDispositionAnd3More")
    }
}
