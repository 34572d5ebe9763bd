import Foundation
import SwiftCodegen
import YAMLTree

/// What `generate` and `check` need: the spec, where output goes, and the generator options.
/// Read from `openapi-gen.yaml` (through the same libyaml layer as specs), then overridden by flags.
public struct GenerationSettings: Sendable, Equatable {
    public var specPath: String
    public var outputDirectory: String
    public var moduleName: String
    public var accessLevel: AccessLevel = .public
    public var operations: [String] = []
    /// Tags whose operations (child tags' included) to generate, beside ``operations``.
    public var tags: [String] = []
    /// The sides to generate (`targets: [client, server]`); the client alone by default.
    public var targets: Set<GenerationTarget> = [.client]
    /// `inferTypes:` (true by default): see ``GeneratorConfig/infersTypes``.
    public var infersTypes = true

    public init(specPath: String, outputDirectory: String, moduleName: String) {
        self.specPath = specPath
        self.outputDirectory = outputDirectory
        self.moduleName = moduleName
    }

    public var generatorConfig: GeneratorConfig {
        var config = GeneratorConfig(moduleName: moduleName, accessLevel: accessLevel, operationFilter: operations, specDisplayPath: specPath)
        config.tagFilter = tags
        config.targets = targets
        config.infersTypes = infersTypes
        return config
    }

    /// The keys `openapi-gen.yaml` may hold.
    public static let configKeys = ["spec", "output", "module", "access", "operations", "tags", "targets", "inferTypes"]

    /// Reads a config file. Unknown keys are errors: a misspelt `ouput:` silently ignored would
    /// send output somewhere unexpected.
    public static func load(configPath: String) throws(DriverError) -> (partial: PartialSettings, files: SourceFiles) {
        var files = SourceFiles()
        let id = files.add(path: configPath)
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw .unreadable(path: configPath, reason: "No such file or directory")
        }
        let root: YAMLNode
        do {
            root = try YAMLParser.parse([UInt8](data), file: id)
        } catch {
            throw .diagnostics([error], files)
        }
        guard let mapping = root.mapping else {
            throw .diagnostics([.error("the configuration must be a mapping of \(configKeys.joined(separator: ", "))", at: root.location)], files)
        }
        var partial = PartialSettings()
        var problems: [Diagnostic] = []
        for entry in mapping.entries {
            func string() -> String? {
                guard let s = entry.value.scalar, s.kind != .null else {
                    problems.append(.error("`\(entry.key)` must be a string, not \(entry.value.kindDescription)", at: entry.value.location))
                    return nil
                }
                return s.text
            }
            switch entry.key {
            case "spec": partial.specPath = string()
            case "output": partial.outputDirectory = string()
            case "module": partial.moduleName = string()
            case "access":
                if let text = string() {
                    if let level = AccessLevel(rawValue: text) {
                        partial.accessLevel = level
                    } else {
                        problems.append(.error("`access` must be public, package or internal, not \"\(text)\"", at: entry.value.location))
                    }
                }
            case "operations":
                guard let items = entry.value.sequence else {
                    problems.append(.error("`operations` must be a list of operationIds", at: entry.value.location))
                    continue
                }
                partial.operations = items.compactMap { item in
                    guard let s = item.scalar, s.kind != .null else {
                        problems.append(.error("an operationId must be a string", at: item.location))
                        return nil
                    }
                    return s.text
                }
            case "tags":
                guard let items = entry.value.sequence else {
                    problems.append(.error("`tags` must be a list of tag names", at: entry.value.location))
                    continue
                }
                partial.tags = items.compactMap { item in
                    guard let s = item.scalar, s.kind != .null else {
                        problems.append(.error("a tag name must be a string", at: item.location))
                        return nil
                    }
                    return s.text
                }
            case "targets":
                guard let items = entry.value.sequence, !items.isEmpty else {
                    problems.append(.error("`targets` must be a non-empty list of client, server", at: entry.value.location))
                    continue
                }
                var targets: Set<GenerationTarget> = []
                for item in items {
                    guard let s = item.scalar, let target = GenerationTarget(rawValue: s.text) else {
                        problems.append(.error("a target must be client or server", at: item.location))
                        continue
                    }
                    targets.insert(target)
                }
                partial.targets = targets
            case "inferTypes":
                guard let s = entry.value.scalar, s.kind != .null, let value = ["true": true, "false": false][s.text] else {
                    problems.append(.error("`inferTypes` must be true or false", at: entry.value.location))
                    continue
                }
                partial.infersTypes = value
            default:
                problems.append(.error("unknown key `\(entry.key)`; expected one of \(configKeys.joined(separator: ", "))", at: entry.keyLocation))
            }
        }
        if !problems.isEmpty { throw .diagnostics(problems, files) }
        return (partial, files)
    }
}

/// Settings as far as one source (the config file or the flags) gives them.
public struct PartialSettings: Sendable, Equatable {
    public var specPath: String?
    public var outputDirectory: String?
    public var moduleName: String?
    public var accessLevel: AccessLevel?
    public var operations: [String]?
    public var tags: [String]?
    public var targets: Set<GenerationTarget>?
    public var infersTypes: Bool?

    public init() {}

    /// `other`'s values win where it has them.
    public func overridden(by other: PartialSettings) -> PartialSettings {
        var result = self
        if let v = other.specPath { result.specPath = v }
        if let v = other.outputDirectory { result.outputDirectory = v }
        if let v = other.moduleName { result.moduleName = v }
        if let v = other.accessLevel { result.accessLevel = v }
        if let v = other.operations { result.operations = v }
        if let v = other.tags { result.tags = v }
        if let v = other.targets { result.targets = v }
        if let v = other.infersTypes { result.infersTypes = v }
        return result
    }

    /// Complete settings, or an error naming what is missing and how to give it.
    public func resolved() throws(DriverError) -> GenerationSettings {
        guard let specPath else { throw .missingSetting("the spec path: pass it as an argument or set `spec:` in openapi-gen.yaml") }
        guard let outputDirectory else { throw .missingSetting("the output directory: pass --output DIR or set `output:` in openapi-gen.yaml") }
        var module = moduleName
        if module == nil {
            // The output folder usually is the module (Generated/OpenFunnel).
            module = URL(fileURLWithPath: outputDirectory).lastPathComponent
        }
        var settings = GenerationSettings(specPath: specPath, outputDirectory: outputDirectory, moduleName: module!)
        if let accessLevel { settings.accessLevel = accessLevel }
        if let operations { settings.operations = operations }
        if let tags { settings.tags = tags }
        if let targets { settings.targets = targets }
        if let infersTypes { settings.infersTypes = infersTypes }
        return settings
    }
}
