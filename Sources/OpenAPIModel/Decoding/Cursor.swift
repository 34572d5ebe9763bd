import YAMLTree

/// A node being decoded, with where it really lives and how the decoder got there.
///
/// The pointer is always within the node's own file (`node.location.file`), even when the node
/// was reached through a `$ref` from another file, so that a location and its pointer agree.
struct Cursor {
    let node: NodeRef
    /// The pointer is the parent's plus `token`, formed only when asked for: most fields are
    /// scalars read without any problem, whose pointers nobody needs.
    private let parent: JSONPointer
    private let token: Token
    /// The targets inlined on the way here, to refuse a reference that would inline itself.
    let chain: InlineChain
    /// Nesting depth including inlined files, bounded so decoding cannot exhaust the stack.
    let depth: Int
    /// Set for a schema decoded as a possible `$ref` target (a component or a worklist entry),
    /// whose being a bare reference matters to the cycle check; children never inherit it.
    var isSchemaTargetRoot = false

    /// A key is held as its number in the arena: copying a cursor then retains nothing for it.
    private enum Token {
        case none
        case key(UInt32)
        case index(Int)
    }

    init(node: NodeRef, pointer: JSONPointer, chain: InlineChain = .empty, depth: Int = 0) {
        self.init(node: node, parent: pointer, token: .none, chain: chain, depth: depth)
    }

    private init(node: NodeRef, parent: JSONPointer, token: Token, chain: InlineChain, depth: Int) {
        self.node = node
        self.parent = parent
        self.token = token
        self.chain = chain
        self.depth = depth
    }

    var pointer: JSONPointer {
        switch token {
        case .none: return parent
        case .key(let key): return parent.appending(node.keyText(key))
        case .index(let index): return parent.appending(index)
        }
    }

    var lastToken: String? {
        switch token {
        case .none: return parent.lastToken
        case .key(let key): return node.keyText(key)
        case .index(let index): return String(index)
        }
    }

    /// The same cursor with its pointer formed, for a node whose children will need pointers:
    /// they then share it instead of each forming it again.
    var materialized: Cursor {
        if case .none = token { return self }
        var cursor = Cursor(node: node, parent: pointer, token: .none, chain: chain, depth: depth)
        cursor.isSchemaTargetRoot = isSchemaTargetRoot
        return cursor
    }

    var location: SourceLocation { node.location }
    var file: SourceFileID { node.file }

    func child(_ entry: EntryRef) -> Cursor {
        Cursor(node: entry.value, parent: pointer, token: .key(entry.keyTextID), chain: chain, depth: depth + 1)
    }

    func element(_ index: Int, _ value: NodeRef) -> Cursor {
        Cursor(node: value, parent: pointer, token: .index(index), chain: chain, depth: depth + 1)
    }
}

/// The `$ref` targets inlined between the document root and a node, innermost first.
///
/// Ends in ``empty`` rather than nil: cursors are copied at every step of decoding, and a plain
/// reference copies with a retain, where an optional one copies through its type's value
/// witnesses.
final class InlineChain: Sendable {
    /// Meaningless in ``empty``, whose `length` is 0.
    let target: TargetKey
    let parent: InlineChain?
    let length: Int

    static let empty = InlineChain()

    private init() {
        target = TargetKey(file: SourceFileID(0), pointer: "")
        parent = nil
        length = 0
    }

    init(target: TargetKey, parent: InlineChain) {
        self.target = target
        self.parent = parent
        self.length = parent.length + 1
    }

    func contains(_ key: TargetKey) -> Bool {
        var link = self
        while link.length > 0, let parent = link.parent {
            if link.target == key { return true }
            link = parent
        }
        return false
    }
}

/// A node's identity independent of how it was reached: its file and pointer text.
///
/// Keys sit in several large tables; the text's hash is computed once, so that growing a table
/// does not hash every pointer again.
struct TargetKey: Hashable {
    let file: SourceFileID
    let pointer: String
    private let textHash: Int

    init(file: SourceFileID, pointer: String) {
        self.file = file
        self.pointer = pointer
        textHash = pointer.hashValue
    }

    static func == (a: Self, b: Self) -> Bool {
        a.textHash == b.textHash && a.file == b.file && a.pointer == b.pointer
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(textHash)
    }
}
