import Foundation
import PetstoreClient
import Testing

/// The generated client as a consumer uses it: its names read as the module's, and the spec's
/// constraints are checked before any request goes out.
@Suite struct PetstoreClientTests {
    @Test func invalidInputIsRefusedBeforeAnyRequest() async {
        // Nothing listens on port 9: reaching the network would be a transport error instead.
        let client: any PetstoreAPI = PetstoreClient(baseURL: URL(string: "http://127.0.0.1:9")!)
        await #expect {
            _ = try await client.createPet(body: NewPet(name: ""))
        } throws: { error in
            guard case ClientError.invalidInput = error else { return false }
            return true
        }
    }

    @Test func theDefaultServerIsTheSpecs() {
        #expect(Servers.server1.absoluteString == "https://petstore.example.com/v1")
    }
}
