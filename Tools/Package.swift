// swift-tools-version: 6.0
import Foundation
import PackageDescription

// What this repository uses around the generated client, kept out of the root package so that
// consumers of OpenFunnel and OpenAPIGenRuntime never resolve FlyingFox or swift-argument-parser:
// the fake OpenFunnel server (FlyingFox), the `openfunnel` command line (swift-argument-parser),
// the drain benchmark, and the tests that run them. Depends on the root package by path.

// A path dependency's identity is its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "openapi-gen-tools",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openfunnel", targets: ["openfunnel"]),
        .executable(name: "openfunnel-fake-server", targets: ["openfunnel-fake-server"]),
        .executable(name: "openfunnel-drain-bench", targets: ["openfunnel-drain-bench"]),
        .executable(name: "openfunnel-validate-bench", targets: ["openfunnel-validate-bench"]),
        .executable(name: "openapi-gen-stream-bench", targets: ["openapi-gen-stream-bench"]),
        .library(name: "OpenFunnelFakeServer", targets: ["OpenFunnelFakeServer"]),
    ],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // A fake OpenFunnel over real HTTP (FlyingFox) for tests, benchmarks and `make demo`.
        .target(name: "OpenFunnelFakeServer", dependencies: [
            .product(name: "OpenFunnel", package: root), .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        .executableTarget(name: "openfunnel-fake-server", dependencies: ["OpenFunnelFakeServer"]),
        .executableTarget(name: "openfunnel-drain-bench", dependencies: [
            "OpenFunnelFakeServer", .product(name: "OpenFunnelJobs", package: root), .product(name: "OpenFunnel", package: root),
        ]),
        // `make bench` section 6: validate() of a decoded 100-row page as a ratio to decoding it.
        .executableTarget(name: "openfunnel-validate-bench", dependencies: [
            "OpenFunnelFakeServer", .product(name: "OpenFunnel", package: root),
        ]),
        // `make bench`'s streaming section: a streamed download and SSE decoding against raw reads.
        .executableTarget(name: "openapi-gen-stream-bench", dependencies: [
            .product(name: "OpenAPIGenRuntime", package: root),
            .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        // The `openfunnel` command line: its logic in a library so tests can drive it.
        .target(name: "OpenFunnelCLI", dependencies: [
            .product(name: "OpenFunnelJobs", package: root), .product(name: "OpenFunnel", package: root),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "openfunnel", dependencies: ["OpenFunnelCLI"]),

        .testTarget(name: "IntegrationTests", dependencies: [
            "OpenFunnelFakeServer", .product(name: "OpenFunnelJobs", package: root), .product(name: "OpenFunnel", package: root),
        ]),
        .testTarget(name: "OpenFunnelCLITests", dependencies: ["OpenFunnelCLI", "OpenFunnelFakeServer"]),
    ],
    swiftLanguageModes: [.v6]
)
