import YAMLTree

/// Reads an OpenAPI 3.0 or 3.1 document and every file its references reach, into a
/// ``Document`` with located diagnostics.
///
/// A load never crashes, hangs or exhausts the stack on any input: files are read once each,
/// references that loop are reported, and nesting is bounded.
public enum DocumentLoader {
    /// Loads the document at `path`; relative references resolve against its directory.
    public static func load(path: String, options: LoadOptions = .init()) -> LoadResult {
        var bytes: [UInt8]
        switch FileReading.contents(of: path) {
        case .failure(let failure):
            return LoadResult(document: nil, files: SourceFiles(),
                              diagnostics: [.error("cannot read '\(path)': \(failure.reason)", at: nil)])
        case .success(let read):
            bytes = read
        }
        // The text is let go as soon as it is parsed (Stripe's is 4 MB, at the load's peak);
        // the rare retry on a larger stack reads the file again.
        return load(taking: &bytes, path: path, options: options) {
            if case .success(let again) = FileReading.contents(of: path) { return again }
            return nil
        }
    }

    /// For tests and tools: the root's text given directly; relative refs resolve against `path`'s directory.
    public static func load(bytes: [UInt8], path: String, options: LoadOptions = .init()) -> LoadResult {
        var text = bytes
        return load(taking: &text, path: path, options: options) { bytes }
    }

    /// Parses and decodes the root's text, emptying `bytes` once parsed; `again` gives the text
    /// back for a retry.
    private static func load(taking bytes: inout [UInt8], path: String, options: LoadOptions, again: () -> [UInt8]?) -> LoadResult {
        // A thread of its own costs a large load several percent: glibc gives the thread a
        // malloc arena of its own, grown a system call at a time. A caller with a roomy stack
        // (a command line tool's main thread) has the load run on its thread instead; a document
        // that nests deeper than that room allows is loaded again on a thread with a large stack.
        if let limit = StackLimit.current(needed: callerStackNeeded, reserve: callerStackReserve),
           let result = loadOnCurrentThread(bytes: &bytes, path: path, options: options, stackLimit: limit) {
            return result
        }
        guard var text = bytes.isEmpty ? again() : bytes else {
            return LoadResult(document: nil, files: SourceFiles(),
                              diagnostics: [.error("cannot read '\(path)' again: it changed during the load", at: nil)])
        }
        return LargeStack.run { loadOnCurrentThread(bytes: &text, path: path, options: options, stackLimit: nil)! }
    }

    /// Enough for documents nesting hundreds of levels (a level takes a few kilobytes); the
    /// main thread's default stack is 8 MB.
    static let callerStackNeeded = 4 << 20
    /// Left free below the decoder's stack check: the deepest stretch of calls between two
    /// checks (parsing a referenced file included) needs a small fraction of it.
    static let callerStackReserve = 1 << 20

    /// nil when decoding reached `stackLimit`, with nothing reported.
    private static func loadOnCurrentThread(bytes: inout [UInt8], path: String, options: LoadOptions, stackLimit: StackLimit?) -> LoadResult? {
        let store = SourceStore(options: options.yaml)
        // Nodes name the store's arena without owning it.
        return withExtendedLifetime(store) { load(bytes: &bytes, path: path, into: store, stackLimit: stackLimit) }
    }

    private static func load(bytes: inout [UInt8], path: String, into store: SourceStore, stackLimit: StackLimit?) -> LoadResult? {
        var diagnostics = DiagnosticCollector()
        func finish(_ document: Document?) -> LoadResult {
            LoadResult(document: document, files: store.files, diagnostics: deduplicated(diagnostics.sorted))
        }
        guard let root = store.addRoot(bytes: &bytes, path: path, diagnostics: &diagnostics),
              let accepted = VersionGate.check(root, diagnostics: &diagnostics)
        else { return finish(nil) }
        let decoder = ModelDecoder(store: store, diagnostics: diagnostics, version: accepted.version, rootFile: root.location.file,
                                   stackLimit: stackLimit)
        let document = decoder.document(Cursor(node: root, pointer: .root), mapping: accepted.mapping, versionText: accepted.versionText)
        if decoder.ranOutOfStack { return nil }
        diagnostics = decoder.diagnostics
        return finish(document)
    }

    /// A shared fragment reached from many places reports its problems once.
    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
