import Foundation
import PackagePlugin

/// `swift package check-openapi [openapi-gen check flags]`
///
/// Runs `openapi-gen check` in the package's folder, so it compares the package's generated code
/// with what its `openapi-gen.yaml` generates now: the drift check for CI. Prints the diff and
/// fails when the code is out of date; writes nothing, so it needs no permission.
@main
struct CheckOpenAPI: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "openapi-gen")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["check"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CheckFailed(status: process.terminationStatus)
        }
    }
}

struct CheckFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String {
        status == 1
            ? "the generated code is out of date (diff above); regenerate with: swift package --allow-writing-to-package-directory generate-openapi"
            : "openapi-gen check failed (exit code \(status)); its diagnostics are above"
    }
}
