// swift-tools-version: 6.0
import PackageDescription

// The generator is a pipeline, one target per stage:
//   CYAML (libyaml) → YAMLTree (nodes with marks) → OpenAPIModel (typed document, $ref resolution)
//   → SwiftCodegen (declarations → text) → openapi-gen (CLI).
// Generated code depends only on Foundation and OpenAPIGenRuntime.
let package = Package(
    name: "openapi-gen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openapi-gen", targets: ["openapi-gen"]),
        .library(name: "OpenAPIGenRuntime", targets: ["OpenAPIGenRuntime"]),
        .library(name: "OpenFunnel", targets: ["OpenFunnel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .target(name: "OpenAPIGenRuntime"),
        .target(name: "OpenFunnel", dependencies: ["OpenAPIGenRuntime"], path: "Generated/OpenFunnel"),

        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "OpenAPIModelTests", dependencies: ["OpenAPIModel"]),
        .testTarget(name: "OpenAPIGenRuntimeTests", dependencies: ["OpenAPIGenRuntime"]),
    ],
    swiftLanguageModes: [.v6]
)
