// swift-tools-version: 6.0
import Foundation
import PackageDescription

// A package that uses openapi-gen the way a consumer does: its own spec and openapi-gen.yaml, the
// generated client committed under Sources/PetstoreClient, the plugins to regenerate and check it.
// `make test` (Scripts/check-consumer.sh) builds it from a clean build folder and checks that it
// resolves nothing but openapi-gen and swift-log.

// A path dependency's identity is its folder's name, whatever the clone is called. In your own
// package this is `.package(url: "…/openapi-gen.git", from: "…")`, and the identity `openapi-gen`.
let generator = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "PetstoreConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .target(name: "PetstoreClient", dependencies: [.product(name: "OpenAPIGenRuntime", package: generator)]),
        .testTarget(name: "PetstoreClientTests", dependencies: ["PetstoreClient"]),
    ],
    swiftLanguageModes: [.v6]
)
