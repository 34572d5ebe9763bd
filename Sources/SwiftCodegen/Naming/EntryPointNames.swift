/// The names of what a user of the generated module starts from: the API protocol and the client
/// that implements it, both derived from the module's name.
///
/// The module's name with `API` and `Client` appended, once: a module already named for one of
/// them keeps its stem, so `PetClient` gives `PetAPI` and `PetClient` (not `PetClientClient`),
/// `StripeAPI` gives `StripeAPI` and `StripeClient`, and `PetstoreAPIClient` gives `PetstoreAPI`
/// and `PetstoreClient`. A module named just `API` or `Client` gives `API` and `Client`.
public struct EntryPointNames: Sendable, Hashable {
    public var api: String
    public var client: String
    /// The generated server over the API protocol (`PetServer`), when servers are generated.
    public var server: String

    /// Suffixes that already say "API" or "client", longest first so that `APIClient` is one.
    private static let suffixes = ["APIClient", "ApiClient", "Client", "API", "Api"]

    /// `module` as the user wrote it (`pet-client` or `PetClient`).
    public init(module: String) {
        let name = SwiftNames.typeName(module)
        let stem = Self.stem(of: name)
        api = stem + "API"
        client = stem + "Client"
        server = stem + "Server"
    }

    /// `name` without a trailing API or client word. Only a whole word counts: after a lowercase
    /// letter or a digit (`Pet|Client`, `Stripe|API`), or after capitals when the suffix is a
    /// capitalised word (`HTTP|Client`); `Petclient` keeps its ending.
    static func stem(of name: String) -> String {
        for suffix in suffixes where name.hasSuffix(suffix) {
            let stem = name.dropLast(suffix.count)
            guard let last = stem.last else { return "" }
            let capitalisedWord = suffix.dropFirst().first?.isLowercase == true
            if last.isLowercase || last.isNumber || (last.isUppercase && capitalisedWord) { return String(stem) }
        }
        return name
    }
}
