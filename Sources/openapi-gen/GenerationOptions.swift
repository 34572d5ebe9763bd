import Foundation
import GeneratorDriver
import SwiftCodegen

/// The options `generate` and `check` share: each overrides `openapi-gen.yaml`.
struct GenerationOptions {
    /// The OpenAPI document; default: `spec:` in the config file.
    var spec: String?
    var config: String = "openapi-gen.yaml"
    /// Default: `output:` in the config file.
    var output: String?
    /// Default: the output folder's name.
    var module: String?
    var access: String?
    var operations: [String] = []
    var tags: [String] = []
    /// `--target client --target server`; default: `targets:` in the config file, else client.
    var targets: [String] = []
    /// `--infer-types` / `--no-infer-types`; default: `inferTypes:` in the config file, else true.
    var infersTypes: Bool?

    init(arguments words: [String]) throws(UsageError) {
        var arguments = CommandArguments(words, valueOptions: ["--config", "-o", "--output", "--module", "--access", "--operation", "--tag", "--target"])
        config = try arguments.value("--config") ?? config
        output = try arguments.value("--output", "-o")
        module = try arguments.value("--module")
        access = try arguments.value("--access")
        operations = try arguments.values("--operation")
        tags = try arguments.values("--tag")
        targets = try arguments.values("--target")
        let infer = arguments.flag("--infer-types"), noInfer = arguments.flag("--no-infer-types")
        if infer && noInfer { throw UsageError("--infer-types and --no-infer-types contradict each other; give one") }
        infersTypes = infer ? true : noInfer ? false : nil
        try arguments.finish(allowedPositionals: 1)
        spec = arguments.positionals.first
    }

    static func usage(subcommand: String, abstract: String, discussion: String) -> String {
        """
        OVERVIEW: \(abstract)

        \(discussion)

        USAGE: openapi-gen \(subcommand) [<spec>] [--config <file>] [--output <dir>] [--module <name>] [--access <level>] [--operation <id> ...] [--tag <name> ...] [--target client|server ...] [--no-infer-types]

        ARGUMENTS:
          <spec>                The OpenAPI document (YAML or JSON). Default: `spec:` in the config file.

        OPTIONS:
          --config <file>       The configuration file (default: openapi-gen.yaml).
          -o, --output <dir>    The folder to write Swift files into. Default: `output:` in the config file.
          --module <name>       The Swift module the files are compiled into (names the API protocol and
                                client). Default: the output folder's name.
          --access <level>      Access level of generated declarations: public, package or internal.
          --operation <id>      Generate only this operationId (repeatable).
          --tag <name>          Generate only the operations with this tag or a tag nested under it
                                (OpenAPI 3.2 `parent`; repeatable; adds to --operation).
          --target <side>       Generate `client` (the default) and/or `server` (repeatable). Default:
                                `targets:` in the config file.
          --no-infer-types      Read a schema without `type` as JSON Schema does: `items`, `properties`
                                with `required` or `additionalProperties` do not make it an array or
                                an object, so it is a JSONValue checked against the whole schema.
                                Default (`--infer-types`, or `inferTypes:` in the config file): the
                                type those keywords imply, with a warning.
        """
    }

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
        if !tags.isEmpty { flags.tags = tags }
        if !targets.isEmpty {
            var sides: Set<GenerationTarget> = []
            for word in targets {
                guard let side = GenerationTarget(rawValue: word) else {
                    throw .missingSetting("a valid target: --target takes client or server, not '\(word)'")
                }
                sides.insert(side)
            }
            flags.targets = sides
        }
        flags.infersTypes = infersTypes
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
