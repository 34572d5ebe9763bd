import ClientTestSupport
import Foundation
import Testing
import GoldenNames

@Suite("Odd names") struct NamesRoundTripTests {
    static let text = """
        {"self": "me", "default": 3, "enum": "e", "1st_place": "gold", "$ref_count": 2, "me$sage": "hi",
         "foo_bar": "snake", "fooBar": "camel", "kebab-case-name": "k", "URL": "https://x.test", "Type": "private"}
        """

    @Test func decodesEveryWireNameIntoItsOwnProperty() throws {
        let value = try decode(Class.self, Self.text)
        #expect(value.`self` == "me")
        #expect(value.default == 3)
        #expect(value.enum == "e")
        #expect(value._1stPlace == "gold")
        #expect(value.refCount == 2)
        #expect(value.meSage == "hi")
        #expect(value.fooBar == "snake")
        #expect(value.fooBar2 == "camel")
        #expect(value.kebabCaseName == "k")
        #expect(value.url == "https://x.test")
        #expect(value.type == .private)
    }

    @Test func roundTripsEveryWireName() throws {
        #expect(try encodedJSON(decode(Class.self, Self.text)) == json(Self.text))
        let built = Class(self: "me", default: 0, enum: "x", fooBar: "a", fooBar2: "b")
        #expect(try encodedText(built) == #"{"default":0,"enum":"x","fooBar":"b","foo_bar":"a","self":"me"}"#)
    }

    @Test func enumCasesForOddValues() throws {
        let values: [Class.TypeModel2] = try decode([Class.TypeModel2].self, #"["public", "private", "true", "", "1.5", "+", "protected"]"#)
        #expect(values == [.public, .private, .true, .empty, ._15, .symbol2b, Class.TypeModel2(rawValue: "protected")])
        #expect(try encodedJSON(values) == json(#"["public", "private", "true", "", "1.5", "+", "protected"]"#))
    }

    @Test func renamedSchemas() throws {
        #expect(try decode(Error2.self, #"{"message": "boom"}"#) == Error2(message: "boom"))
        #expect(try decode(ModelWithDots.self, #"{"value": "v"}"#) == ModelWithDots(value: "v"))
        #expect(try decode(_123List.self, #"["a", "b"]"#) == ["a", "b"])
        let type: TypeModel = try decode(TypeModel.self, #""plain""#)
        #expect(type == "plain")
    }

    @Test func keywordOperationSendsKeywordParameters() async throws {
        let transport = RecordingTransport(.json(200, #"{"self": "s", "Type": "public"}"#))
        let client = GoldenNamesClient(baseURL: exampleBaseURL, transport: transport)
        let value = try await client.return(for: "a b/c", default: false)
        #expect(value == Class(self: "s", type: .public))
        let request = try #require(await transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/class/a%20b%2Fc")
        #expect(request.query == [QueryItem(name: "default", value: "false")])
    }
}

@Suite("A union over a type whose name starts with a digit") struct DigitBranchNameTests {
    @Test func decodesIntoTheRenamedCase() throws {
        let value = try decode(DigitBranchChoice.self, #"{"a": "x"}"#)
        #expect(value == ._3eNum1Value(_3eNum1(a: "x")))
        #expect(try decode(DigitBranchChoice.self, "7") == .integer(7))
    }
}

@Suite("Names in other scripts") struct UnicodeNamesTests {
    /// `naïve_value` with a combining diaeresis, as the fixture spells it.
    static let text = """
        {"имя_клиента": "Анна", "straße": "Hauptstraße 1", "nai\u{308}ve_value": "ja", "注文番号": 42, "3e-num_1Период": "p",
         "café": "noir", "статус": "発送済み", "клиент": {"ΌνομαΠελάτη": "Ελένη"}}
        """

    @Test func decodesKeysInOtherScriptsIntoTheirMembers() throws {
        let value = try decode(Заказ.self, Self.text)
        #expect(value.имяКлиента == "Анна")
        #expect(value.straße == "Hauptstraße 1")
        #expect(value.naïveValue == "ja")
        #expect(value.注文番号 == 42)
        #expect(value._3eNum1Период == "p")
        #expect(value.café == "noir")
        #expect(value.статус == .発送済み)
        #expect(value.клиент?.όνομαΠελάτη == "Ελένη")
        #expect(try encodedJSON(value) == json(Self.text))
    }

    @Test func encodesTheKeyAsTheSpecSpellsIt() throws {
        // The member is named in NFC; the key on the wire keeps the decomposed spelling.
        let text = try encodedText(Заказ(naïveValue: "ja"))
        #expect(Array(text.utf8) == Array(#"{"nai\#u{308}ve_value":"ja"}"#.utf8))
    }

    @Test func enumValuesInOtherScripts() throws {
        let values = try decode([注文].self, #"["新規", "発送済み", "Ελληνικά", "E\u0301TAT", "👍"]"#)
        #expect(values == [.新規, .発送済み, .ελληνικά, .état, .symbol1f44d])
        #expect(Array(注文.état.rawValue.unicodeScalars) == ["E", "\u{301}", "T", "A", "T"])
        #expect(注文.knownValues.count == 5)
    }

    @Test func operationAndParametersNamedInOtherScripts() async throws {
        let transport = RecordingTransport(.json(200, #"{"статус": "新規"}"#))
        let client = GoldenNamesClient(baseURL: exampleBaseURL, transport: transport)
        let value = try await client.получитьЗаказ(номер: "№ 7/б", größe: 3)
        #expect(value == Заказ(статус: .新規))
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/orders/%E2%84%96%207%2F%D0%B1")
        #expect(request.query == [QueryItem(name: "größe", value: "3")])
        #expect(Operations.ПолучитьЗаказ.id == "получитьЗаказ")
    }
}
