import SwiftCodegen
import Testing

/// The API protocol's and client's names a module gets: what a consumer would have chosen.
@Suite struct EntryPointNameTests {
    @Test(arguments: [
        ("OpenFunnel", "OpenFunnelAPI", "OpenFunnelClient"),
        ("PetClient", "PetAPI", "PetClient"),
        ("PetAPI", "PetAPI", "PetClient"),
        ("PetApi", "PetAPI", "PetClient"),
        ("PetstoreAPIClient", "PetstoreAPI", "PetstoreClient"),
        ("pet-client", "PetAPI", "PetClient"),
        ("HTTPClient", "HTTPAPI", "HTTPClient"),
        ("Stripe2API", "Stripe2API", "Stripe2Client"),
        // Not a word of its own: kept whole.
        ("Petclient", "PetclientAPI", "PetclientClient"),
        ("CAPI", "CAPIAPI", "CAPIClient"),
        ("Client", "API", "Client"),
        ("API", "API", "Client"),
        ("x", "XAPI", "XClient"),
    ])
    func names(module: String, api: String, client: String) {
        let names = EntryPointNames(module: module)
        #expect(names.api == api)
        #expect(names.client == client)
    }

    @Test func aModuleNamedForItsClientIsNotDoubled() throws {
        let output = try generateInline(GenerationTests.petstore, module: "PetClient")
        let api = file(output, "API.swift")
        let client = file(output, "Client.swift")
        #expect(api.contains("public protocol PetAPI: Sendable {"), "\(api)")
        #expect(client.contains("public struct PetClient: PetAPI {"), "\(client)")
        #expect(!(api + client).contains("PetClientClient"))
        #expect(!(api + client).contains("PetClientAPI"))
    }

    @Test func aSchemaWithTheClientsNameGivesWay() throws {
        let spec = GenerationTests.petstore.replacingOccurrences(of: "Pet", with: "PetClient")
        let output = try generateInline(spec, module: "PetClient")
        let client = file(output, "Client.swift")
        #expect(client.contains("public struct PetClient: PetAPI {"), "\(client)")
        #expect(file(output, "Models.swift").contains("public struct PetClient2"))
    }
}
