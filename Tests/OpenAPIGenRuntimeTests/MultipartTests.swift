import Foundation
import Testing
@testable import OpenAPIGenRuntime

/// RFC 2046 framing as `MultipartParser` reads it, and what `MultipartUpload` writes.
@Suite struct MultipartTests {
    /// Every part of `text`, fed in pieces of `size` bytes.
    func parts(_ text: String, boundary: String, size: Int = .max) throws -> [MultipartPart] {
        var parser = MultipartParser(boundary: boundary)
        let bytes = Array(text.utf8)
        var parts: [MultipartPart] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(1, min(size, bytes.count)))
            parts += try parser.feed(Data(bytes[start..<end]))
            start = end
        }
        try parser.finish()
        return parts
    }

    @Test func bareLineFeedsFoldedHeadersAndEmptyParts() throws {
        let text = "--b\nContent-Type: text/plain;\n  charset=utf-8\nX-A:1\n\nfirst\n--b\n\n\n--b--"
        for size in [1, 2, 5, 100] {
            let read = try parts(text, boundary: "b", size: size)
            #expect(read.map(\.text) == ["first", ""])
            #expect(read.first?.contentType == "text/plain; charset=utf-8")
            #expect(read.first?.headers["x-a"] == "1")
        }
    }

    /// A delimiter is only a delimiter at the start of a line: the boundary text inside a body,
    /// or a longer boundary's prefix after a line break, stays data.
    @Test func boundaryTextInsideABodyIsData() throws {
        let text = "--ab\r\n\r\nx--ab\r\n--abc\r\n--ab--\r\n"
        #expect(try parts(text, boundary: "ab").map(\.text) == ["x--ab\r\n--abc"])
    }

    @Test func headerWithoutColonIsAnError() throws {
        #expect(throws: MultipartError.malformedHeader(part: 1, line: "nonsense")) {
            _ = try parts("--b\r\nnonsense\r\n\r\nx\r\n--b--", boundary: "b")
        }
    }

    @Test func boundaryComesFromTheContentType() throws {
        #expect(try MultipartError.boundary(of: "multipart/mixed; charset=x; BOUNDARY=\"a;b \\\"c\"") == "a;b \"c")
        #expect(throws: MultipartError.missingBoundary(contentType: "multipart/mixed")) {
            _ = try MultipartError.boundary(of: "multipart/mixed")
        }
        let part = MultipartPart(headers: HTTPFields([("Content-Disposition", "form-data; name=field; filename=\"a;b.txt\"")]), body: Data())
        #expect(part.name == "field" && part.filename == "a;b.txt")
    }

    /// Parts are never held beyond their delimiter: a large body read in small chunks keeps
    /// the buffer near one part's size.
    @Test func manyPartsInSmallChunks() throws {
        var text = ""
        for i in 0..<500 { text += "--q\r\nContent-Type: application/json\r\n\r\n{\"n\":\(i)}\r\n" }
        text += "--q--\r\n"
        let read = try parts(text, boundary: "q", size: 13)
        #expect(read.count == 500)
        #expect(read.last?.text == "{\"n\":499}")
    }

    /// Bodies assembled at random from the pieces framing is made of: reading one in pieces of
    /// any size gives what reading it at once gives (the same parts, or the same error), and
    /// nothing crashes.
    @Test func framingDoesNotDependOnChunkBoundaries() {
        let pieces = ["--b", "\r\n", "\n", "\r", "x", "X-A: 1", ":", "-", " ", "--b--", "--bb", "\r\n\r\n"]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        func outcome(_ text: String, size: Int) -> String {
            do {
                return try parts(text, boundary: "b", size: size).map { "\($0.headers.map { "\($0.name)=\($0.value)" })|\($0.text)" }.joined(separator: "#")
            } catch {
                return "error: \(error)"
            }
        }
        for _ in 0..<1500 {
            let text = (0..<(1 + next(24))).map { _ in pieces[next(pieces.count)] }.joined()
            let whole = outcome(text, size: .max)
            for size in [1, 2, 3] {
                #expect(outcome(text, size: size) == whole, "\(text.debugDescription) in pieces of \(size)")
            }
        }
    }

    @Test func uploadWritesPartsThatParseBack() async throws {
        let upload = MultipartUpload<String>(["one", "two\r\nlines"], boundary: "zz")
        #expect(upload.contentType("multipart/mixed") == "multipart/mixed; boundary=\"zz\"")
        let data = try await upload.body(partContentType: "text/plain").collect(upTo: 1 << 20)
        #expect(String(decoding: data, as: UTF8.self)
            == "--zz\r\nContent-Type: text/plain\r\n\r\none\r\n--zz\r\nContent-Type: text/plain\r\n\r\ntwo\r\nlines\r\n--zz--\r\n")
        let read = try parts(String(decoding: data, as: UTF8.self), boundary: "zz")
        #expect(read.map(\.text) == ["one", "two\r\nlines"])

        let raw = MultipartPart(headers: HTTPFields([("Content-Range", "bytes 0-1/2")]), body: Data([1, 2]))
        let bytes = try await MultipartUpload<MultipartPart>([raw], boundary: "r").body(partContentType: "video/mp4").collect(upTo: 1 << 20)
        let back = try parts(String(decoding: bytes, as: UTF8.self), boundary: "r")
        #expect(back.first?.headers["Content-Range"] == "bytes 0-1/2" && back.first?.contentType == "video/mp4")
        #expect(back.first?.body == Data([1, 2]))
    }

    @Test func reservedCharactersPassOnlyWhereAQueryHoldsThem() {
        #expect(PercentEncoding.encodeAllowingReserved("a/b?c:d@e!$&'()*+,;=%2F%zz #[]é") == "a/b?c:d@e!$&'()*+,;=%2F%25zz%20%23%5B%5D%C3%A9")
        var items: [QueryItem] = []
        QueryEncoding.allowingReserved(&items) { QueryEncoding.append(&$0, name: "p", values: ["a/b", "c"], explode: true) }
        QueryEncoding.append(&items, name: "q", value: "a/b")
        #expect(items.map(\.allowsReserved) == [true, true, false])
        let url = HTTPRequest(method: "GET", path: "/x", query: items).url(relativeTo: URL(string: "https://h")!)
        #expect(url.absoluteString == "https://h/x?p=a/b&p=c&q=a%2Fb")
    }
}
