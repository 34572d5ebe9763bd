import YAMLTree

/// The files of one load: each read and parsed once, keyed by its normalized path.
final class SourceStore {
    private(set) var files = SourceFiles()
    private let options: YAMLParser.Options
    /// Every file of the load is parsed into this one arena, so nodes are named by index and
    /// the whole is freed at once.
    let arena = YAMLArena()
    private var entries: [String: Entry] = [:]
    /// Directory of each file's normalized path, by file id; relative references join to these.
    private var directories: [String] = []
    /// The directories, numbered, and the number of each file's directory, by file id.
    private var directoryNumbers: [String: Int] = [:]
    private var directoryNumberOfFile: [Int] = []
    /// Files in one directory share their references; each distinct join is computed once.
    private var joined: [JoinKey: String] = [:]
    /// Parsed root node of each file, by file id; nil for files that failed to parse.
    private var roots: [NodeRef?] = []

    /// Hashed once, as ``ResolutionKey``: the table grows with every distinct reference.
    private struct JoinKey: Hashable {
        let directory: String
        let relative: String
        private let textHash: Int

        init(directory: String, relative: String) {
            self.directory = directory
            self.relative = relative
            var hasher = Hasher()
            hasher.combine(directory)
            hasher.combine(relative)
            textHash = hasher.finalize()
        }

        static func == (a: Self, b: Self) -> Bool {
            a.textHash == b.textHash && a.directory == b.directory && a.relative == b.relative
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(textHash)
        }
    }

    enum Entry {
        case parsed(NodeRef)
        /// Read but not parsed; the parse error is already reported.
        case invalid
        case unreadable(ReadFailure)
    }

    init(options: YAMLParser.Options) {
        self.options = options
    }

    /// Registers the root under the path the user gave, so that diagnostics name it as typed.
    /// The text is emptied once parsed: the tree holds what the load needs.
    func addRoot(bytes: inout [UInt8], path: String, diagnostics: inout DiagnosticCollector) -> NodeRef? {
        let key = FilePaths.normalize(path)
        let id = files.add(path: path)
        addDirectory(FilePaths.directory(of: key))
        let entry = parse(bytes, file: id, diagnostics: &diagnostics)
        bytes = []
        entries[key] = entry
        if case .parsed(let node) = entry { return node }
        return nil
    }

    /// The directory of the file just added.
    private func addDirectory(_ directory: String) {
        directories.append(directory)
        if let number = directoryNumbers[directory] {
            directoryNumberOfFile.append(number)
        } else {
            directoryNumbers[directory] = directoryNumbers.count
            directoryNumberOfFile.append(directoryNumbers.count - 1)
        }
    }

    /// The same number for files of the same directory, whose relative references reach the same
    /// files.
    func directoryNumber(of file: SourceFileID) -> Int {
        let index = Int(file.rawValue)
        // Every file a reference is written in was registered; a stranger gets a number of its own.
        return index < directoryNumberOfFile.count ? directoryNumberOfFile[index] : Int(Int32.max) + index
    }

    /// The parsed root of a file this store has read.
    func root(of file: SourceFileID) -> NodeRef? {
        let index = Int(file.rawValue)
        return index < roots.count ? roots[index] : nil
    }

    /// The file `relativePath` names when written in the file `referrer`, read on first use.
    func file(_ relativePath: String, from referrer: SourceFileID, diagnostics: inout DiagnosticCollector) -> (path: String, entry: Entry) {
        let directory = Int(referrer.rawValue) < directories.count ? directories[Int(referrer.rawValue)] : ""
        let joinKey = JoinKey(directory: directory, relative: relativePath)
        let path: String
        if let known = joined[joinKey] {
            path = known
        } else {
            path = FilePaths.join(directory, relativePath)
            joined[joinKey] = path
        }
        if let entry = entries[path] { return (path, entry) }
        let entry: Entry
        switch FileReading.contents(of: path) {
        case .failure(let failure):
            entry = .unreadable(failure)
        case .success(let bytes):
            let id = files.add(path: path)
            addDirectory(FilePaths.directory(of: path))
            entry = parse(bytes, file: id, diagnostics: &diagnostics)
        }
        entries[path] = entry
        return (path, entry)
    }

    private func parse(_ bytes: [UInt8], file: SourceFileID, diagnostics: inout DiagnosticCollector) -> Entry {
        do {
            let node = try YAMLParser.parse(bytes, file: file, options: options, into: arena)
            roots.append(node)
            return .parsed(node)
        } catch {
            roots.append(nil)
            diagnostics.emit(error)
            return .invalid
        }
    }
}
