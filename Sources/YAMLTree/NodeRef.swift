#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Views of arena nodes for the loader, which reads every node of a large document.
//
// They hold the arena's storage pointer, not the arena: copying one costs no reference
// counting (even an `unowned(unsafe)` reference is retained around each use). The owner of
// the arena (the loader's source store) keeps it alive while they are used. Public code uses
// `YAMLNode`, which owns its arena.

/// A node of an arena.
package struct NodeRef {
    let storage: UnsafeMutablePointer<ArenaStorage>
    package let id: UInt32

    @inline(__always)
    init(storage: UnsafeMutablePointer<ArenaStorage>, id: UInt32) {
        self.storage = storage
        self.id = id
    }

    @inline(__always)
    var raw: RawNode { storage.pointee.nodes[Int(id)] }

    /// The arena the node lives in.
    package var arena: YAMLArena { storage.pointee.owner.takeUnretainedValue() }

    package var location: SourceLocation { raw.location() }
    package var file: SourceFileID { SourceFileID(raw.file) }

    package var isSequence: Bool { raw.kindBits == RawNode.sequenceFlag }
    package var isMapping: Bool { raw.kindBits == RawNode.mappingFlag }

    /// The core-schema kind, nil for a sequence or mapping.
    package var scalarKind: YAMLScalar.Kind? {
        let raw = self.raw
        return raw.kindBits == 0 ? raw.scalarKind : nil
    }

    package var scalar: YAMLScalar? {
        let raw = self.raw
        guard raw.kindBits == 0 else { return nil }
        return YAMLScalar(text: storage.pointee.text(raw), style: raw.style, kind: raw.scalarKind)
    }

    /// ``YAMLScalar/boolValue`` without making a `String`.
    package var boolValue: Bool? {
        let raw = self.raw
        guard raw.kindBits == 0, raw.scalarKind == .bool else { return nil }
        guard raw.count > 0 else { return false }
        let text = storage.pointee.text.base.unsafelyUnwrapped + Int(raw.start)
        // A combining mark after the first letter makes a different first character.
        if raw.count > 1, text[1] >= 0x80 { return scalar?.boolValue }
        return text[0] == UInt8(ascii: "t") || text[0] == UInt8(ascii: "T")
    }

    package var mapping: MappingRef? {
        let raw = self.raw
        guard raw.kindBits == RawNode.mappingFlag else { return nil }
        return MappingRef(storage: storage, id: id, raw: raw)
    }

    package var sequence: SequenceRef? {
        let raw = self.raw
        guard raw.kindBits == RawNode.sequenceFlag else { return nil }
        return SequenceRef(storage: storage, start: raw.start, count: Int(raw.count))
    }

    package enum Content {
        case scalar(YAMLScalar)
        case sequence(SequenceRef)
        case mapping(MappingRef)
    }

    /// The node's content; a scalar's `String` is made here, so prefer ``mapping``,
    /// ``sequence`` or ``scalarKind`` where the text is not needed.
    package var content: Content {
        let raw = self.raw
        switch raw.kindBits {
        case 0: return .scalar(YAMLScalar(text: storage.pointee.text(raw), style: raw.style, kind: raw.scalarKind))
        case RawNode.sequenceFlag: return .sequence(SequenceRef(storage: storage, start: raw.start, count: Int(raw.count)))
        default: return .mapping(MappingRef(storage: storage, id: id, raw: raw))
        }
    }

    /// What a reader would call this node in an error message ("a mapping", "the string \"x\"").
    package var kindDescription: String {
        let raw = self.raw
        switch raw.kindBits {
        case RawNode.sequenceFlag: return "a sequence"
        case RawNode.mappingFlag: return "a mapping"
        default: return YAMLScalar.describe(kind: raw.scalarKind, text: storage.pointee.text(raw))
        }
    }

    /// The text of a key, by the number ``EntryRef/keyTextID`` gives, of this node's arena.
    package func keyText(_ textID: UInt32) -> String {
        storage.pointee.keys.strings[Int(textID)]
    }

    /// An owning node, for public API.
    package var node: YAMLNode { YAMLNode(arena: arena, id: id) }
}

/// A mapping's entries in document order.
package struct MappingRef: RandomAccessCollection {
    let storage: UnsafeMutablePointer<ArenaStorage>
    /// The mapping's node; an alias shares its anchor's entries under a node of its own.
    package let id: UInt32
    let start: UInt32
    package let count: Int
    let keyBits: UInt32

    init(storage: UnsafeMutablePointer<ArenaStorage>, id: UInt32, raw: RawNode) {
        self.storage = storage
        self.id = id
        start = raw.start
        count = Int(raw.count)
        keyBits = raw.flags
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    @inline(__always)
    package subscript(position: Int) -> EntryRef {
        EntryRef(storage: storage, raw: storage.pointee.entries[Int(start) + position])
    }

    /// For code written against ``YAMLMapping``.
    package var entries: MappingRef { self }

    package var node: NodeRef { NodeRef(storage: storage, id: id) }

    /// The position of the entry with this key; a linear scan comparing key numbers.
    package func index(of key: KeyID) -> Int? {
        guard keyBits & RawNode.keyBit(key.raw) != 0 else { return nil }
        let entries = storage.pointee.entries
        let classes = storage.pointee.keys.classes
        let base = Int(start)
        for i in 0..<count where classes[Int(entries[base + i].key)] == key.raw { return i }
        return nil
    }

    package func index(of key: String) -> Int? {
        guard let id = storage.pointee.keys.lookupClass(key).map(KeyID.init) else { return nil }
        return index(of: id)
    }

    package func entry(_ key: KeyID) -> EntryRef? {
        index(of: key).map { self[$0] }
    }

    package func entry(_ key: String) -> EntryRef? {
        index(of: key).map { self[$0] }
    }

    package subscript(key: String) -> NodeRef? {
        entry(key)?.value
    }

    package var keys: [String] { map(\.key) }
}

/// One entry of a mapping.
package struct EntryRef {
    let storage: UnsafeMutablePointer<ArenaStorage>
    let raw: RawEntry

    @inline(__always)
    init(storage: UnsafeMutablePointer<ArenaStorage>, raw: RawEntry) {
        self.storage = storage
        self.raw = raw
    }

    /// The key's class: equal for keys that are equal as strings.
    package var keyID: KeyID { KeyID(raw: storage.pointee.keys.classes[Int(raw.key)]) }
    /// The key's exact text as a number (``KeyID`` names its class), for ``keyText(_:)``.
    package var keyTextID: UInt32 { raw.key }
    package var key: String { storage.pointee.keys.strings[Int(raw.key)] }
    package var value: NodeRef { NodeRef(storage: storage, id: raw.value) }

    package var keyLocation: SourceLocation {
        SourceLocation(file: SourceFileID(storage.pointee.nodes[Int(raw.value)].file), line: raw.keyLine, column: raw.keyColumn)
    }
}

/// A sequence's items in document order.
package struct SequenceRef: RandomAccessCollection {
    let storage: UnsafeMutablePointer<ArenaStorage>
    let start: UInt32
    package let count: Int

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    @inline(__always)
    package subscript(position: Int) -> NodeRef {
        NodeRef(storage: storage, id: storage.pointee.items[Int(start) + position])
    }
}

/// An interned mapping key, up to canonical equivalence (see ``KeyTable``).
package struct KeyID: Hashable, Sendable {
    package let raw: UInt32
    package init(raw: UInt32) { self.raw = raw }
}

extension ArenaStorage {
    @inline(__always)
    mutating func appendNode(_ node: RawNode) -> UInt32 {
        let id = UInt32(truncatingIfNeeded: nodes.count)
        nodes.append(node)
        return id
    }

    /// The flags of a mapping whose entries run from `start` to the end of the entry buffer.
    func mappingFlags(entriesFrom start: Int) -> UInt32 {
        var flags = RawNode.mappingFlag
        for i in start..<entries.count { flags |= RawNode.keyBit(keys.classes[Int(entries[i].key)]) }
        return flags
    }

    @inline(__always)
    func text(_ raw: RawNode) -> String {
        String(decoding: UnsafeBufferPointer(start: text.base.map { $0 + Int(raw.start) }, count: Int(raw.count)), as: UTF8.self)
    }
}

extension YAMLArena {
    /// Number of distinct keys interned so far; key numbers are below it.
    package var keyCount: Int { storage.pointee.keys.count }

    /// The key's class if some mapping of this arena has the key.
    package func lookupKey(_ key: String) -> KeyID? {
        storage.pointee.keys.lookupClass(key).map(KeyID.init)
    }

    /// Interns exactly this text; the result names the text, not its class.
    func internKey(_ key: String) -> UInt32 {
        withBytes(of: key) { storage.pointee.keys.intern($0, $1) }
    }

    private func withBytes<R>(of key: String, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        var key = key
        return key.withUTF8 { buffer in
            if let base = buffer.baseAddress { return body(base, buffer.count) }
            // An empty key may come without an address; any valid one will do for zero bytes.
            var zero: UInt8 = 0
            return withUnsafePointer(to: &zero) { body($0, 0) }
        }
    }

    /// A mapping made of existing entries, for a `$ref` whose sibling keys overlay its target.
    package func appendMapping(_ entries: [EntryRef], at location: SourceLocation) -> NodeRef {
        let start = storage.pointee.entries.count
        for entry in entries {
            if entry.storage == storage {
                storage.pointee.entries.append(entry.raw)
            } else {
                let value = copy(entry.value)
                let key = internKey(entry.key)
                let keyLocation = entry.keyLocation
                storage.pointee.entries.append(RawEntry(key: key, keyLine: keyLocation.line, keyColumn: keyLocation.column, value: value))
            }
        }
        return appendNode(RawNode(line: location.line, column: location.column, file: location.file.rawValue,
                                  flags: storage.pointee.mappingFlags(entriesFrom: start),
                                  start: UInt32(truncatingIfNeeded: start), count: UInt32(entries.count)))
    }

    func appendNode(_ node: RawNode) -> NodeRef {
        NodeRef(storage: storage, id: storage.pointee.appendNode(node))
    }

    /// A node of another arena copied into this one, with everything below it.
    func copy(_ node: NodeRef) -> UInt32 {
        if node.storage == storage { return node.id }
        var raw = node.raw
        switch raw.kindBits {
        case 0:
            let start = storage.pointee.text.count
            if raw.count > 0 {
                storage.pointee.text.append(node.storage.pointee.text.base.unsafelyUnwrapped + Int(raw.start), count: Int(raw.count))
            }
            raw.start = UInt32(truncatingIfNeeded: start)
        case RawNode.sequenceFlag:
            let items = SequenceRef(storage: node.storage, start: raw.start, count: Int(raw.count)).map { copy($0) }
            raw.start = UInt32(truncatingIfNeeded: storage.pointee.items.count)
            for item in items { storage.pointee.items.append(item) }
        default:
            let source = MappingRef(storage: node.storage, id: node.id, raw: raw)
            let entries = source.map { entry -> RawEntry in
                let location = entry.keyLocation
                return RawEntry(key: internKey(entry.key), keyLine: location.line, keyColumn: location.column, value: copy(entry.value))
            }
            let start = storage.pointee.entries.count
            raw.start = UInt32(truncatingIfNeeded: start)
            for entry in entries { storage.pointee.entries.append(entry) }
            raw.flags = storage.pointee.mappingFlags(entriesFrom: start)
        }
        return appendNode(raw).id
    }
}
