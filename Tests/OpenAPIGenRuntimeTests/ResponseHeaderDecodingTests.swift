import Foundation
import Testing
@testable import OpenAPIGenRuntime

/// `style: simple` response headers read into their schema types, with `explode` deciding how
/// an object is written (OpenAPI's style table: `k=v,k2=v2` exploded, `k,v,k2,v2` not).
@Suite struct ResponseHeaderDecodingTests {
    private struct Quota: Decodable, Equatable {
        var remaining: Int
        var resource: String
    }

    private func read<T: Decodable>(_ type: T.Type, _ text: String, _ shape: HeaderValueShape) throws -> T? {
        let response = HTTPResponse(status: 200, headers: HTTPFields([("X-Value", text)]))
        return try ResponseHeaderDecoding.optional(type, "X-Value", shape, in: response, operationID: "op")
    }

    @Test func anExplodedObjectIsKeyEqualsValuePairs() throws {
        #expect(try read(Quota.self, "remaining=12, resource=core", .object(explode: true)) == Quota(remaining: 12, resource: "core"))
        #expect(try read([String: String].self, "a=1,b=x=y", .object(explode: true)) == ["a": "1", "b": "x=y"])
    }

    @Test func anUnexplodedObjectAlternatesKeysAndValues() throws {
        #expect(try read(Quota.self, "remaining,12,resource,core", .object(explode: false)) == Quota(remaining: 12, resource: "core"))
        #expect(try read([String: String].self, "repo,read,user,write", .object(explode: false)) == ["repo": "read", "user": "write"])
        #expect(try read([String: String].self, "", .object(explode: false)) == [:])
    }

    @Test func theOtherFormIsNotReadAsThisOne() {
        // Exploded text where the spec says not exploded: an odd item count, not a silent guess.
        #expect(throws: ClientError.self) { try read([String: String].self, "a=1,b=2,c=3", .object(explode: false)) }
        // Unexploded text where the spec says exploded: items without `=`.
        #expect(throws: ClientError.self) { try read([String: String].self, "a,1,b,2", .object(explode: true)) }
        #expect(throws: ClientError.self) { try read([String: String].self, "a,1,b", .object(explode: false)) }
    }

    @Test func arraysReadTheSameWhicheverExplode() throws {
        // `simple` writes an array `a,b,c` with or without `explode`.
        #expect(try read([Int].self, "1, 2,3", .list) == [1, 2, 3])
        #expect(try read([String].self, "a,b", .list) == ["a", "b"])
    }
}
