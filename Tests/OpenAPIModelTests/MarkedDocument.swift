import Foundation
import OpenAPIModel
import Testing
import YAMLTree

/// Marks the place a diagnostic must point at inside an inline document. The helpers strip it
/// and compute its line and column, so a test reads like the error it expects.
let marker = "⟨E⟩"

struct MarkedDocument {
    var text: String
    var line: UInt32
    var column: UInt32

    init(_ marked: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let range = marked.range(of: marker) else {
            Issue.record("the document has no \(marker) marker", sourceLocation: sourceLocation)
            self.init(text: marked, line: 0, column: 0)
            return
        }
        let before = marked[..<range.lowerBound]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        // libyaml counts columns in Unicode scalars.
        self.init(text: marked.replacingCharacters(in: range, with: ""),
                  line: UInt32(lines.count), column: UInt32(lines.last!.unicodeScalars.count + 1))
    }

    private init(text: String, line: UInt32, column: UInt32) {
        self.text = text
        self.line = line
        self.column = column
    }
}

/// Loads inline text as `spec.yaml` (relative references resolve against `directory`).
func load(_ text: String, directory: String? = nil) -> LoadResult {
    load(bytes: Array(text.utf8), directory: directory)
}

func load(bytes: [UInt8], directory: String? = nil) -> LoadResult {
    let path = directory.map { $0 + "/spec.yaml" } ?? "spec.yaml"
    return DocumentLoader.load(bytes: bytes, path: path)
}

/// Loads a document whose expected error place is marked with ⟨E⟩ and asserts that an error
/// stands exactly there and says each fragment. Returns the load for further checks.
@discardableResult
func expectError(in marked: String, containing fragments: String..., directory: String? = nil,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadResult {
    let document = MarkedDocument(marked, sourceLocation: sourceLocation)
    return expectError(bytes: Array(document.text.utf8), at: document.line, document.column, containing: fragments,
                       directory: directory, sourceLocation: sourceLocation)
}

@discardableResult
func expectError(bytes: [UInt8], at line: UInt32, _ column: UInt32, containing fragments: [String], directory: String? = nil,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadResult {
    let result = load(bytes: bytes, directory: directory)
    let errors = result.diagnostics.filter { $0.severity == .error }
    let here = errors.filter { $0.location?.line == line && $0.location?.column == column && $0.location?.file == SourceFileID(0) }
    #expect(!here.isEmpty, "no error at \(line):\(column); got:\n\(result.rendered().joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    if let diagnostic = here.first {
        for fragment in fragments {
            #expect(here.contains { $0.message.contains(fragment) },
                    "\"\(diagnostic.message)\" lacks \"\(fragment)\"", sourceLocation: sourceLocation)
        }
    }
    #expect(result.hasErrors, sourceLocation: sourceLocation)
    return result
}

/// Like ``expectError(in:containing:directory:sourceLocation:)`` for a warning.
@discardableResult
func expectWarning(in marked: String, containing fragments: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadResult {
    let document = MarkedDocument(marked, sourceLocation: sourceLocation)
    let result = load(document.text)
    let here = result.diagnostics.filter {
        $0.severity == .warning && $0.location?.line == document.line && $0.location?.column == document.column
    }
    #expect(!here.isEmpty, "no warning at \(document.line):\(document.column); got:\n\(result.rendered().joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(here.contains { $0.message.contains(fragment) },
                "no warning at the marker says \"\(fragment)\"; got \(here.map(\.message))", sourceLocation: sourceLocation)
    }
    return result
}

/// Loads a document that must load without errors, and returns it.
func loadClean(_ text: String, directory: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Document, LoadResult) {
    let result = load(text, directory: directory)
    #expect(!result.hasErrors, "unexpected errors:\n\(result.rendered().joined(separator: "\n"))", sourceLocation: sourceLocation)
    let document = try #require(result.document, sourceLocation: sourceLocation)
    return (document, result)
}

/// A scratch directory for documents spread over files, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "openapi-model-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension Schema {
    /// A property's schema, for terse assertions.
    subscript(property name: String) -> Schema? { properties[name] }
}

extension Document {
    func schema(_ name: String) -> Schema? { components.schemas[name] }

    func operation(_ method: HTTPMethod, _ path: String) -> OpenAPIModel.Operation? {
        paths[path]?.operations.first { $0.method == method }?.operation
    }
}
