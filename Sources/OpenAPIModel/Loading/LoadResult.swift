import YAMLTree

/// What a load produced: the document when one could be built, every file it read, and every
/// problem it found.
public struct LoadResult: Sendable {
    /// nil when errors made a document impossible (unreadable root, not OpenAPI, wrong version).
    /// A document may be present together with errors; check ``hasErrors`` before trusting it.
    public var document: Document?
    /// Every file read, root first; diagnostics' locations index into it.
    public var files: SourceFiles
    /// Sorted by location, then in the order found.
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool

    init(document: Document?, files: SourceFiles, diagnostics: [Diagnostic]) {
        self.document = document
        self.files = files
        self.diagnostics = diagnostics
        self.hasErrors = diagnostics.contains { $0.severity == .error }
    }

    /// Each diagnostic as `FILE:LINE:COLUMN: severity: message (at #/pointer)`.
    public func rendered() -> [String] {
        diagnostics.map { $0.rendered(in: files) }
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
