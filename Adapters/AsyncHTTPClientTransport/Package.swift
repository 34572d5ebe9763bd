// swift-tools-version: 6.0
import Foundation
import PackageDescription

// An HTTPTransport on AsyncHTTPClient (swift-nio), for clients that stream large bodies on Linux,
// where FoundationNetworking's URLSession hands every 16 KiB of a body through a dispatch timer and
// a thread hop (README, "Choosing a transport"). A package of its own, depending on the root by
// path, so a client-only user of the root package resolves no NIO; built in a step of its own
// (`make test-async-http-client`): AsyncHTTPClient brings swift-nio, swift-nio-ssl, swift-crypto
// and more, a clean debug build of minutes where the root takes seconds.
//
// The tests run the transport against FlyingFox servers on 127.0.0.1, and the generated OpenFunnel
// client against the fake OpenFunnel server of Tools/ (a path dependency too: Tools depends on the
// root alone, so the graph has no cycle). The bench is `make bench` section 7's AsyncHTTPClient row.
// Those two dependencies (Tools, FlyingFox) serve the tests and the bench only; a package using the
// library resolves them but builds neither.

// A path dependency's identity is its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "openapi-gen-async-http-client",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "OpenAPIGenAsyncHTTPClient", targets: ["OpenAPIGenAsyncHTTPClient"]),
        .executable(name: "openapi-gen-ahc-stream-bench", targets: ["openapi-gen-ahc-stream-bench"]),
    ],
    dependencies: [
        .package(path: "../.."),
        .package(path: "../../Tools"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(name: "OpenAPIGenAsyncHTTPClient", dependencies: [
            .product(name: "OpenAPIGenRuntime", package: root),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
        ]),
        // `make bench` section 7: the 1 GiB download of Tools' stream bench through this transport.
        .executableTarget(name: "openapi-gen-ahc-stream-bench", dependencies: [
            "OpenAPIGenAsyncHTTPClient", .product(name: "OpenAPIGenRuntime", package: root),
            .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        .testTarget(name: "AsyncHTTPClientTransportTests", dependencies: [
            "OpenAPIGenAsyncHTTPClient", .product(name: "OpenAPIGenRuntime", package: root),
            .product(name: "OpenFunnel", package: root),
            .product(name: "OpenFunnelFakeServer", package: "Tools"),
            .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
