// swift-tools-version: 6.0
import Foundation
import PackageDescription

// Serves generated servers through Hummingbird 2. A package of its own, like
// Adapters/FlyingFoxAdapter, and built in a step of its own (`make test-hummingbird`): Hummingbird
// brings 24 packages (swift-nio, swift-nio-ssl, swift-crypto, async-http-client, …), whose clean
// debug build takes minutes where FlyingFox takes seconds (README, "Serving your API").
//
// The round trip compiles the root's Parameters server golden (linked under Tests/Goldens) and
// runs its generated client against it over real HTTP on 127.0.0.1.

// A path dependency's identity is its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "openapi-gen-hummingbird",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "OpenAPIGenHummingbird", targets: ["OpenAPIGenHummingbird"]),
    ],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        .target(name: "OpenAPIGenHummingbird", dependencies: [
            .product(name: "OpenAPIGenRuntime", package: root),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .target(name: "RoundTripParameters", dependencies: [.product(name: "OpenAPIGenRuntime", package: root)], path: "Tests/Goldens/Parameters"),
        .testTarget(name: "RoundTripTests", dependencies: [
            "OpenAPIGenHummingbird", "RoundTripParameters", .product(name: "OpenAPIGenRuntime", package: root),
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
