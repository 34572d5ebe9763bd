/// How serious a problem is: errors stop the run, warnings are reported and generation goes on.
public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (a: Self, b: Self) -> Bool { a == .warning && b == .error }
}

/// One problem found in the input, tied to the place in the source that caused it.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    public var message: String
    /// Where the problem is; nil only for problems with no place in any file (an unreadable path).
    public var location: SourceLocation?
    /// The JSON pointer of the offending value inside its file, when it helps the reader.
    public var pointer: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, pointer: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    public static func error(_ message: String, at location: SourceLocation?, pointer: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, pointer: pointer)
    }

    public static func warning(_ message: String, at location: SourceLocation?, pointer: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, pointer: pointer)
    }

    /// `FILE:LINE:COLUMN: error: message (at #/pointer)`, the form compilers use so that editors
    /// and CI annotations can jump to the place.
    public func rendered(in files: SourceFiles) -> String {
        var text = ""
        if let location {
            text = "\(files.path(of: location.file)):\(location.line):\(location.column): "
        }
        text += "\(severity.rawValue): \(message)"
        if let pointer, !pointer.isEmpty { text += " (at \(pointer))" }
        return text
    }
}

/// Collects diagnostics as a stage goes on, so one run reports every problem it can find
/// instead of stopping at the first.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func error(_ message: String, at location: SourceLocation?, pointer: String? = nil) {
        emit(.error(message, at: location, pointer: pointer))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, pointer: String? = nil) {
        emit(.warning(message, at: location, pointer: pointer))
    }

    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    /// Diagnostics in source order (file, line, column), then by message, so output is stable.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la != lb {
                guard let la else { return true }
                guard let lb else { return false }
                return la < lb
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
