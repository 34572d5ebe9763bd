import Foundation
import Testing
@testable import OpenAPIGenRuntime

@Suite struct ServerRouterTests {
    let routes = [
        ServerRoute("GET", "/items/{id}", operationID: "getItem"),
        ServerRoute("DELETE", "/items/{id}", operationID: "deleteItem"),
        ServerRoute("GET", "/items/mine", operationID: "mine"),
        ServerRoute("GET", "/files/{name}.json", operationID: "file"),
        ServerRoute("GET", "/files/{any}", operationID: "anyFile"),
        ServerRoute("POST", "/café", operationID: "cafe"),
    ]

    @Test func literalTemplatesWinOverParameters() {
        let router = ServerRouter(routes)
        #expect(router.route(method: "GET", path: "/items/mine") == .matched(index: 2, parameters: [:]))
        #expect(router.route(method: "GET", path: "/items/42") == .matched(index: 0, parameters: ["id": "42"]))
        #expect(router.route(method: "GET", path: "/files/a.json") == .matched(index: 3, parameters: ["name": "a"]))
        #expect(router.route(method: "GET", path: "/files/a.txt") == .matched(index: 4, parameters: ["any": "a.txt"]))
    }

    @Test func wrongMethodListsTheAllowedOnes() {
        let router = ServerRouter(routes)
        #expect(router.route(method: "PUT", path: "/items/42") == .methodNotAllowed(allow: ["GET", "DELETE", "HEAD", "OPTIONS"]))
        // The concrete path is its own resource: DELETE of /items/{id} does not reach it.
        #expect(router.route(method: "DELETE", path: "/items/mine") == .methodNotAllowed(allow: ["GET", "HEAD", "OPTIONS"]))
        #expect(router.route(method: "HEAD", path: "/items/7") == .matched(index: 0, parameters: ["id": "7"]))
    }

    @Test func unknownPathsAndEmptySegmentsAreNotFound() {
        let router = ServerRouter(routes)
        #expect(router.route(method: "GET", path: "/items/") == .notFound)
        #expect(router.route(method: "GET", path: "/items/1/2") == .notFound)
        #expect(router.route(method: "GET", path: "/nothing") == .notFound)
        #expect(router.route(method: "POST", path: "/caf%C3%A9") == .matched(index: 5, parameters: [:]))
    }
}

@Suite struct ServerParameterTests {
    private func request(path: [String: Substring] = [:], query: String? = nil, headers: [(String, String)] = []) -> ServerRequest {
        var head = HTTPRequest(method: "GET", path: "/", headers: HTTPFields(headers))
        head.queryString = query
        return ServerRequest(head: head, pathParameters: path, body: HTTPBody(Data()), operationID: "op")
    }

    @Test func pathStylesReadBackWhatTheClientWrites() {
        var reader = RequestReader(request(path: ["coords": "1.5,2", "label": ".a%20b", "matrix": ";matrix=x;matrix=y", "id": "caf%C3%A9%2F1"]))
        #expect(reader.path("coords", as: [Double].self, shape: .array) == [1.5, 2])
        #expect(reader.path("label", as: String.self, shape: .scalar, style: .label) == "a b")
        #expect(reader.path("matrix", as: [String].self, shape: .array, style: .matrix, explode: true) == ["x", "y"])
        #expect(reader.path("id", as: String.self, shape: .scalar) == "café/1")
        #expect(reader.problems.isEmpty)
        let rendered = PathEncoding.render(name: "m", values: ["x", "y"], style: .matrix, explode: true)
        #expect(rendered == ";m=x;m=y")
    }

    @Test func queryStylesAndProblems() {
        var reader = RequestReader(request(query: "fields=a&fields=b&ids=1,2&words=x%20y&tags=p%7Cq&filter%5Bcolor%5D=red&filter%5Bsize%5D=3&limit=abc"))
        #expect(reader.query("fields", as: [String].self, shape: .array, required: false) == ["a", "b"])
        #expect(reader.query("ids", as: [Int].self, shape: .array, explode: false, required: false) == [1, 2])
        #expect(reader.query("words", as: [String].self, shape: .array, style: .spaceDelimited, explode: false, required: false) == ["x", "y"])
        #expect(reader.query("tags", as: [String].self, shape: .array, style: .pipeDelimited, explode: false, required: false) == ["p", "q"])
        struct Filter: Decodable, Equatable { var color: String?; var size: Int? }
        #expect(reader.query("filter", as: Filter.self, shape: .object, style: .deepObject, required: false) == Filter(color: "red", size: 3))
        #expect(reader.query("limit", as: Int.self, shape: .scalar, required: false) == nil)
        #expect(reader.query("page", as: Int.self, shape: .scalar, required: true) == nil)
        #expect(reader.problems.map(\.path) == ["limit", "page"])
        #expect(reader.problems.map(\.message) == ["\"abc\" is not a valid Int", "is required"])
    }

    @Test func anAllowReservedParameterKeepsItsPlus() {
        var reader = RequestReader(request(query: "since=2026-01-01T00:00:00+01:00/p2%20x&q=a+b"))
        #expect(reader.query("since", as: String.self, shape: .scalar, required: false, allowReserved: true) == "2026-01-01T00:00:00+01:00/p2 x")
        #expect(reader.query("q", as: String.self, shape: .scalar, required: false) == "a b", "elsewhere `+` is a form-encoded space")
        #expect(reader.problems.isEmpty)
    }

    /// Zero bytes sent with a media type are an empty text or file; without one, no body.
    @Test func anEmptyBodyWithAMediaTypeIsEmptyNotMissing() {
        func reader(_ headers: [(String, String)]) -> RequestReader {
            RequestReader(ServerRequest(head: HTTPRequest(method: "POST", path: "/", headers: HTTPFields(headers)), pathParameters: [:],
                                        body: HTTPBody(Data()), operationID: "op"))
        }
        var typed = reader([("Content-Type", "text/plain")])
        #expect(typed.textBody(required: true) == "")
        #expect(typed.streamedBody(required: true) != nil)
        #expect(typed.problems.isEmpty)
        var untyped = reader([])
        #expect(untyped.textBody(required: true) == nil && untyped.streamedBody(required: true) == nil)
        #expect(untyped.problems.map(\.message) == ["is required", "is required"])
    }

    @Test func headersAndCookies() {
        var reader = RequestReader(request(headers: [("X-Tags", "a, b"), ("X-Tags", "c"), ("Cookie", "session=s%3B1; other=2")]))
        #expect(reader.header("X-Tags", as: [String].self, shape: .array, required: true) == ["a", " b", "c"])
        #expect(reader.cookie("session", as: String.self, shape: .scalar, required: false) == "s;1")
        #expect(reader.cookie("other", as: Int.self, shape: .scalar, required: false) == 2)
    }

    @Test func jsonBodyProblemsNameTheField() {
        struct Body: Decodable { var name: String; var count: Int }
        let req = ServerRequest(head: HTTPRequest(method: "POST", path: "/"), pathParameters: [:],
                                body: HTTPBody(#"{"name": "a", "count": "x"}"#), operationID: "op")
        var reader = RequestReader(req)
        #expect(reader.jsonBody(Body.self, required: true) == nil)
        #expect(reader.problems == [ServerProblem(location: "body", path: "count", message: "is not a valid Int", kind: "json_invalid")])
    }

    private func bodyProblems<T: Decodable>(_ type: T.Type, _ json: String) -> [ServerProblem] {
        var reader = RequestReader(ServerRequest(head: HTTPRequest(method: "POST", path: "/"), pathParameters: [:], body: HTTPBody(json), operationID: "op"))
        _ = reader.jsonBody(type, required: true)
        return reader.problems
    }

    /// `JSONDecoder` refuses these without a coding path ("The given data was not valid JSON.").
    @Test func numbersTheirTypeCannotHoldAreLocated() {
        struct Row: Decodable { var small: Int8?; var ratio: Float? }
        struct Body: Decodable { var name: String; var count: Int; var rows: [Row]?; var when: Date? }
        #expect(bodyProblems(Body.self, #"{"name": "a", "count": 99999999999999999999}"#) == [ServerProblem(
            location: "body", path: "count", message: "integer out of range: 99999999999999999999 is not between -9223372036854775808 and 9223372036854775807",
            kind: "value_error")])
        #expect(bodyProblems(Body.self, #"{"name": "a", "count": 1, "rows": [{"small": 1}, {"small": 300}]}"#).map(\.path) == ["rows[1].small"])
        #expect(bodyProblems(Body.self, #"{"name": "a", "count": 1.5}"#).map(\.message) == ["1.5 is not an integer"])
        #expect(bodyProblems(Body.self, #"{"name": "a", "count": 1, "rows": [{"ratio": 1e39}]}"#).map(\.message)
            == ["number out of range: 1e39 is beyond a 32-bit floating-point number"])
        // What JSONDecoder accepts, the second reading accepts too, so it reaches the member at fault.
        #expect(bodyProblems(Body.self, #"{"name": "a\u00e9\"", "count": 1e2, "when": "2026-01-02T03:04:05Z", "rows": [{"small": -1.0}, {"small": -129}]}"#)
            .map(\.path) == ["rows[1].small"])
    }

    @Test func syntaxErrorsSayWhere() {
        struct Body: Decodable { var count: Int }
        #expect(bodyProblems(Body.self, #"{"count": 1,, }"#) == [ServerProblem(
            location: "body", path: "", message: "the body is not valid JSON: expected a member name in quotes at byte 12", kind: "json_invalid")])
        #expect(bodyProblems(Body.self, #"{"count": 1"#).map(\.message) == ["the body is not valid JSON: unexpected end of the text inside an object at byte 11"])
        #expect(bodyProblems(Body.self, "[1] x").map(\.message) == ["the body is not valid JSON: unexpected text after the JSON value at byte 4"])
    }

    @Test func parametersAndFormsNameTheNumberTooLarge() {
        var head = HTTPRequest(method: "POST", path: "/", headers: HTTPFields([("Content-Type", "application/x-www-form-urlencoded")]))
        head.queryString = "limit=99999999999999999999&ids=1,2,300"
        struct Form: Decodable { var count: Int }
        var reader = RequestReader(ServerRequest(head: head, pathParameters: [:], body: HTTPBody("count=99999999999999999999"), operationID: "op"))
        #expect(reader.query("limit", as: Int.self, shape: .scalar, required: true) == nil)
        #expect(reader.query("ids", as: [UInt8].self, shape: .array, explode: false, required: true) == nil)
        #expect(reader.formBody(Form.self, required: true) == nil)
        #expect(reader.problems.map(\.path) == ["limit", "ids[2]", "count"])
        #expect(reader.problems.map(\.message) == [
            "integer out of range: 99999999999999999999 is not between -9223372036854775808 and 9223372036854775807",
            "integer out of range: 300 is not between 0 and 255",
            "integer out of range: 99999999999999999999 is not between -9223372036854775808 and 9223372036854775807",
        ])
    }
}

@Suite struct ServerSecurityTests {
    private func request(_ headers: [(String, String)], query: String? = nil) -> ServerRequest {
        var head = HTTPRequest(method: "GET", path: "/", headers: HTTPFields(headers))
        head.queryString = query
        return ServerRequest(head: head, pathParameters: [:], body: HTTPBody(Data()), operationID: "op")
    }

    @Test func firstSatisfiedAlternativeWins() throws {
        let alternatives: [[String: ServerSecurityScheme]] = [["key": .apiKey(name: "X-API-Key", in: .header)], ["token": .bearer]]
        #expect(try request([("Authorization", "Bearer t0k")]).authenticate(alternatives) == ["token": .bearer("t0k")])
        #expect(try request([("X-API-Key", "k")]).authenticate(alternatives) == ["key": .apiKey("k")])
        let basic = "Basic " + Data("ann:pa:ss".utf8).base64EncodedString()
        #expect(try request([("Authorization", basic)]).authenticate([["b": .basic]]) == ["b": .basic(user: "ann", password: "pa:ss")])
        #expect(try request([], query: "api_key=q").authenticate([["q": .apiKey(name: "api_key", in: .query)]]) == ["q": .apiKey("q")])
        #expect(try request([]).authenticate([["key": .apiKey(name: "X-API-Key", in: .header)], [:]]) == [:])
    }

    @Test func noAlternativeIs401WithChallenges() {
        let alternatives: [[String: ServerSecurityScheme]] = [["key": .apiKey(name: "X-API-Key", in: .header)], ["token": .bearer], ["b": .basic]]
        #expect(throws: ServerRejection.self) { try request([("Authorization", "Bearer ")]).authenticate(alternatives) }
        do {
            _ = try request([]).authenticate(alternatives)
        } catch let rejection as ServerRejection {
            #expect(rejection.status == 401)
            #expect(rejection.headers.values(for: "WWW-Authenticate") == ["Bearer", "Basic realm=\"api\""])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// The scopes handed over are those of the alternative that was satisfied, not the first's.
    @Test func theSatisfiedAlternativesScopesComeWithItsCredentials() throws {
        let alternatives: [[String: ServerSecurityScheme]] = [["oauth": .bearer, "key": .apiKey(name: "X-API-Key", in: .header)], ["oauth": .bearer]]
        let scopes: [[String: [String]]] = [["oauth": ["admin"], "key": []], ["oauth": ["pets:read", "pets:write"]]]
        let both = try request([("Authorization", "Bearer t"), ("X-API-Key", "k")]).authenticate(alternatives, scopes: scopes)
        #expect(both.credentials == ["oauth": .bearer("t"), "key": .apiKey("k")])
        #expect(both.scopes == ["oauth": ["admin"]], "an empty list is left out")
        let tokenOnly = try request([("Authorization", "Bearer t")]).authenticate(alternatives, scopes: scopes)
        #expect(tokenOnly.credentials == ["oauth": .bearer("t")] && tokenOnly.scopes == ["oauth": ["pets:read", "pets:write"]])
        let context = RequestContext(request: HTTPRequest(), operationID: "op", credentials: tokenOnly.credentials, scopes: tokenOnly.scopes)
        #expect(context.requires("pets:write", of: "oauth") && !context.requires("admin", of: "oauth") && !context.requires("pets:read", of: "key"))
        #expect(throws: ServerRejection.self) { try request([]).authenticate(alternatives, scopes: scopes) }
        let none = try request([]).authenticate([], scopes: [])
        #expect(none.credentials.isEmpty && none.scopes.isEmpty)
    }

    @Test func credentialsNeverPrint() {
        let context = RequestContext(request: HTTPRequest(), operationID: "op", credentials: ["key": .apiKey("s3cret")])
        #expect(!"\(context) \(context.credentials) \(Credential.basic(user: "u", password: "s3cret"))".contains("s3cret"))
    }
}

@Suite struct ServerCoreTests {
    private let core = ServerCore(routes: [ServerRoute("GET", "/ok", operationID: "ok"), ServerRoute("POST", "/fail", operationID: "fail")],
                                  options: ServerOptions(maxBodyBytes: 8))

    private func send(_ method: String, _ path: String, body: String = "") async -> (HTTPResponse, String) {
        let (response, received) = await core.handle(HTTPRequest(method: method, path: path), body: HTTPBody(body)) { index, _ in
            if index == 1 { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "/secret/path"]) }
            var reply = ServerReply(status: 200)
            reply.text("fine")
            return reply
        }
        let data = (try? await received.collect(upTo: 1 << 20)) ?? Data()
        return (response, String(decoding: data, as: UTF8.self))
    }

    @Test func statusesOfRefusedRequests() async {
        #expect(await send("GET", "/ok?x=1").1 == "fine")
        let head = await send("HEAD", "/ok")
        #expect(head.0.status == 200 && head.1.isEmpty && head.0.headers["Content-Length"] == "4")
        let options = await send("OPTIONS", "/ok")
        #expect(options.0.status == 204 && options.0.headers["Allow"] == "GET, HEAD, OPTIONS")
        let wrong = await send("PUT", "/ok")
        #expect(wrong.0.status == 405 && wrong.0.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(await send("GET", "/nope").0.status == 404)
        #expect(await send("POST", "/fail", body: "123456789").0.status == 413)
        let failed = await send("POST", "/fail")
        #expect(failed.0.status == 500)
        #expect(failed.1 == #"{"error":"internal server error"}"#)
    }

    @Test func problemBodiesInBothShapes() {
        let problem = ServerProblem(location: "query", path: "rows[2].name", message: "is required", kind: "missing")
        let plain = ServerCore.problemReply(ServerRejection(status: 400, problems: [problem]))
        #expect(String(decoding: plain.body.bufferedData ?? Data(), as: UTF8.self)
            == #"{"problems":[{"in":"query","message":"is required","path":"rows[2].name","type":"missing"}],"status":400,"title":"Bad Request"}"#)
        let fastAPI = ServerCore.problemReply(ServerRejection(status: 422, problems: [problem], fastAPIShape: true))
        #expect(String(decoding: fastAPI.body.bufferedData ?? Data(), as: UTF8.self)
            == #"{"detail":[{"loc":["query","rows",2,"name"],"msg":"is required","type":"missing"}]}"#)
    }
}

@Suite struct FormBodyDecodingTests {
    struct Item: Codable, Equatable { var price: Int; var name: String }
    struct Form: Codable, Equatable {
        var email: String
        var count: Int
        var tags: [String]
        var items: [Item]
        var metadata: [String: String]
    }

    @Test func readsWhatFormEncodingWrites() throws {
        let form = Form(email: "007", count: 3, tags: ["true"], items: [Item(price: 7, name: "8")], metadata: ["a": "1"])
        let text = String(decoding: try FormEncoding.encode(form), as: UTF8.self)
        let pairs = try #require(ServerRequest.pairs(text))
        #expect(try FormBodyDecoding.decode(Form.self, pairs: pairs, encoding: [:]) == form)
    }

    @Test func delimitedMembersSplitAndRealErrorsSurface() throws {
        struct Tags: Codable, Equatable { var tags: [Int] }
        #expect(try FormBodyDecoding.decode(Tags.self, pairs: [("tags", "1|2")], encoding: ["tags": FormMemberEncoding(style: .pipeDelimited, explode: false)])
            == Tags(tags: [1, 2]))
        #expect(throws: DecodingError.self) { try FormBodyDecoding.decode(Tags.self, pairs: [("tags", "x")], encoding: [:]) }
    }
}

@Suite struct ServerBodyAndQueryStringTests {
    private func request(query: String?, contentType: String? = nil, body: Data = Data()) -> ServerRequest {
        var head = HTTPRequest(method: "POST", path: "/", headers: HTTPFields(contentType.map { [("Content-Type", $0)] } ?? []))
        head.queryString = query
        return ServerRequest(head: head, pathParameters: [:], body: HTTPBody(body), operationID: "op")
    }

    @Test func wholeQueryStrings() {
        struct Filter: Codable, Equatable { var color: String?; var sizes: [Int]?; var meta: [String: String]? }
        var reader = RequestReader(request(query: "color=7&sizes=1,2&meta=%7B%22a%22%3A%22b%22%7D"))
        let encoding = ["sizes": FormMemberEncoding(style: .form, explode: false), "meta": FormMemberEncoding(contentType: "application/json")]
        #expect(reader.queryString("filter", as: Filter.self, format: .form, encoding: encoding, required: true)
            == Filter(color: "7", sizes: [1, 2], meta: ["a": "b"]))
        var json = RequestReader(request(query: "%7B%22n%22%3A%5B1%5D%7D"))
        #expect(json.queryString("q", as: [String: [Int]].self, format: .json, required: true) == ["n": [1]])
        var text = RequestReader(request(query: "%24.a%5B0%5D"))
        #expect(text.queryString("q", as: String.self, format: .text, required: true) == "$.a[0]")
        var missing = RequestReader(request(query: nil))
        #expect(missing.queryString("q", as: String.self, format: .text, required: true) == nil)
        #expect(missing.problems.map(\.message) == ["is required"])
    }

    @Test func multipartReadsBackWhatItEncodes() throws {
        let form = MultipartFormData(parts: [
            .init(name: "file", filename: "a\"b.txt", contentType: "text/plain", data: Data("x\r\n--y\r\n".utf8)),
            .init(name: "note", text: ""),
        ], boundary: "B0undary")
        #expect(MultipartFormData.parse(form.encoded(), contentType: form.contentType) == form)
        #expect(MultipartFormData.parse(form.encoded(), contentType: "multipart/form-data; boundary=\"other\"") == nil)
        #expect(MultipartFormData.parse(Data("--B0undary\r\nno head".utf8), contentType: form.contentType) == nil)
    }

    @Test func transportsWithoutMethodsGetTheHandlerAnyway() async throws {
        actor Plain: ServerTransport {
            var handler: ServerHandler?
            func register(_ handler: @escaping ServerHandler) async throws { self.handler = handler }
        }
        let transport = Plain()
        try await transport.register({ _, _ in (HTTPResponse(status: 204), HTTPBody(Data())) }, methods: ["QUERY"])
        let handler = try #require(await transport.handler)
        #expect(await handler(HTTPRequest(), HTTPBody(Data())).0.status == 204)
    }
}
