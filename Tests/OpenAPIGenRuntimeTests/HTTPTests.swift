import Foundation
import Testing
@testable import OpenAPIGenRuntime

@Suite struct HTTPRequestTests {
    func url(_ base: String, _ request: HTTPRequest) throws -> String {
        request.url(relativeTo: try #require(URL(string: base))).absoluteString
    }

    @Test func joinsBaseAndPath() throws {
        let request = HTTPRequest(path: "/rows/42")
        #expect(try url("https://h", request) == "https://h/rows/42")
        #expect(try url("https://h/", request) == "https://h/rows/42")
        #expect(try url("https://h/v2", request) == "https://h/v2/rows/42")
        #expect(try url("https://h/v2/", request) == "https://h/v2/rows/42")
        #expect(try url("http://h:8080/api/v2", request) == "http://h:8080/api/v2/rows/42")
        #expect(try url("https://h/v2", HTTPRequest(path: "rows")) == "https://h/v2/rows")
        #expect(try url("https://h/v2", HTTPRequest(path: "/")) == "https://h/v2/")
    }

    @Test func escapesQueryItems() throws {
        let request = HTTPRequest(path: "/search", query: [
            QueryItem(name: "q", value: "a+b & c=d"),
            QueryItem(name: "k y", value: "é/~"),
            QueryItem(name: "empty", value: ""),
        ])
        #expect(try url("https://h/v2", request)
            == "https://h/v2/search?q=a%2Bb%20%26%20c%3Dd&k%20y=%C3%A9%2F~&empty=")
    }

    @Test func keepsTheBaseQueryAndDropsItsFragment() throws {
        let request = HTTPRequest(path: "/x", query: [QueryItem(name: "a", value: "1")])
        #expect(try url("https://h/v1?tenant=t#frag", request) == "https://h/v1/x?tenant=t&a=1")
    }

    @Test func escapesCharactersThatCannotAppearInAPath() throws {
        #expect(try url("https://h", HTTPRequest(path: "/a b/%C3%A9")) == "https://h/a%20b/%C3%A9")
    }

    @Test func hasUsefulDefaults() {
        let request = HTTPRequest()
        #expect(request.method == "GET")
        #expect(request.path == "/")
        #expect(request.query.isEmpty)
        #expect(request.headers.count == 0)
        #expect(request.body == nil)
    }
}

@Suite struct HTTPFieldsTests {
    @Test func lookupIgnoresCase() {
        let fields = HTTPFields([("Content-Type", "application/json"), ("Set-Cookie", "a=1"), ("set-cookie", "b=2")])
        #expect(fields["content-type"] == "application/json")
        #expect(fields["CONTENT-TYPE"] == "application/json")
        #expect(fields.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(fields["Set-Cookie"] == "a=1")
        #expect(fields["missing"] == nil)
        #expect(fields.values(for: "missing").isEmpty)
        #expect(fields.count == 3)
    }

    @Test func settingReplacesEveryFieldOfTheName() {
        var fields = HTTPFields([("A", "1"), ("B", "2"), ("a", "3")])
        fields["a"] = "9"
        #expect(fields.map { "\($0.name)=\($0.value)" } == ["a=9", "B=2"])
        fields["C"] = "4"
        #expect(fields.map { "\($0.name)=\($0.value)" } == ["a=9", "B=2", "C=4"])
        fields["b"] = nil
        #expect(fields.map { "\($0.name)=\($0.value)" } == ["a=9", "C=4"])
        fields["zzz"] = nil
        #expect(fields.count == 2)
    }

    @Test func appendKeepsOrderAndRepeats() {
        var fields = HTTPFields()
        fields.append("Accept", "text/plain")
        fields.append("accept", "application/json")
        #expect(fields.map(\.value) == ["text/plain", "application/json"])
        #expect(fields.values(for: "Accept").count == 2)
    }

    @Test func equalityIgnoresNameCase() {
        let lower = HTTPFields([("x-a", "1")])
        let upper = HTTPFields([("X-A", "1")])
        #expect(lower == upper)
        #expect(lower.hashValue == upper.hashValue)
        #expect(lower != HTTPFields([("X-A", "2")]))
        #expect(HTTPFields([("a", "1"), ("b", "2")]) != HTTPFields([("b", "2"), ("a", "1")]))
    }
}

@Suite struct TransportTests {
    @Test func urlSessionTransportIsATransport() {
        let transport: any HTTPTransport = URLSessionTransport()
        #expect(transport is URLSessionTransport)
        let response = HTTPResponse(status: 204)
        #expect(response.body.isEmpty && response.headers.count == 0)
    }
}
