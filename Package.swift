// swift-tools-version: 6.0
import PackageDescription

// The generator is a pipeline, one target per stage:
//   CYAML (libyaml) → YAMLTree (nodes with marks) → OpenAPIModel (typed document, $ref resolution)
//   → SwiftCodegen (declarations → text) → openapi-gen (CLI).
// Generated code depends only on Foundation and OpenAPIGenRuntime.
//
// What a consumer builds lives here, and depends on swift-log alone (the runtime's logging): SwiftPM
// resolves every `dependencies:` entry of a dependency's root manifest, whether or not the consumer
// uses it. The fake server, the `openfunnel` CLI, the drain bench and the tests that need them are
// in the nested package Tools/ (FlyingFox, swift-argument-parser), which depends on this one by path.
// Examples/PetstoreConsumer is a consumer; `make test` checks what it resolves.

// Golden outputs of the generator (Tests/Fixtures → Tests/Reference), each compiled as its own
// module so that a golden that doesn't compile fails the build.
let goldenModules = ["GoldenBinaryStream", "GoldenBodies", "GoldenComposition", "GoldenConstraints", "GoldenContentTypes", "GoldenDocuments32", "GoldenEnums", "GoldenHeaders", "GoldenJSONLines", "GoldenJSONSchemaSuite", "GoldenJSONSchemaSuite30", "GoldenJSONSchemaSuiteExact", "GoldenJSONSchemaSuiteExact30", "GoldenKeywords31", "GoldenNames", "GoldenNesting", "GoldenNullable", "GoldenNullable30", "GoldenOperations32", "GoldenParameters", "GoldenPayloads", "GoldenRealWorld", "GoldenServerBodies", "GoldenServerContentTypes", "GoldenServerHeaders", "GoldenServerOperations32", "GoldenServerParameters", "GoldenServerSentEvents", "GoldenServerServerSentEvents", "GoldenStreams32"]

let package = Package(
    name: "openapi-gen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openapi-gen", targets: ["openapi-gen"]),
        .library(name: "OpenAPIGenRuntime", targets: ["OpenAPIGenRuntime"]),
        .library(name: "OpenFunnel", targets: ["OpenFunnel"]),
        .library(name: "OpenFunnelJobs", targets: ["OpenFunnelJobs"]),
        .plugin(name: "GenerateOpenAPI", targets: ["GenerateOpenAPI"]),
        .plugin(name: "CheckOpenAPI", targets: ["CheckOpenAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
            // No swift-argument-parser: a consumer that builds the generator for the plugins
            // resolves nothing for it.
            dependencies: ["OpenAPIModel", "SwiftCodegen", "GeneratorDriver"]
        ),
        .target(name: "OpenAPIGenRuntime", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(name: "OpenFunnel", dependencies: ["OpenAPIGenRuntime"], path: "Generated/OpenFunnel"),
        // Hand-written on top of the generated module: job polling, row streams, cancellation.
        .target(name: "OpenFunnelJobs", dependencies: ["OpenFunnel"]),
        .plugin(
            name: "GenerateOpenAPI",
            capability: .command(
                intent: .custom(verb: "generate-openapi", description: "Regenerate Swift code from the OpenAPI spec named in openapi-gen.yaml"),
                permissions: [.writeToPackageDirectory(reason: "openapi-gen writes the generated Swift files into the package")]),
            dependencies: ["openapi-gen"]),
        .plugin(
            name: "CheckOpenAPI",
            capability: .command(
                intent: .custom(verb: "check-openapi", description: "Fail with a diff when the generated Swift code no longer matches openapi-gen.yaml's spec"),
                permissions: []),
            dependencies: ["openapi-gen"]),

        // libFuzzer target over load → generate (`make fuzz`); built without -DFUZZING it replays
        // saved inputs. Depends on the pipeline only, so that the sanitizers instrument nothing else.
        .executableTarget(name: "openapi-gen-fuzz", dependencies: ["OpenAPIModel", "SwiftCodegen", "YAMLTree"]),

        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "OpenAPIModelTests", dependencies: ["OpenAPIModel"]),
        .testTarget(name: "OpenAPIGenRuntimeTests", dependencies: ["OpenAPIGenRuntime", "ClientTestSupport"]),
        .testTarget(name: "SwiftCodegenTests", dependencies: ["SwiftCodegen", "GeneratorDriver", "OpenAPIModel"]),
        // What the client test targets share: a recording transport and JSON helpers.
        .target(name: "ClientTestSupport", dependencies: ["OpenAPIGenRuntime"], path: "Tests/ClientTestSupport"),
        .testTarget(name: "OpenFunnelTests", dependencies: ["OpenFunnel", "ClientTestSupport"]),
        .testTarget(name: "OpenFunnelJobsTests", dependencies: ["OpenFunnelJobs", "OpenFunnel"]),
    ],
    swiftLanguageModes: [.v6]
)

package.targets += goldenModules.map { name in
    .target(name: name, dependencies: ["OpenAPIGenRuntime"], path: "Tests/Reference/\(name)")
}
package.targets.append(.testTarget(
    name: "GoldenBehaviourTests",
    dependencies: goldenModules.map { .target(name: $0) } + ["OpenAPIGenRuntime", "OpenAPIModel", "ClientTestSupport"]))
