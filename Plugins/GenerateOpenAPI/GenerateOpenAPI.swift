import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-openapi [openapi-gen generate flags]`
///
/// Runs `openapi-gen generate` in the package's folder, so it reads the package's
/// `openapi-gen.yaml` exactly as `make generate` does; for users without make.
@main
struct GenerateOpenAPI: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "openapi-gen")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenerationFailed(status: process.terminationStatus)
        }
    }
}

struct GenerationFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "openapi-gen generate failed (exit code \(status)); its diagnostics are above" }
}
