import YAMLTree

/// Reads an OpenAPI 3.0 or 3.1 document and every file its references reach, into a
/// ``Document`` with located diagnostics.
///
/// A load never crashes, hangs or exhausts the stack on any input: files are read once each,
/// references that loop are reported, and nesting is bounded.
public enum DocumentLoader {
    /// Loads the document at `path`; relative references resolve against its directory.
    public static func load(path: String, options: LoadOptions = .init()) -> LoadResult {
        switch FileReading.contents(of: path) {
        case .failure(let failure):
            return LoadResult(document: nil, files: SourceFiles(),
                              diagnostics: [.error("cannot read '\(path)': \(failure.reason)", at: nil)])
        case .success(let bytes):
            return load(bytes: bytes, path: path, options: options)
        }
    }

    /// For tests and tools: the root's text given directly; relative refs resolve against `path`'s directory.
    public static func load(bytes: [UInt8], path: String, options: LoadOptions = .init()) -> LoadResult {
        TIMING("before-thread")
        defer { TIMING("thread-joined") }
        return LargeStack.run { loadOnCurrentThread(bytes: bytes, path: path, options: options) }
    }

    private static func loadOnCurrentThread(bytes: [UInt8], path: String, options: LoadOptions) -> LoadResult {
        let r = loadOnCurrentThread2(bytes: bytes, path: path, options: options)
        TIMING("tree-drop")
        return r
    }
    private static func loadOnCurrentThread2(bytes: [UInt8], path: String, options: LoadOptions) -> LoadResult {
        TIMING("thread-start")
        var diagnostics = DiagnosticCollector()
        let store = SourceStore(options: options.yaml)
        func finish(_ document: Document?) -> LoadResult {
            LoadResult(document: document, files: store.files, diagnostics: deduplicated(diagnostics.sorted))
        }
        guard let root = store.addRoot(bytes: bytes, path: path, diagnostics: &diagnostics),
              let accepted = VersionGate.check(root, diagnostics: &diagnostics)
        else { return finish(nil) }
        TIMING("parse")
        let decoder = ModelDecoder(store: store, diagnostics: diagnostics, version: accepted.version, rootFile: root.location.file)
        let document = decoder.document(Cursor(node: root, pointer: .root), mapping: accepted.mapping, versionText: accepted.versionText)
        diagnostics = decoder.diagnostics
        TIMING("decode")
        return finish(document)
    }

    /// A shared fragment reached from many places reports its problems once.
    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

import Glibc
nonisolated(unsafe) var lastT: Double = 0
func TIMING(_ what: String) {
    guard getenv("OGT") != nil else { return }
    var ts = timespec(); clock_gettime(CLOCK_MONOTONIC, &ts)
    let t = Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    var ru = rusage(); getrusage(RUSAGE_SELF.rawValue, &ru)
    let line = "T \(what) +\((t - lastT)) minflt=\(ru.ru_minflt)\n"; _ = line.withCString { write(2, $0, strlen($0)) }
    lastT = t
}
