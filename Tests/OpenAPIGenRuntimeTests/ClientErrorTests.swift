import Foundation
import Testing
@testable import OpenAPIGenRuntime

private enum ListRowsOutput: OperationOutput {
    case ok
    case notFound
    var statusCode: Int {
        switch self {
        case .ok: 200
        case .notFound: 404
        }
    }
}

private struct Employee: Decodable { var employee_count: Int }
private struct Page: Decodable { var rows: [Employee] }

/// The `DecodingError` `JSONCoding` throws for `json`.
private func decodingError(_ json: String) -> DecodingError? {
    do {
        _ = try JSONCoding.decode(Page.self, from: Data(json.utf8))
        return nil
    } catch {
        return error as? DecodingError
    }
}

@Suite struct ClientErrorTests {
    @Test func apiErrorNamesOnlyOperationAndStatus() {
        let error = OperationError(operationID: "listRows", output: ListRowsOutput.notFound)
        #expect(error.statusCode == 404)
        #expect(error.description == "`listRows` returned HTTP 404")
        #expect(String(describing: error) == "`listRows` returned HTTP 404")
    }

    @Test func describesDecodingErrorsByPath() throws {
        let wrongType = try #require(decodingError(#"{"rows":[{"employee_count":"12"}]}"#))
        #expect(ClientError.describe(wrongType) == "rows[0].employee_count: expected Int, found String")
        let boolean = try #require(decodingError(#"{"rows":[{"employee_count":1},{"employee_count":true}]}"#))
        #expect(ClientError.describe(boolean) == "rows[1].employee_count: expected Int, found Bool")
        let object = try #require(decodingError(#"{"rows":{}}"#))
        #expect(ClientError.describe(object).hasPrefix("rows: expected Array"))
        #expect(ClientError.describe(object).hasSuffix(", found Object"))
        let null = try #require(decodingError(#"{"rows":[{"employee_count":null}]}"#))
        #expect(ClientError.describe(null) == "rows[0].employee_count: expected Int, found null")
        let missing = try #require(decodingError(#"{"rows":[{}]}"#))
        #expect(ClientError.describe(missing) == "rows[0].employee_count: required value is missing")
        let broken = try #require(decodingError(#"{"rows":"#))
        #expect(!ClientError.describe(broken).isEmpty)
    }

    @Test func describesHandMadeDecodingErrors() {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue }
            init(intValue: Int) { self.stringValue = "Index \(intValue)"; self.intValue = intValue }
        }
        let context = DecodingError.Context(
            codingPath: [Key(stringValue: "a"), Key(intValue: 2), Key(stringValue: "b")],
            debugDescription: "something unusual")
        #expect(ClientError.describe(.typeMismatch(Int.self, context)) == "a[2].b: expected Int: something unusual")
        #expect(ClientError.describe(.dataCorrupted(context)) == "a[2].b: something unusual")
        let top = DecodingError.Context(codingPath: [], debugDescription: "not JSON")
        #expect(ClientError.describe(.dataCorrupted(top)) == "not JSON")
    }

    @Test func clientErrorDescriptions() {
        let invalid = ClientError.invalidInput(
            operationID: "createRow",
            ValidationFailure(issues: [
                ValidationIssue(path: "name", message: "0 characters, at least 1 required"),
                ValidationIssue(path: "", message: "bad"),
            ]))
        #expect(invalid.description
            == "`createRow` was not sent, its input is invalid:\n  name: 0 characters, at least 1 required\n  bad")

        let undecodable = ClientError.undecodableResponse(
            operationID: "listRows", status: 200, contentType: "application/json",
            underlying: "rows[0].employee_count: expected Int, found String")
        #expect(undecodable.description
            == "`listRows` returned HTTP 200 (application/json) with a body that could not be decoded: rows[0].employee_count: expected Int, found String")
        let untyped = ClientError.undecodableResponse(operationID: "op", status: 500, contentType: nil, underlying: "x")
        #expect(untyped.description == "`op` returned HTTP 500 with a body that could not be decoded: x")

        #expect(ClientError.transport(operationID: "op", underlying: CancellationError()).description == "`op` failed: cancelled")
    }

    @Test func transportErrorsDoNotLeakTheURL() throws {
        let url = try #require(URL(string: "https://h/rows?api_key=SECRET"))
        let error = URLError(.cannotConnectToHost, userInfo: [
            NSURLErrorFailingURLErrorKey: url, NSLocalizedDescriptionKey: "Could not connect",
        ])
        let description = ClientError.transport(operationID: "listRows", underlying: error).description
        #expect(description.hasPrefix("`listRows` failed: URLError -1004"))
        #expect(!description.contains("SECRET"))
    }
}
