// swift-tools-version: 6.0
import PackageDescription

// Apple's swift-openapi-generator, pinned, for Scripts/bench-apple.sh (`make bench-apple`) to time
// against openapi-gen in the same run. A package of its own under Benchmarks/, so that the main
// package never depends on it; nothing of Apple's is copied into this repository.
//
// It has no targets: `swift build --product` also accepts an executable product of a dependency,
// so the script builds Apple's CLI by name and runs it from the scratch folder:
//
//   swift build -c release --product swift-openapi-generator \
//     --package-path Benchmarks/AppleGenerator --scratch-path .build-apple/generator
//   .build-apple/generator/release/swift-openapi-generator generate SPEC --config CFG --output-directory DIR
let package = Package(
    name: "AppleGenerator",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
