#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The nodes of one or more parsed files, stored flat.
///
/// A large document has hundreds of thousands of nodes. Stored as a tree of Swift values, each
/// mapping, sequence and long scalar is an allocation to make, reference-count and free, and
/// building and tearing down the tree took about as long as libyaml took to parse.
/// Here a node is a fixed-size record in one buffer, containers refer to ranges of shared item
/// and entry buffers, scalar text lies in one byte buffer and becomes a `String` only when
/// read, and mapping keys are interned, so each distinct key is one `String` however often it
/// appears. Freeing the whole is a handful of `free` calls.
///
/// An arena only grows: node identifiers stay valid for its lifetime. A load parses every file
/// it reads into one arena, so nodes of different files can sit in one mapping (a `$ref` with
/// keys beside it overlays its target) and a node is named by a plain index.
///
/// Thread safety: an arena is appended to only by the thread that parses into it. The arenas
/// behind public ``YAMLNode`` values are complete before any node is handed out; a shared
/// arena being appended to is `package`-only and stays on the loading thread.
package final class YAMLArena: @unchecked Sendable {
    /// Behind a pointer rather than in stored `var`s: reading a class's `var` costs a runtime
    /// exclusivity check, and the decoder reads node records millions of times.
    let storage: UnsafeMutablePointer<ArenaStorage>

    package init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: ArenaStorage())
        storage.pointee.owner = Unmanaged.passUnretained(self)
    }

    /// A view of one of this arena's nodes.
    package func node(_ id: UInt32) -> NodeRef { NodeRef(storage: storage, id: id) }

    deinit {
        storage.pointee.release()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }
}

/// Node record. `start`/`count` are, for a scalar, its text's offset and byte length in the
/// text buffer; for a sequence, a range of the item buffer; for a mapping, of the entry buffer.
struct RawNode: BitwiseCopyable {
    var line: UInt32
    var column: UInt32
    var file: UInt32
    var flags: UInt32
    var start: UInt32
    var count: UInt32

    static let sequenceFlag: UInt32 = 1
    static let mappingFlag: UInt32 = 2

    /// A mapping's flags above bit 7 say which keys it may have: bit `8 + class % 24` is set
    /// for each key's class. A reader looking for `$ref` in every mapping it decodes learns
    /// from one test that most have none.
    @inline(__always)
    static func keyBit(_ keyClass: UInt32) -> UInt32 { 1 << (8 + keyClass % 24) }

    /// 0 scalar, 1 sequence, 2 mapping.
    var kindBits: UInt32 { flags & 3 }
    var scalarKind: YAMLScalar.Kind { YAMLScalar.Kind.decode((flags >> 2) & 7) }
    var style: YAMLScalar.Style { YAMLScalar.Style.decode((flags >> 5) & 7) }

    static func scalarFlags(kind: YAMLScalar.Kind, style: YAMLScalar.Style) -> UInt32 {
        (kind.code << 2) | (style.code << 5)
    }

    func location() -> SourceLocation {
        SourceLocation(file: SourceFileID(file), line: line, column: column)
    }
}

/// One mapping entry: its interned key, the key's place, and the value's node.
struct RawEntry: BitwiseCopyable {
    var key: UInt32
    var keyLine: UInt32
    var keyColumn: UInt32
    var value: UInt32
}

extension YAMLScalar.Kind {
    var code: UInt32 {
        switch self {
        case .null: 0
        case .bool: 1
        case .integer: 2
        case .float: 3
        case .string: 4
        }
    }

    static func decode(_ code: UInt32) -> Self {
        switch code {
        case 0: .null
        case 1: .bool
        case 2: .integer
        case 3: .float
        default: .string
        }
    }
}

extension YAMLScalar.Style {
    var code: UInt32 {
        switch self {
        case .plain: 0
        case .singleQuoted: 1
        case .doubleQuoted: 2
        case .literal: 3
        case .folded: 4
        }
    }

    static func decode(_ code: UInt32) -> Self {
        switch code {
        case 1: .singleQuoted
        case 2: .doubleQuoted
        case 3: .literal
        case 4: .folded
        default: .plain
        }
    }
}

/// A growable array of plain values in `malloc` memory. `realloc` grows large buffers by
/// remapping pages instead of copying them, and nothing is zero-filled in advance.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var count = 0
    private(set) var capacity = 0

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base.unsafelyUnwrapped[i] }
        nonmutating set { base.unsafelyUnwrapped[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base.unsafelyUnwrapped[count] = element
        count += 1
    }

    mutating func append(_ elements: UnsafePointer<Element>, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(to: count + n) }
        (base.unsafelyUnwrapped + count).update(from: elements, count: n)
        count += n
    }

    mutating func removeLast(_ n: Int) {
        count -= n
    }

    mutating func removeAll() {
        count = 0
    }

    private mutating func grow(to minimum: Int) {
        let newCapacity = Swift.max(minimum, capacity * 2, 256)
        guard let raw = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory growing a YAML buffer to \(newCapacity) elements")
        }
        base = raw.assumingMemoryBound(to: Element.self)
        capacity = newCapacity
    }

    func release() {
        free(base)
    }
}

struct ArenaStorage {
    /// For views, which hold this storage rather than the arena.
    var owner: Unmanaged<YAMLArena>!
    var nodes = RawBuffer<RawNode>()
    var items = RawBuffer<UInt32>()
    var entries = RawBuffer<RawEntry>()
    var text = RawBuffer<UInt8>()
    var keys = KeyTable()

    func release() {
        nodes.release()
        items.release()
        entries.release()
        text.release()
        keys.release()
    }

    /// The buffers' sizes, to return to with ``truncate(to:)`` when a parse is abandoned.
    /// Interned keys stay: they are only names, and no node refers to the abandoned ones.
    var mark: (nodes: Int, items: Int, entries: Int, text: Int) {
        (nodes.count, items.count, entries.count, text.count)
    }

    mutating func truncate(to mark: (nodes: Int, items: Int, entries: Int, text: Int)) {
        nodes.removeLast(nodes.count - mark.nodes)
        items.removeLast(items.count - mark.items)
        entries.removeLast(entries.count - mark.entries)
        text.removeLast(text.count - mark.text)
    }
}

/// Interns mapping keys: each distinct key text gets a small number and one `String`.
///
/// OpenAPI documents repeat a few hundred keys (`type`, `description`, `properties`)
/// hundreds of thousands of times. Interning makes a key's `String` free to hand out, lets
/// duplicate checks compare integers, and lets readers map a key to a keyword once per key
/// rather than once per occurrence.
///
/// Keys are compared as Swift compares strings, by canonical equivalence: `café` written with
/// a combining accent is the same key as with a precomposed `é`. Each key's text is kept
/// exactly, and each key also has a class, the number of the first key equivalent to it;
/// comparisons use classes.
struct KeyTable {
    private struct Record: BitwiseCopyable {
        var start: UInt32
        var length: UInt32
        var hash: UInt32
    }

    private var records = RawBuffer<Record>()
    private var bytes = RawBuffer<UInt8>()
    /// Open addressing; a slot holds a key's number plus one, 0 when empty.
    private var slots: UnsafeMutablePointer<UInt32>?
    private var mask = 0
    /// Varies from table to table, so that a document cannot be written to make its keys
    /// collide and the parse crawl.
    private let seed = UInt64.random(in: 0...UInt64.max)
    private(set) var strings: [String] = []
    private(set) var classes = RawBuffer<UInt32>()
    /// Hashing a `String` hashes its normalized form, so this finds equivalent spellings.
    private var classIndex: [String: UInt32] = [:]

    var count: Int { records.count }

    func release() {
        records.release()
        bytes.release()
        classes.release()
        free(slots)
    }

    /// The class of a key written as `key`, nil if no equivalent key was ever interned.
    func lookupClass(_ key: String) -> UInt32? {
        classIndex[key]
    }

    /// FNV-1a folded over 8-byte words: keys are short, and this hashes one in a few cycles.
    @inline(__always)
    private func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x0000_0100_0000_01B3
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    private func matches(_ record: Record, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        // The empty key takes no bytes: when it is the first key, the buffer does not exist yet.
        Int(record.length) == n && (n == 0 || memcmp(bytes.base.unsafelyUnwrapped + Int(record.start), p, n) == 0)
    }

    /// The key's number, interning the text on first sight.
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        if records.count * 2 >= mask { rehash() }
        let slots = self.slots.unsafelyUnwrapped
        let h = hash(p, n)
        var i = Int(h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            let record = records[Int(slot - 1)]
            if record.hash == h && matches(record, p, n) { return slot - 1 }
            i = (i + 1) & mask
        }
        let id = UInt32(records.count)
        records.append(Record(start: UInt32(truncatingIfNeeded: bytes.count), length: UInt32(n), hash: h))
        bytes.append(p, count: n)
        let string = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        strings.append(string)
        if let equivalent = classIndex[string] {
            classes.append(equivalent)
        } else {
            classIndex[string] = id
            classes.append(id)
        }
        slots[i] = id + 1
        return id
    }

    private mutating func rehash() {
        let capacity = Swift.max(1024, (mask + 1) * 2)
        guard let fresh = calloc(capacity, MemoryLayout<UInt32>.stride)?.assumingMemoryBound(to: UInt32.self) else {
            fatalError("out of memory growing the YAML key table")
        }
        let newMask = capacity - 1
        for id in 0..<records.count {
            var i = Int(records[id].hash) & newMask
            while fresh[i] != 0 { i = (i + 1) & newMask }
            fresh[i] = UInt32(id + 1)
        }
        free(slots)
        slots = fresh
        mask = newMask
    }
}
