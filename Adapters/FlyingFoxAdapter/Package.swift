// swift-tools-version: 6.0
import Foundation
import PackageDescription

// Serves generated servers (`targets: [client, server]`) through FlyingFox. A package of its own,
// depending on the root by path, so that a client-only user of the root package resolves nothing
// for it: SwiftPM fetches every `dependencies:` entry of a root manifest whatever products a
// consumer uses. (Package traits, swift-tools 6.1, would gate the dependency instead; see README,
// "Serving your API", for the measurement and why not yet.)
//
// The round-trip tests compile the root's server goldens (Tests/Reference/GoldenServer<Name>,
// linked under Tests/Goldens) and run each generated client against its generated server over
// real HTTP on 127.0.0.1. The folder is not called FlyingFox: a path package's identity is its
// folder's name, which would clash with FlyingFox's own.

// A path dependency's identity is its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let goldens = [
    "BinaryStream", "Bodies", "Composition", "Constraints", "ContentTypes", "Documents32", "Enums", "Headers", "JSONLines", "Keywords31",
    "Names", "Nullable", "Nullable30", "Operations32", "Parameters", "Payloads", "RealWorld", "ServerSentEvents", "Streams32",
]

let package = Package(
    name: "openapi-gen-flyingfox",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "OpenAPIGenFlyingFox", targets: ["OpenAPIGenFlyingFox"]),
        .executable(name: "openapi-gen-server-bench", targets: ["openapi-gen-server-bench"]),
    ],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .target(name: "OpenAPIGenFlyingFox", dependencies: [
            .product(name: "OpenAPIGenRuntime", package: root), .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        // `make bench` section 8: the generated OpenFunnel server against FlyingFox's own fixed answer.
        .executableTarget(name: "openapi-gen-server-bench", dependencies: [
            "OpenAPIGenFlyingFox", .product(name: "OpenFunnel", package: root), .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// Module names differ from the root's golden targets (SwiftPM wants target names unique across
// the graph); generated code never names its own module.
package.targets += goldens.map { name in
    .target(name: "RoundTrip\(name)", dependencies: [.product(name: "OpenAPIGenRuntime", package: root)], path: "Tests/Goldens/\(name)")
}
package.targets.append(.testTarget(
    name: "RoundTripTests",
    dependencies: goldens.map { .target(name: "RoundTrip\($0)") } + [
        "OpenAPIGenFlyingFox", .product(name: "OpenAPIGenRuntime", package: root),
        // Raw sockets, for requests URLSession will not send (a chunked body of unknown length).
        .product(name: "FlyingSocks", package: "FlyingFox"),
    ],
    path: "Tests/RoundTripTests"))
