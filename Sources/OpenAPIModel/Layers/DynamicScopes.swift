extension Schema {
    /// A `$dynamicRef` whose target depends on the way evaluation reached it: the ways from
    /// where evaluation starts enter different schema resources declaring the anchor (an
    /// `if`/`then`/`else` choosing one), so no single schema is meant. Checking a value resolves
    /// it against the resources it entered (see ``DynamicScopes``).
    public struct DynamicReference: Sendable, Hashable {
        /// The fragment's name, the `$dynamicAnchor` looked for.
        public var anchor: String
        /// The schema the reference names as written (itself a `$dynamicAnchor` of that name,
        /// the "bookend"): the target when no resource in scope declares the anchor.
        public var target: RefTarget

        /// A reference looking for `anchor`, written as naming `target`.
        public init(anchor: String, target: RefTarget) {
            self.anchor = anchor
            self.target = target
        }
    }
}

/// What resolving the document's ``Schema/DynamicReference``s while checking a value needs,
/// empty unless some `$dynamicRef` depends on the way evaluation takes.
public struct DynamicScopes: Sendable {
    /// Each schema resource (a schema with `$id`, or a file's root) of the files holding such a
    /// reference → the dynamic anchors it declares, of the names such references look for →
    /// the declaring schema. A resource declaring none of them maps to an empty map: it is
    /// still the innermost resource of the schemas inside it.
    public var resources: [RefTarget: OrderedMap<RefTarget>] = [:]
    /// Where evaluation of each such reference is taken to start, the outermost resource
    /// enclosing it: a value of that schema is checked as a whole, so that the dynamic scope is
    /// the one its evaluation builds.
    public var starts: Set<RefTarget> = []

    /// No `$dynamicRef` depends on the path: the case of almost every document.
    public init() {}

    /// True when no `$dynamicRef` of the document depends on the path.
    public var isEmpty: Bool { resources.isEmpty }

    /// The innermost resource whose schema is, or contains, the one at `target`.
    public func resource(containing target: RefTarget) -> RefTarget? {
        guard !resources.isEmpty else { return nil }
        var tokens = target.pointer.tokens
        while true {
            var pointer = JSONPointer.root
            for token in tokens { pointer = pointer.appending(token) }
            let candidate = RefTarget(file: target.file, pointer: pointer)
            if resources[candidate] != nil { return candidate }
            if tokens.isEmpty { return nil }
            tokens.removeLast()
        }
    }
}
