import YAMLTree

/// A node being decoded, with where it really lives and how the decoder got there.
///
/// The pointer is always within the node's own file (`node.location.file`), even when the node
/// was reached through a `$ref` from another file, so that a location and its pointer agree.
struct Cursor {
    let node: YAMLNode
    let pointer: JSONPointer
    /// The targets inlined on the way here, to refuse a reference that would inline itself.
    let chain: InlineChain?
    /// Nesting depth including inlined files, bounded so decoding cannot exhaust the stack.
    let depth: Int
    /// Set for a schema decoded as a possible `$ref` target (a component or a worklist entry),
    /// whose being a bare reference matters to the cycle check; children never inherit it.
    var isSchemaTargetRoot = false

    init(node: YAMLNode, pointer: JSONPointer, chain: InlineChain? = nil, depth: Int = 0) {
        self.node = node
        self.pointer = pointer
        self.chain = chain
        self.depth = depth
    }

    var location: SourceLocation { node.location }
    var file: SourceFileID { node.location.file }

    func child(_ key: String, _ value: YAMLNode) -> Cursor {
        Cursor(node: value, pointer: pointer.appending(key), chain: chain, depth: depth + 1)
    }

    func child(_ entry: YAMLMapping.Entry) -> Cursor {
        child(entry.key, entry.value)
    }

    func element(_ index: Int, _ value: YAMLNode) -> Cursor {
        Cursor(node: value, pointer: pointer.appending(index), chain: chain, depth: depth + 1)
    }
}

/// The `$ref` targets inlined between the document root and a node, innermost first.
final class InlineChain {
    let target: TargetKey
    let parent: InlineChain?
    let length: Int

    init(target: TargetKey, parent: InlineChain?) {
        self.target = target
        self.parent = parent
        self.length = (parent?.length ?? 0) + 1
    }

    func contains(_ key: TargetKey) -> Bool {
        var link: InlineChain? = self
        while let l = link {
            if l.target == key { return true }
            link = l.parent
        }
        return false
    }
}

/// A node's identity independent of how it was reached: its file and pointer text.
struct TargetKey: Hashable {
    var file: SourceFileID
    var pointer: String
}
