import Foundation
import OpenAPIGenRuntime
import RoundTripNames
import Testing

/// Answers with every oddly named member set from the input.
private struct Keywords: GoldenServerNamesAPI {
    func `return`(_ input: Operations.Return.Input) async throws -> Operations.Return.Output {
        .ok(Class(self: input.for, default: input.default.map { $0 ? 1 : 0 }, enum: "e", _1stPlace: "1", refCount: 2, meSage: "m",
                  fooBar: "snake", fooBar2: "camel", kebabCaseName: "k", url: "u", type: input.default == true ? .`true` : .symbol2b))
    }

    func получитьЗаказ(_ input: Operations.ПолучитьЗаказ.Input) async throws -> Operations.ПолучитьЗаказ.Output {
        .ok(Заказ(имяКлиента: input.номер, 注文番号: input.größe, статус: .発送済み))
    }
}

@Suite struct NamesRoundTripTests {
    static let server = SharedServer { try await Keywords().registerHandlers(on: $0) }

    @Test func keywordNamesSurvive() async throws {
        let url = try await Self.server.url
        let client = GoldenServerNamesClient(baseURL: url)
        #expect(try await client.return(.init(for: "in/out ?", default: true)) == .ok(Class(
            self: "in/out ?", default: 1, enum: "e", _1stPlace: "1", refCount: 2, meSage: "m", fooBar: "snake", fooBar2: "camel",
            kebabCaseName: "k", url: "u", type: .`true`)))
        guard case .ok(let plain, _) = try await client.return(.init(for: "x")) else {
            Issue.record("expected 200")
            return
        }
        #expect(plain.`self` == "x" && plain.default == nil && plain.type == .symbol2b)
        let json = try await raw("GET", url, "/class/x?default=false").text
        for key in ["\"self\"", "\"1st_place\"", "\"$ref_count\"", "\"me$sage\"", "\"foo_bar\"", "\"fooBar\"", "\"kebab-case-name\"", "\"URL\"", "\"Type\""] {
            #expect(json.contains(key), "\(key) in \(json)")
        }
    }

    @Test func namesInOtherScriptsSurvive() async throws {
        let url = try await Self.server.url
        let client = GoldenServerNamesClient(baseURL: url)
        #expect(try await client.получитьЗаказ(.init(номер: "№ 7/б", größe: 3)) == .ok(Заказ(имяКлиента: "№ 7/б", 注文番号: 3, статус: .発送済み)))
        // The query name as a browser sends it: UTF-8, percent-encoded.
        let answer = try await raw("GET", url, "/orders/%D0%B1?gr%C3%B6%C3%9Fe=5")
        #expect(answer.status == 200)
        for member in [#""имя_клиента":"б""#, #""注文番号":5"#, #""статус":"発送済み""#] {
            #expect(answer.text.contains(member), "\(member) in \(answer.text)")
        }
    }

    @Test func aQueryBooleanThatIsNotOneIs400() async throws {
        let url = try await Self.server.url
        let bad = try await raw("GET", url, "/class/x?default=maybe")
        #expect(bad.status == 400 && problems(bad.text) == ["query:default"], "\(bad.text)")
    }
}
