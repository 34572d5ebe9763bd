import YAMLTree

/// A `$ref` text and where it means one target: within its file for a pointer into the same
/// file, and within the file's directory for a reference to another file (the same relative
/// path reaches the same file from everywhere in a directory, and a document spread over many
/// files repeats its references in each of them).
///
/// The text's hash is computed once per text: the table of resolutions grows to thousands of
/// entries, and growing it would otherwise hash every text again.
struct ResolutionKey: Hashable {
    /// A file's number, or for a directory -1 minus its number.
    let scope: Int
    let text: String
    private let textHash: Int

    init(scope: Int, text: String, textHash: Int) {
        self.scope = scope
        self.text = text
        self.textHash = textHash
    }

    static func == (a: Self, b: Self) -> Bool {
        a.textHash == b.textHash && a.scope == b.scope && a.text == b.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(scope)
        hasher.combine(textHash)
    }
}

/// Where a reference led: a node, with its pointer inside its own file.
struct ResolvedTarget {
    var node: NodeRef
    var pointer: JSONPointer
    var key: TargetKey
}

/// A `$ref` text split once however many files write it: a document spread over many files
/// repeats the same relative references in each of them.
struct ParsedReference {
    var filePath = ""
    var tokens: [String] = []
    var problem: String?
    var textHash: Int

    init(_ parsed: Result<ReferenceText, ReferenceTextError>, textHash: Int) {
        self.textHash = textHash
        switch parsed {
        case .success(let reference):
            filePath = reference.filePath
            tokens = reference.pointer.tokens
        case .failure(let error):
            problem = error.message
        }
    }
}

enum Resolution {
    case found(ResolvedTarget)
    /// The message to report at each reference that uses the text; nil when the cause was
    /// already reported once (a file that does not parse).
    case failed(String?)
}

extension ModelDecoder {
    /// Resolves a `$ref` written in `file`, reading the file it names on first use. Problems are
    /// reported at `location`, the reference's place.
    func resolveReference(_ written: String, from file: SourceFileID, reportAt location: SourceLocation, pointer: JSONPointer) -> ResolvedTarget? {
        let text = referenceTextAgainstSelf(written, from: file)
        let reference: ParsedReference
        if let cached = parsedReferences[text] {
            reference = cached
        } else {
            reference = ParsedReference(ReferenceText.parse(text), textHash: text.hashValue)
            parsedReferences[text] = reference
        }
        let scope = reference.filePath.isEmpty ? Int(file.rawValue) : -1 - store.directoryNumber(of: file)
        let key = ResolutionKey(scope: scope, text: text, textHash: reference.textHash)
        let resolution: Resolution
        if let cached = resolutions[key] {
            resolution = cached
        } else {
            resolution = computeResolution(reference, text: text, from: file)
            resolutions[key] = resolution
        }
        switch resolution {
        case .found(let target):
            return target
        case .failed(let message):
            if let message { error(message, at: location, pointer: pointer) }
            return nil
        }
    }

    private func computeResolution(_ reference: ParsedReference, text: String, from file: SourceFileID) -> Resolution {
        if let problem = reference.problem { return .failed(problem) }
        let root: NodeRef
        let fileName: String
        if reference.filePath.isEmpty {
            guard let node = store.root(of: file) else { return .failed(nil) }
            root = node
            fileName = ""
        } else {
            let (path, entry) = store.file(reference.filePath, from: file, diagnostics: &diagnostics)
            switch entry {
            case .unreadable(let failure):
                return .failed("cannot read '\(path)' (referenced by `\(text)`): \(failure.reason)")
            case .invalid:
                return .failed(nil)
            case .parsed(let node):
                root = node
                fileName = path
            }
        }
        return walk(reference.tokens, from: root, text: text, fileName: fileName)
    }

    /// Follows pointer tokens from a file's root. A `$ref` met on the way is followed when the
    /// token is not beside it, as ref-anywhere documents point through references
    /// (`#/components/schemas/X/properties/y` where `properties` is itself a `$ref`).
    private func walk(_ tokens: [String], from root: NodeRef, text: String, fileName: String) -> Resolution {
        var node = root
        var pointer = JSONPointer.root
        var index = 0
        func notFound(_ detail: String) -> Resolution {
            let place = pointer.tokens.isEmpty ? "the top level of \(fileName.isEmpty ? "the file" : "'\(fileName)'")"
                : "`\(fileName)\(pointer.fragment)`"
            return .failed("`$ref` target not found: `\(text)` (\(place) \(detail))")
        }
        while index < tokens.count {
            let token = tokens[index]
            switch node.content {
            case .mapping(let mapping):
                if let value = member(token, of: mapping, at: node.location) {
                    node = value
                    pointer = pointer.appending(token)
                    index += 1
                    continue
                }
                if let refEntry = refEntry(mapping), let refText = refEntry.value.scalar?.text {
                    guard pointerHops < Self.maxInlineChain else {
                        return .failed("`$ref` `\(text)` passes through too many references; is there a cycle?")
                    }
                    pointerHops += 1
                    defer { pointerHops -= 1 }
                    guard let hop = resolveReference(refText, from: node.location.file, reportAt: refEntry.value.location,
                                                     pointer: pointer.appending("$ref"))
                    else { return .failed(nil) }
                    node = hop.node
                    pointer = hop.pointer
                    continue
                }
                var detail = "has no `\(token)`"
                if let suggestion = NameSuggestion.closest(to: token, among: mapping.keys) {
                    detail += "; did you mean `\(suggestion)`?"
                }
                return notFound(detail)
            case .sequence(let items):
                guard let i = Int(token), i >= 0, String(i) == token else {
                    return notFound("is a list, which has no `\(token)`")
                }
                guard i < items.count else {
                    return notFound("is a list of \(items.count), which has no item \(i)")
                }
                node = items[i]
                pointer = pointer.appending(token)
                index += 1
            case .scalar:
                return notFound("is \(node.kindDescription), which has no `\(token)`")
            }
        }
        return .found(ResolvedTarget(node: node, pointer: pointer, key: TargetKey(file: node.location.file, pointer: PointerText.text(of: pointer))))
    }

    /// A mapping's value for a key. Large mappings (`components/schemas` with thousands of
    /// entries) get an index on first use, so resolving every reference into them stays linear.
    private func member(_ key: String, of mapping: MappingRef, at location: SourceLocation) -> NodeRef? {
        guard mapping.count > 16 else { return mapping[key] }
        if let index = mappingIndexes[location] {
            return index[key].map { mapping.entries[$0].value }
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(mapping.count)
        for (i, entry) in mapping.entries.enumerated() where index[entry.key] == nil {
            index[entry.key] = i
        }
        mappingIndexes[location] = index
        return index[key].map { mapping.entries[$0].value }
    }
}
