import CYAML

/// Reads YAML 1.2 or JSON text into a ``YAMLNode`` tree by pulling libyaml's events; plain JSON
/// goes through a faster reader of its own (``JSONReader``) that builds the same tree.
///
/// The builder keeps its own stack instead of recursing, so nesting depth is bounded by
/// ``Options/maxDepth`` rather than by the thread's stack.
public enum YAMLParser {
    public struct Options: Sendable {
        /// Deeper nesting is refused: no OpenAPI document needs it, and consumers of the tree
        /// recurse.
        public var maxDepth: Int = 1_000
        /// How many nodes aliases may add in total before the document is refused. Aliases share
        /// storage, so memory stays small either way; the limit protects whatever walks the tree.
        public var aliasExpansionLimit: Int = 1_000_000

        public init() {}
    }

    /// Parses one document. Errors carry the location libyaml reports, 1-based.
    public static func parse(_ bytes: [UInt8], file: SourceFileID, options: Options = Options()) throws(Diagnostic) -> YAMLNode {
        let arena = YAMLArena()
        let root = try parse(bytes, file: file, options: options, into: arena)
        return YAMLNode(arena: arena, id: root.id)
    }

    /// Parses one document into an arena shared with other files of the same load.
    package static func parse(_ bytes: [UInt8], file: SourceFileID, options: Options = Options(),
                              into arena: YAMLArena) throws(Diagnostic) -> NodeRef {
        try InputPreparation.check(bytes, file: file)
        if InputPreparation.looksLikeJSON(bytes), let root = JSONReader.read(bytes, file: file, options: options, into: arena) {
            return root
        }
        return try parseWithLibyaml(checked: bytes, file: file, options: options, into: arena)
    }

    /// The JSON reader alone; nil when it leaves the input to libyaml. With ``parseWithLibyaml``,
    /// for the fuzz target, which checks that the two build the same tree.
    package static func parseWithJSONReader(_ bytes: [UInt8], file: SourceFileID, options: Options = Options()) -> YAMLNode? {
        let arena = YAMLArena()
        guard (try? InputPreparation.check(bytes, file: file)) != nil,
              let root = JSONReader.read(bytes, file: file, options: options, into: arena)
        else { return nil }
        return YAMLNode(arena: arena, id: root.id)
    }

    /// Through libyaml alone, never the JSON reader: the tree the reader must build.
    package static func parseWithLibyaml(_ bytes: [UInt8], file: SourceFileID, options: Options = Options()) throws(Diagnostic) -> YAMLNode {
        let arena = YAMLArena()
        try InputPreparation.check(bytes, file: file)
        let root = try parseWithLibyaml(checked: bytes, file: file, options: options, into: arena)
        return YAMLNode(arena: arena, id: root.id)
    }

    private static func parseWithLibyaml(checked bytes: [UInt8], file: SourceFileID, options: Options,
                                         into arena: YAMLArena) throws(Diagnostic) -> NodeRef {
        let input = InputPreparation.prepare(bytes)
        var builder = TreeBuilder(file: file, input: input, options: options, arena: arena)
        defer { builder.releaseScratch() }
        return try builder.run()
    }
}

struct PendingKey {
    var key: UInt32
    var line: UInt32
    var column: UInt32
    var isMerge: Bool
}

struct Frame {
    var isMapping: Bool
    var line: UInt32
    var column: UInt32
    var anchor: String?
    var startCount: Int
    /// Where this container's items or entries begin on the builder's scratch stack.
    var scratchStart: Int
    var pendingKey: PendingKey?
    /// Keys seen so far, built once a mapping grows past a linear scan's worth.
    var keyIndex: [UInt32: Int]?
    var mergeSources: [UInt32] = []
}

/// Builds the tree from parse events, whichever reader produces them.
struct TreeBuilder {
    let file: SourceFileID
    let input: PreparedInput
    let options: Options
    let arena: YAMLArena
    let storage: UnsafeMutablePointer<ArenaStorage>
    typealias Options = YAMLParser.Options

    var frames: [Frame] = []
    /// Children of the open containers, innermost last; a container's slice moves into the
    /// arena when it closes, so every container's children end up contiguous.
    var items = RawBuffer<UInt32>()
    var entries = RawBuffer<RawEntry>()
    var root: UInt32?
    var anchors: [String: (node: UInt32, size: Int)] = [:]
    var nodeCount = 0
    var aliasExpansion = 0
    var documents = 0
    let hasColumnShifts: Bool

    init(file: SourceFileID, input: PreparedInput, options: Options, arena: YAMLArena) {
        self.file = file
        self.input = input
        self.options = options
        self.arena = arena
        storage = arena.storage
        hasColumnShifts = !input.columnShifts.isEmpty
    }

    func releaseScratch() {
        items.release()
        entries.release()
    }

    mutating func run() throws(Diagnostic) -> NodeRef {
        try checkCapacity()
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .error("libyaml could not allocate a parser", at: nil)
        }
        defer { yaml_parser_delete(&parser) }
        let bytes = input.bytes
        frames.reserveCapacity(64)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> NodeRef in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw parserError(parser)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try handle(event)
            }
            guard let root else {
                throw .error("the file is empty: expected an OpenAPI document (a mapping with an `openapi` key)",
                             at: SourceLocation(file: file, line: 1, column: 1))
            }
            return arena.node(root)
        }
    }

    /// Arena offsets are 32-bit. A file adds fewer nodes, entries and text bytes than twice its
    /// size plus what aliases may add, so checking before the parse keeps every offset exact.
    func checkCapacity() throws(Diagnostic) {
        let s = storage.pointee
        let used = max(s.nodes.count, s.items.count, s.entries.count, s.text.count, s.keys.count)
        guard used + 2 * input.bytes.count + options.aliasExpansionLimit < Int(UInt32.max) else {
            throw .error("the document is too large: a load reads at most about 2 GB of YAML or JSON",
                         at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    @inline(__always)
    func position(_ mark: yaml_mark_t) -> (line: UInt32, column: UInt32) {
        let line = UInt32(truncatingIfNeeded: mark.line)
        var column = UInt32(truncatingIfNeeded: mark.column)
        if hasColumnShifts { column = input.correctedColumn(line: line, column: column) }
        return (line + 1, column + 1)
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        let (line, column) = position(mark)
        return SourceLocation(file: file, line: line, column: column)
    }

    func parserError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        var at = location(parser.problem_mark)
        var message = problem
        if let context { message += " " + context }
        if problem.contains("end of stream") || problem.contains("unexpected end"), context != nil {
            // An unterminated quote or bracket is reported where the file ends; the place it was
            // opened is where the fix goes.
            let opened = location(parser.context_mark)
            message = "\(problem) \(context!) (opened here; the file ended at line \(at.line), column \(at.column))"
            at = opened
        } else if character(at: parser.problem_mark) == 0x09 {
            message = "a tab character where YAML expects spaces; YAML indentation must use spaces (\(message))"
        }
        return .error("YAML syntax error: " + message, at: at)
    }

    /// The byte at a libyaml mark, found by line and column (libyaml counts columns in characters).
    func character(at mark: yaml_mark_t) -> UInt8? {
        let bytes = input.bytes
        var line = 0
        var i = 0
        while line < Int(mark.line), i < bytes.count {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        var column = 0
        while column < Int(mark.column), i < bytes.count {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i < bytes.count ? bytes[i] : nil
    }

    mutating func handle(_ event: yaml_event_t) throws(Diagnostic) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let style: YAMLScalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let (line, column) = position(event.start_mark)
            try scalar(UnsafeBufferPointer(start: UnsafePointer(s.value), count: Int(s.length)), style: style,
                       line: line, column: column, anchor: s.anchor, tag: s.tag)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let (line, column) = position(event.start_mark)
            try open(isMapping: isMapping, line: line, column: column, anchor: anchorPointer.map { String(cString: $0) })
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try close()
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            let at = location(event.start_mark)
            guard let (anchored, size) = anchors[name] else {
                throw .error("alias *\(name) refers to no anchor &\(name) defined before it", at: at)
            }
            aliasExpansion += size
            nodeCount += size
            if aliasExpansion > options.aliasExpansionLimit {
                throw .error(
                    "aliases expand to more than \(options.aliasExpansionLimit) nodes; refusing the document (an alias bomb?)",
                    at: at)
            }
            var node = storage.pointee.nodes[Int(anchored)]
            node.line = at.line
            node.column = at.column
            try add(storage.pointee.appendNode(node))
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw .error("a second YAML document in the same file; an OpenAPI document is one YAML document",
                             at: location(event.start_mark))
            }
        default:
            break
        }
    }

    /// A container starts; `line` and `column` are 1-based.
    mutating func open(isMapping: Bool, line: UInt32, column: UInt32, anchor: String?) throws(Diagnostic) {
        guard frames.count < options.maxDepth else {
            throw .error("the document nests deeper than \(options.maxDepth) levels",
                         at: SourceLocation(file: file, line: line, column: column))
        }
        nodeCount += 1
        frames.append(Frame(
            isMapping: isMapping, line: line, column: column, anchor: anchor, startCount: nodeCount,
            scratchStart: isMapping ? entries.count : items.count))
    }

    /// A scalar, its text after unescaping; `line` and `column` are 1-based.
    mutating func scalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, line: UInt32, column: UInt32,
                         anchor: UnsafePointer<UInt8>?, tag: UnsafePointer<UInt8>?) throws(Diagnostic) {
        let length = text.count
        nodeCount += 1
        // Half of all scalars are keys: an unanchored key goes straight into the key table and
        // never becomes a node.
        if anchor == nil, let top = frames.indices.last, frames[top].isMapping, frames[top].pendingKey == nil {
            if style == .plain, length == 2, text[0] == UInt8(ascii: "<"), text[1] == UInt8(ascii: "<") {
                frames[top].pendingKey = PendingKey(key: 0, line: line, column: column, isMerge: true)
                return
            }
            let key = internKey(text)
            try checkDuplicate(key, line: line, column: column, top: top)
            frames[top].pendingKey = PendingKey(key: key, line: line, column: column, isMerge: false)
            return
        }
        let kind: YAMLScalar.Kind
        if let tag {
            kind = Self.kind(forTag: String(cString: tag), text: text)
        } else {
            kind = style == .plain ? ScalarResolution.kind(ofPlain: text) : .string
        }
        let start = UInt32(truncatingIfNeeded: storage.pointee.text.count)
        if length > 0 { storage.pointee.text.append(text.baseAddress!, count: length) }
        let node = storage.pointee.appendNode(RawNode(line: line, column: column, file: file.rawValue,
                                                      flags: RawNode.scalarFlags(kind: kind, style: style),
                                                      start: start, count: UInt32(truncatingIfNeeded: length)))
        if let anchor { anchors[String(cString: anchor)] = (node, 1) }
        try add(node)
    }

    mutating func close() throws(Diagnostic) {
        var frame = frames.removeLast()
        var raw = RawNode(line: frame.line, column: frame.column, file: file.rawValue, flags: 0, start: 0, count: 0)
        if frame.isMapping {
            if !frame.mergeSources.isEmpty { applyMerges(&frame) }
            let n = entries.count - frame.scratchStart
            let start = storage.pointee.entries.count
            raw.start = UInt32(truncatingIfNeeded: start)
            raw.count = UInt32(truncatingIfNeeded: n)
            if n > 0 {
                storage.pointee.entries.append(entries.base.unsafelyUnwrapped + frame.scratchStart, count: n)
                entries.removeLast(n)
            }
            raw.flags = storage.pointee.mappingFlags(entriesFrom: start)
        } else {
            let n = items.count - frame.scratchStart
            raw.flags = RawNode.sequenceFlag
            raw.start = UInt32(truncatingIfNeeded: storage.pointee.items.count)
            raw.count = UInt32(truncatingIfNeeded: n)
            if n > 0 {
                storage.pointee.items.append(items.base.unsafelyUnwrapped + frame.scratchStart, count: n)
                items.removeLast(n)
            }
        }
        let node = storage.pointee.appendNode(raw)
        if let anchor = frame.anchor { anchors[anchor] = (node, nodeCount - frame.startCount + 1) }
        try add(node)
    }

    static func kind(forTag tag: String, text: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Kind {
        switch tag {
        case "tag:yaml.org,2002:str", "!": return .string
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:int": return ScalarResolution.kind(ofPlain: text) == .integer ? .integer : .string
        case "tag:yaml.org,2002:float":
            let k = ScalarResolution.kind(ofPlain: text)
            return k == .integer || k == .float ? .float : .string
        default: return .string
        }
    }

    mutating func add(_ node: UInt32) throws(Diagnostic) {
        guard let top = frames.indices.last else {
            root = node
            return
        }
        if !frames[top].isMapping {
            items.append(node)
            return
        }
        guard let key = frames[top].pendingKey else {
            try addKey(node, top: top)
            return
        }
        frames[top].pendingKey = nil
        if key.isMerge {
            frames[top].mergeSources.append(node)
        } else {
            entries.append(RawEntry(key: key.key, keyLine: key.line, keyColumn: key.column, value: node))
        }
    }

    /// A key that became a node: an anchored scalar, an alias, or a (refused) complex key.
    mutating func addKey(_ node: UInt32, top: Int) throws(Diagnostic) {
        let ref = NodeRef(storage: storage, id: node)
        let raw = ref.raw
        guard raw.kindBits == 0 else {
            throw .error("a mapping key must be a scalar, not \(ref.kindDescription)", at: raw.location())
        }
        let text = storage.pointee.text.base.map { UnsafePointer($0 + Int(raw.start)) }
        let length = Int(raw.count)
        if raw.style == .plain, length == 2, let text, text[0] == UInt8(ascii: "<"), text[1] == UInt8(ascii: "<") {
            frames[top].pendingKey = PendingKey(key: 0, line: raw.line, column: raw.column, isMerge: true)
            return
        }
        // The key table keeps its own copy of the bytes, so interning from the text buffer is safe.
        let key = internKey(UnsafeBufferPointer(start: text, count: length))
        try checkDuplicate(key, line: raw.line, column: raw.column, top: top)
        frames[top].pendingKey = PendingKey(key: key, line: raw.line, column: raw.column, isMerge: false)
    }

    func internKey(_ text: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let base = text.baseAddress { return storage.pointee.keys.intern(base, text.count) }
        // An empty key may come without an address; any valid one will do for zero bytes.
        var zero: UInt8 = 0
        return withUnsafePointer(to: &zero) { storage.pointee.keys.intern($0, 0) }
    }

    /// Small mappings are checked by scanning; an index is built only once one grows, which
    /// keeps the common case allocation-free.
    mutating func checkDuplicate(_ key: UInt32, line: UInt32, column: UInt32, top: Int) throws(Diagnostic) {
        let start = frames[top].scratchStart
        let count = entries.count - start
        let classes = storage.pointee.keys.classes
        let keyClass = classes[Int(key)]
        var first: Int?
        if frames[top].keyIndex == nil && count < 16 {
            for i in start..<(start + count) where classes[Int(entries[i].key)] == keyClass {
                first = i
                break
            }
        } else {
            if frames[top].keyIndex == nil {
                var index: [UInt32: Int] = [:]
                index.reserveCapacity(32)
                for i in start..<(start + count) { index[classes[Int(entries[i].key)]] = i }
                frames[top].keyIndex = index
            }
            first = frames[top].keyIndex![keyClass]
            if first == nil { frames[top].keyIndex![keyClass] = start + count }
        }
        if let first {
            let entry = entries[first]
            throw .error("duplicate key \"\(storage.pointee.keys.strings[Int(key)])\" (first defined at line \(entry.keyLine), column \(entry.keyColumn))",
                         at: SourceLocation(file: file, line: line, column: column))
        }
    }

    /// YAML 1.1 merge keys (`<<: *base`), which OpenAPI authors use to share fragments: keys
    /// written in the mapping win, then earlier merge sources over later ones.
    mutating func applyMerges(_ frame: inout Frame) {
        let classes = storage.pointee.keys.classes
        var present = Set<UInt32>()
        for i in frame.scratchStart..<entries.count { present.insert(classes[Int(entries[i].key)]) }
        func merge(_ source: RawNode, into builder: inout TreeBuilder) {
            for i in Int(source.start)..<Int(source.start + source.count) {
                let entry = builder.storage.pointee.entries[i]
                if present.insert(classes[Int(entry.key)]).inserted { builder.entries.append(entry) }
            }
        }
        for source in frame.mergeSources {
            let raw = storage.pointee.nodes[Int(source)]
            switch raw.kindBits {
            case RawNode.mappingFlag:
                merge(raw, into: &self)
            case RawNode.sequenceFlag:
                for i in Int(raw.start)..<Int(raw.start + raw.count) {
                    let item = storage.pointee.nodes[Int(storage.pointee.items[i])]
                    if item.kindBits == RawNode.mappingFlag { merge(item, into: &self) }
                }
            default:
                break
            }
        }
    }
}
