// swift-tools-version: 6.0
import PackageDescription

// The generator is a pipeline, one target per stage:
//   CYAML (libyaml) → YAMLTree (nodes with marks) → OpenAPIModel (typed document, $ref resolution)
//   → SwiftCodegen (declarations → text) → openapi-gen (CLI).
// Generated code depends only on Foundation and OpenAPIGenRuntime.
// Golden outputs of the generator (Tests/Fixtures → Tests/Reference), each compiled as its own
// module so that a golden that doesn't compile fails the build.
let goldenModules = ["GoldenBodies", "GoldenComposition", "GoldenConstraints", "GoldenEnums", "GoldenKeywords31", "GoldenNames", "GoldenNesting", "GoldenNullable", "GoldenNullable30", "GoldenParameters", "GoldenPayloads"]

let package = Package(
    name: "openapi-gen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openapi-gen", targets: ["openapi-gen"]),
        .library(name: "OpenAPIGenRuntime", targets: ["OpenAPIGenRuntime"]),
        .library(name: "OpenFunnel", targets: ["OpenFunnel"]),
        .library(name: "OpenFunnelJobs", targets: ["OpenFunnelJobs"]),
        .executable(name: "openfunnel", targets: ["openfunnel"]),
        .plugin(name: "GenerateOpenAPI", targets: ["GenerateOpenAPI"]),
        .executable(name: "openfunnel-fake-server", targets: ["openfunnel-fake-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        .target(name: "OpenAPIModel", dependencies: ["YAMLTree"]),
        .target(name: "SwiftCodegen", dependencies: ["OpenAPIModel"]),
        .target(name: "GeneratorDriver", dependencies: ["OpenAPIModel", "SwiftCodegen"]),
        .executableTarget(
            name: "openapi-gen",
            dependencies: [
                "OpenAPIModel", "SwiftCodegen", "GeneratorDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "OpenAPIGenRuntime", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(name: "OpenFunnel", dependencies: ["OpenAPIGenRuntime"], path: "Generated/OpenFunnel"),
        // Hand-written on top of the generated module: job polling, row streams, cancellation.
        .target(name: "OpenFunnelJobs", dependencies: ["OpenFunnel"]),
        // A fake OpenFunnel over real HTTP (FlyingFox) for tests, benchmarks and `make demo`.
        .target(name: "OpenFunnelFakeServer", dependencies: ["OpenFunnel", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(name: "openfunnel-fake-server", dependencies: ["OpenFunnelFakeServer"]),
        .executableTarget(name: "openfunnel-drain-bench", dependencies: ["OpenFunnelFakeServer", "OpenFunnelJobs", "OpenFunnel"]),
        // The `openfunnel` command line: its logic in a library so tests can drive it.
        .target(name: "OpenFunnelCLI", dependencies: [
            "OpenFunnelJobs", "OpenFunnel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "openfunnel", dependencies: ["OpenFunnelCLI"]),
        .plugin(
            name: "GenerateOpenAPI",
            capability: .command(
                intent: .custom(verb: "generate-openapi", description: "Regenerate Swift code from the OpenAPI spec named in openapi-gen.yaml"),
                permissions: [.writeToPackageDirectory(reason: "openapi-gen writes the generated Swift files into the package")]),
            dependencies: ["openapi-gen"]),

        // libFuzzer target over load → generate (`make fuzz`); built without -DFUZZING it replays
        // saved inputs. Depends on the pipeline only, so that the sanitizers instrument nothing else.
        .executableTarget(name: "openapi-gen-fuzz", dependencies: ["OpenAPIModel", "SwiftCodegen", "YAMLTree"]),

        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "OpenAPIModelTests", dependencies: ["OpenAPIModel"]),
        .testTarget(name: "OpenAPIGenRuntimeTests", dependencies: ["OpenAPIGenRuntime"]),
        .testTarget(name: "SwiftCodegenTests", dependencies: ["SwiftCodegen", "GeneratorDriver", "OpenAPIModel"]),
        // What the client test targets share: a recording transport and JSON helpers.
        .target(name: "ClientTestSupport", dependencies: ["OpenAPIGenRuntime"], path: "Tests/ClientTestSupport"),
        .testTarget(name: "OpenFunnelTests", dependencies: ["OpenFunnel", "ClientTestSupport"]),
        .testTarget(name: "OpenFunnelJobsTests", dependencies: ["OpenFunnelJobs", "OpenFunnel"]),
        .testTarget(name: "IntegrationTests", dependencies: ["OpenFunnelFakeServer", "OpenFunnelJobs", "OpenFunnel"]),
        .testTarget(name: "OpenFunnelCLITests", dependencies: ["OpenFunnelCLI", "OpenFunnelFakeServer"]),
    ],
    swiftLanguageModes: [.v6]
)

package.targets += goldenModules.map { name in
    .target(name: name, dependencies: ["OpenAPIGenRuntime"], path: "Tests/Reference/\(name)")
}
package.targets.append(.testTarget(
    name: "GoldenBehaviourTests",
    dependencies: goldenModules.map { .target(name: $0) } + ["OpenAPIGenRuntime", "OpenAPIModel", "ClientTestSupport"]))
