import Testing
import YAMLTree

let testFile = SourceFileID(0)

func parse(_ text: String, options: YAMLParser.Options = .init()) throws(Diagnostic) -> YAMLNode {
    try YAMLParser.parse(Array(text.utf8), file: testFile, options: options)
}

/// The parse error for `bytes`, recording an issue when the parse succeeds.
func parseError(_ bytes: [UInt8], options: YAMLParser.Options = .init(),
                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    do {
        _ = try YAMLParser.parse(bytes, file: testFile, options: options)
        Issue.record("expected a parse error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    parseError(Array(text.utf8), sourceLocation: sourceLocation)
}

/// Asserts an error's severity, place and the words it must contain.
func expect(_ diagnostic: Diagnostic?, at line: UInt32, _ column: UInt32, containing fragments: String...,
            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let diagnostic else { return }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(diagnostic.location?.line == line && diagnostic.location?.column == column,
            "expected \(line):\(column), got \(diagnostic.location.map { "\($0.line):\($0.column)" } ?? "none"): \(diagnostic.message)",
            sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(diagnostic.message.contains(fragment), "\"\(diagnostic.message)\" lacks \"\(fragment)\"", sourceLocation: sourceLocation)
    }
}

extension YAMLNode {
    subscript(key: String) -> YAMLNode? { mapping?[key] }
    subscript(index: Int) -> YAMLNode? { sequence.flatMap { index < $0.count ? $0[index] : nil } }
}
