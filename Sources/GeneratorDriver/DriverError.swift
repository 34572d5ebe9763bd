import YAMLTree

/// Why a generation or check could not run, in words for the terminal.
public enum DriverError: Error, Sendable {
    /// Located problems in the spec or the config file.
    case diagnostics([Diagnostic], SourceFiles)
    case unreadable(path: String, reason: String)
    case missingSetting(String)
    case outputConflict(String)
    case writeFailed(path: String, reason: String)

    /// Lines to print on standard error.
    public var lines: [String] {
        switch self {
        case .diagnostics(let diagnostics, let files): return diagnostics.map { $0.rendered(in: files) }
        case .unreadable(let path, let reason): return ["error: cannot read '\(path)': \(reason)"]
        case .missingSetting(let what): return ["error: missing \(what)"]
        case .outputConflict(let message): return ["error: \(message)"]
        case .writeFailed(let path, let reason): return ["error: cannot write '\(path)': \(reason); the previous output is unchanged"]
        }
    }
}
