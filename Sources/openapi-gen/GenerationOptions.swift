import ArgumentParser
import Foundation
import GeneratorDriver
import SwiftCodegen

/// The options `generate` and `check` share: each overrides `openapi-gen.yaml`.
struct GenerationOptions: ParsableArguments {
    @Argument(help: "The OpenAPI document (YAML or JSON). Default: `spec:` in the config file.")
    var spec: String?

    @Option(name: .long, help: "The configuration file.")
    var config: String = "openapi-gen.yaml"

    @Option(name: [.short, .long], help: "The folder to write Swift files into. Default: `output:` in the config file.")
    var output: String?

    @Option(name: .long, help: "The Swift module the files are compiled into (names the API protocol and client). Default: the output folder's name.")
    var module: String?

    @Option(name: .long, help: "Access level of generated declarations: public, package or internal.")
    var access: String?

    @Option(name: .customLong("operation"), help: "Generate only this operationId (repeatable).")
    var operations: [String] = []

    /// Config file, then flags. The config file may be absent only when the flags say everything.
    func settings() throws(DriverError) -> GenerationSettings {
        var partial = PartialSettings()
        if FileManager.default.fileExists(atPath: config) {
            partial = try GenerationSettings.load(configPath: config).partial
        } else if config != "openapi-gen.yaml" {
            throw .unreadable(path: config, reason: "No such file or directory")
        }
        var flags = PartialSettings()
        flags.specPath = spec
        flags.outputDirectory = output
        flags.moduleName = module
        if let access {
            guard let level = AccessLevel(rawValue: access) else {
                throw .missingSetting("a valid access level: --access takes public, package or internal, not '\(access)'")
            }
            flags.accessLevel = level
        }
        if !operations.isEmpty { flags.operations = operations }
        return try partial.overridden(by: flags).resolved()
    }
}

/// Prints a driver error's lines on standard error and exits 1.
func fail(_ error: DriverError) -> ExitCode {
    for line in error.lines { printError(line) }
    return ExitCode(1)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
