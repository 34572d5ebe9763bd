import CYAML

/// Reads YAML 1.2 or JSON text into a ``YAMLNode`` tree by pulling libyaml's events.
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
        let input = try InputPreparation.prepare(bytes, file: file)
        var builder = TreeBuilder(file: file, input: input, options: options)
        return try builder.run()
    }
}

private struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    var anchor: String?
    var startCount: Int
    var items: [YAMLNode] = []
    var entries: [YAMLMapping.Entry] = []
    var pendingKey: (text: String, location: SourceLocation, isMerge: Bool)?
    var keyIndex: [String: Int]?
    var mergeSources: [YAMLNode] = []
}

private struct TreeBuilder {
    let file: SourceFileID
    let input: PreparedInput
    let options: Options
    typealias Options = YAMLParser.Options

    var stack: [Frame] = []
    var root: YAMLNode?
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var nodeCount = 0
    var aliasExpansion = 0
    var documents = 0

    init(file: SourceFileID, input: PreparedInput, options: Options) {
        self.file = file
        self.input = input
        self.options = options
    }

    mutating func run() throws(Diagnostic) -> YAMLNode {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .error("libyaml could not allocate a parser", at: nil)
        }
        defer { yaml_parser_delete(&parser) }
        let bytes = input.bytes
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> YAMLNode in
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
            return root
        }
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        let line = UInt32(truncatingIfNeeded: mark.line)
        let column = input.correctedColumn(line: line, column: UInt32(truncatingIfNeeded: mark.column))
        return SourceLocation(file: file, line: line + 1, column: column + 1)
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
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw .error("a second YAML document in the same file; an OpenAPI document is one YAML document",
                             at: location(event.start_mark))
            }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            let style: YAMLScalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let kind: YAMLScalar.Kind
            if let tag = s.tag {
                kind = Self.kind(forTag: String(cString: tag), text: text)
            } else {
                kind = style == .plain ? ScalarResolution.kind(ofPlain: text) : .string
            }
            nodeCount += 1
            let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style, kind: kind)), at: location(event.start_mark))
            if let anchor = s.anchor { anchors[String(cString: anchor)] = (node, 1) }
            try add(node)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < options.maxDepth else {
                throw .error("the document nests deeper than \(options.maxDepth) levels", at: location(event.start_mark))
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            nodeCount += 1
            stack.append(Frame(
                isMapping: isMapping, location: location(event.start_mark),
                anchor: anchorPointer.map { String(cString: $0) }, startCount: nodeCount))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            var frame = stack.removeLast()
            let node: YAMLNode
            if frame.isMapping {
                applyMerges(&frame)
                node = YAMLNode(.mapping(YAMLMapping(entries: frame.entries)), at: frame.location)
            } else {
                node = YAMLNode(.sequence(frame.items), at: frame.location)
            }
            if let anchor = frame.anchor { anchors[anchor] = (node, nodeCount - frame.startCount + 1) }
            try add(node)
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
            var node = anchored
            node.location = at
            try add(node)
        default:
            break
        }
    }

    static func kind(forTag tag: String, text: String) -> YAMLScalar.Kind {
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

    mutating func add(_ node: YAMLNode) throws(Diagnostic) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            guard let scalar = node.scalar else {
                throw .error("a mapping key must be a scalar, not \(node.kindDescription)", at: node.location)
            }
            let isMerge = scalar.text == "<<" && scalar.style == .plain
            if !isMerge { try Self.checkDuplicate(scalar.text, at: node.location, in: &stack[top]) }
            stack[top].pendingKey = (scalar.text, node.location, isMerge)
            return
        }
        stack[top].pendingKey = nil
        if key.isMerge {
            stack[top].mergeSources.append(node)
        } else {
            stack[top].entries.append(YAMLMapping.Entry(key: key.text, keyLocation: key.location, value: node))
        }
    }

    /// Small mappings are checked by scanning; an index is built only once one grows, which
    /// keeps the common case allocation-free. Static because an instance method called with
    /// `&stack[top]` makes Swift copy the builder, and with it every open frame, on every key.
    static func checkDuplicate(_ key: String, at location: SourceLocation, in frame: inout Frame) throws(Diagnostic) {
        let entries = frame.entries
        var firstIndex: Int?
        if frame.keyIndex == nil && entries.count < 16 {
            firstIndex = entries.firstIndex { $0.key == key }
        } else {
            if frame.keyIndex == nil {
                var index: [String: Int] = [:]
                for (i, e) in entries.enumerated() { index[e.key] = i }
                frame.keyIndex = index
            }
            firstIndex = frame.keyIndex![key]
            if firstIndex == nil { frame.keyIndex![key] = entries.count }
        }
        if let firstIndex {
            let first = entries[firstIndex].keyLocation
            throw .error("duplicate key \"\(key)\" (first defined at line \(first.line), column \(first.column))", at: location)
        }
    }

    /// YAML 1.1 merge keys (`<<: *base`), which OpenAPI authors use to share fragments: keys
    /// written in the mapping win, then earlier merge sources over later ones.
    func applyMerges(_ frame: inout Frame) {
        guard !frame.mergeSources.isEmpty else { return }
        var present = Set(frame.entries.map(\.key))
        var sources: [YAMLMapping] = []
        for source in frame.mergeSources {
            switch source.content {
            case .mapping(let m): sources.append(m)
            case .sequence(let items): sources.append(contentsOf: items.compactMap(\.mapping))
            case .scalar: break
            }
        }
        for source in sources {
            for entry in source.entries where !present.contains(entry.key) {
                present.insert(entry.key)
                frame.entries.append(entry)
            }
        }
    }
}
