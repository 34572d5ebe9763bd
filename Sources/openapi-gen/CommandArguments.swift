import Foundation

/// The words after a subcommand, read option by option: `--name value`, `--name=value`, `-o value`,
/// flags, repeated options and positional arguments, in any order.
///
/// Hand-written rather than swift-argument-parser so that the generator, which a consumer builds
/// to run the package's plugins, depends on nothing but libyaml: a package that uses the plugin
/// resolves no other package for it.
struct CommandArguments {
    private var words: [String]
    private(set) var positionals: [String] = []

    /// `valueOptions` are the options that take a value (`--output`, `-o`); the rest are flags.
    init(_ words: [String], valueOptions: Set<String>) {
        var options: [String] = []
        var rest = words[...]
        while let word = rest.popFirst() {
            if word == "--" {
                positionals += rest
                break
            }
            if word.hasPrefix("-"), word.count > 1 { options.append(word) } else { positionals.append(word) }
            // An option's value goes with it, so that it isn't taken for a positional argument.
            if word.hasPrefix("-"), !word.contains("="), valueOptions.contains(word), let value = rest.popFirst() {
                options.append(value)
            }
        }
        self.words = options
    }

    /// Whether `-h` or `--help` was given.
    var wantsHelp: Bool { words.contains("-h") || words.contains("--help") }

    /// Every value given for `names` (`--operation a --operation b`), in order; removes them.
    mutating func values(_ names: String...) throws(UsageError) -> [String] {
        var found: [String] = []
        var kept: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if let name = names.first(where: { word.hasPrefix($0 + "=") }) {
                found.append(String(word.dropFirst(name.count + 1)))
            } else if names.contains(word) {
                guard index + 1 < words.count else { throw UsageError("\(word) needs a value") }
                found.append(words[index + 1])
                index += 1
            } else {
                kept.append(word)
            }
            index += 1
        }
        words = kept
        return found
    }

    /// The value of a single-valued option, if given; giving it twice is an error.
    mutating func value(_ names: String...) throws(UsageError) -> String? {
        var found: [String] = []
        for name in names { found += try values(name) }
        guard found.count <= 1 else { throw UsageError("\(names[0]) is given \(found.count) times") }
        return found.first
    }

    /// Whether the flag was given; removes it.
    mutating func flag(_ name: String) -> Bool {
        let given = words.contains(name)
        words.removeAll { $0 == name }
        return given
    }

    /// Fails on anything not read: an unknown option, or more positional arguments than `allowed`.
    func finish(allowedPositionals allowed: Int) throws(UsageError) {
        if let unknown = words.first { throw UsageError("unknown option '\(unknown)'") }
        if positionals.count > allowed {
            throw UsageError("unexpected argument '\(positionals[allowed])'")
        }
    }
}

/// A command line that doesn't parse: printed with the usage, exit status 64.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// How a command ends when it has already printed why: its exit status.
struct ExitCode: Error {
    let rawValue: Int32
    init(_ rawValue: Int32) { self.rawValue = rawValue }
}
