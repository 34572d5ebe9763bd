import Foundation
import Testing
@testable import OpenAPIGenRuntime

enum Color: String, Sendable, ParameterValue {
    case red, lightBlue = "light blue"
}

enum Level: Int, Sendable, ParameterValue {
    case low = 1, high = 10
}

@Suite struct ParameterValueTests {
    @Test func scalarsHaveWireText() throws {
        #expect(true.parameterText == "true")
        #expect(false.parameterText == "false")
        #expect(42.parameterText == "42")
        #expect(Int32(-7).parameterText == "-7")
        #expect(Int64.max.parameterText == "9223372036854775807")
        #expect(3.0.parameterText == "3")
        #expect(0.5.parameterText == "0.5")
        #expect((-0.25).parameterText == "-0.25")
        #expect(Float(0.1).parameterText == "0.1")
        #expect(Float(2).parameterText == "2")
        #expect(1e300.parameterText == "1e+300")
        let uuid = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(uuid.parameterText == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        #expect(Date(timeIntervalSince1970: 0.25).parameterText == "1970-01-01T00:00:00.250Z")
    }

    @Test func rawRepresentableEnumsUseTheirRawValue() {
        #expect(Color.lightBlue.parameterText == "light blue")
        #expect(Level.high.parameterText == "10")
    }
}

@Suite struct QueryEncodingTests {
    func render(_ build: (inout [QueryItem]) -> Void) -> String {
        var items: [QueryItem] = []
        build(&items)
        return items.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    @Test func scalars() {
        #expect(render { QueryEncoding.append(&$0, name: "q", value: "a b") } == "q=a b")
        #expect(render { QueryEncoding.append(&$0, name: "n", value: 5, style: .form, explode: false) } == "n=5")
        #expect(render { QueryEncoding.append(&$0, name: "c", value: Color.red) } == "c=red")
        #expect(render { QueryEncoding.append(&$0, name: "q", value: String?.none) } == "")
    }

    @Test func arrays() {
        let values = [1, 2, 3]
        #expect(render { QueryEncoding.append(&$0, name: "a", values: values) } == "a=1&a=2&a=3")
        #expect(render { QueryEncoding.append(&$0, name: "a", values: values, style: .form, explode: false) } == "a=1,2,3")
        #expect(render { QueryEncoding.append(&$0, name: "a", values: values, style: .spaceDelimited, explode: false) } == "a=1 2 3")
        #expect(render { QueryEncoding.append(&$0, name: "a", values: values, style: .spaceDelimited, explode: true) } == "a=1&a=2&a=3")
        #expect(render { QueryEncoding.append(&$0, name: "a", values: values, style: .pipeDelimited, explode: false) } == "a=1|2|3")
        #expect(render { QueryEncoding.append(&$0, name: "a", values: values, style: .pipeDelimited, explode: true) } == "a=1&a=2&a=3")
        #expect(render { QueryEncoding.append(&$0, name: "a", values: [Color.red, .lightBlue], explode: false) } == "a=red,light blue")
    }

    @Test func nilAndEmptyArraysAppendNothing() {
        for style in [ParameterStyle.form, .spaceDelimited, .pipeDelimited] {
            for explode in [true, false] {
                #expect(render { QueryEncoding.append(&$0, name: "a", values: [Int]?.none, style: style, explode: explode) } == "")
                #expect(render { QueryEncoding.append(&$0, name: "a", values: [Int](), style: style, explode: explode) } == "")
            }
        }
    }

    @Test func objects() {
        let object = ["role": "admin", "first": "Alex"]
        #expect(render { QueryEncoding.append(&$0, name: "o", object: object) } == "first=Alex&role=admin")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: object, style: .form, explode: false) } == "o=first,Alex,role,admin")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: object, style: .deepObject) } == "o[first]=Alex&o[role]=admin")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: object, style: .spaceDelimited, explode: false) } == "o=first Alex role admin")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: object, style: .pipeDelimited, explode: false) } == "o=first|Alex|role|admin")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: ["n": 2, "m": 1], style: .deepObject) } == "o[m]=1&o[n]=2")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: [String: Int]?.none) } == "")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: [String: Int]()) } == "")
    }

    @Test func orderedPairObjectsKeepTheirOrder() {
        let pairs = [("z", "1"), ("a", "2")]
        #expect(render { QueryEncoding.append(&$0, name: "o", object: pairs) } == "z=1&a=2")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: pairs, style: .form, explode: false) } == "o=z,1,a,2")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: pairs, style: .deepObject) } == "o[z]=1&o[a]=2")
        #expect(render { QueryEncoding.append(&$0, name: "o", object: [(String, String)]?.none) } == "")
    }

    @Test func delimitersAreEscapedInTheURL() throws {
        var items: [QueryItem] = []
        QueryEncoding.append(&items, name: "s", values: ["a", "b"], style: .spaceDelimited, explode: false)
        QueryEncoding.append(&items, name: "p", values: ["a", "b"], style: .pipeDelimited, explode: false)
        QueryEncoding.append(&items, name: "f", values: ["a", "b"], style: .form, explode: false)
        QueryEncoding.append(&items, name: "d", object: ["k": "v"], style: .deepObject)
        let url = HTTPRequest(path: "/x", query: items).url(relativeTo: try #require(URL(string: "https://h")))
        #expect(url.absoluteString == "https://h/x?s=a%20b&p=a%7Cb&f=a%2Cb&d%5Bk%5D=v")
    }
}

@Suite struct PathEncodingTests {
    @Test func segmentEscaping() {
        #expect(PathEncoding.segment("a/b") == "a%2Fb")
        #expect(PathEncoding.segment("a b") == "a%20b")
        #expect(PathEncoding.segment("100%") == "100%25")
        #expect(PathEncoding.segment("é") == "%C3%A9")
        #expect(PathEncoding.segment("🇫🇷") == "%F0%9F%87%AB%F0%9F%87%B7")
        #expect(PathEncoding.segment("a?b#c") == "a%3Fb%23c")
        #expect(PathEncoding.segment("A-z_0.9~") == "A-z_0.9~")
        #expect(PathEncoding.segment("!$&'()*+,;=") == "!$&'()*+,;=")
        #expect(PathEncoding.segment("a:b@c") == "a%3Ab%40c")
        #expect(PathEncoding.segment(Color.lightBlue) == "light%20blue")
        #expect(PathEncoding.segment(12) == "12")
    }

    @Test func scalarStyles() {
        #expect(PathEncoding.render(name: "id", value: "a b", style: .simple, explode: false) == "a%20b")
        #expect(PathEncoding.render(name: "id", value: 5, style: .label, explode: false) == ".5")
        #expect(PathEncoding.render(name: "id", value: 5, style: .label, explode: true) == ".5")
        #expect(PathEncoding.render(name: "id", value: 5, style: .matrix, explode: false) == ";id=5")
        #expect(PathEncoding.render(name: "id", value: 5, style: .matrix, explode: true) == ";id=5")
        #expect(PathEncoding.render(name: "id", value: "", style: .matrix, explode: false) == ";id")
        #expect(PathEncoding.render(name: "id", value: "", style: .label, explode: false) == ".")
        #expect(PathEncoding.render(name: "id", value: "a,b;c", style: .simple, explode: false) == "a%2Cb%3Bc")
    }

    @Test func arrayStyles() {
        let values = ["a", "b c"]
        #expect(PathEncoding.render(name: "x", values: values, style: .simple, explode: false) == "a,b%20c")
        #expect(PathEncoding.render(name: "x", values: values, style: .simple, explode: true) == "a,b%20c")
        #expect(PathEncoding.render(name: "x", values: values, style: .label, explode: false) == ".a,b%20c")
        #expect(PathEncoding.render(name: "x", values: values, style: .label, explode: true) == ".a.b%20c")
        #expect(PathEncoding.render(name: "x", values: values, style: .matrix, explode: false) == ";x=a,b%20c")
        #expect(PathEncoding.render(name: "x", values: values, style: .matrix, explode: true) == ";x=a;x=b%20c")
        for style in [ParameterStyle.simple, .label, .matrix] {
            #expect(PathEncoding.render(name: "x", values: [Int](), style: style, explode: true) == "")
        }
    }
}

@Suite struct HeaderEncodingTests {
    @Test func text() {
        #expect(HeaderEncoding.text("abc") == "abc")
        #expect(HeaderEncoding.text(7) == "7")
        #expect(HeaderEncoding.text([1, 2, 3]) == "1,2,3")
        #expect(HeaderEncoding.text([Color.red, .lightBlue]) == "red,light blue")
        #expect(HeaderEncoding.text("a\r\nX-Evil: 1") == "a  X-Evil: 1")
    }
}
