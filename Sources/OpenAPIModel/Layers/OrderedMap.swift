/// Name → value pairs in document order.
///
/// OpenAPI maps (properties, paths, components) are ordered in the text, and generated code
/// follows that order so that output reads like the spec and is identical from run to run.
public struct OrderedMap<Value: Sendable>: Sendable, RandomAccessCollection {
    public typealias Element = (key: String, value: Value)
    public private(set) var elements: [Element]
    /// Key → position, built only once the map outgrows a linear scan: most maps (a schema's
    /// properties, a response's media types) are small, and a dictionary for each would cost
    /// an allocation and a hash of every key.
    private var index: [String: Int]

    private static var indexThreshold: Int { 12 }

    public init() {
        elements = []
        index = [:]
    }

    public init(_ elements: [Element]) {
        self.init()
        for e in elements { self[e.key] = e.value }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }
    public subscript(position: Int) -> Element { elements[position] }

    // Closures, not key paths: in this generic type a key path is instantiated at run time on
    // every call, which showed in profiles.
    public var keys: [String] { elements.map { $0.key } }
    public var values: [Value] { elements.map { $0.value } }

    mutating func reserveCapacity(_ n: Int) {
        elements.reserveCapacity(n)
    }

    /// Adds a key known not to be present yet, such as each key of one YAML mapping (which
    /// the parser has checked for duplicates), without looking for it first.
    mutating func appendNew(_ key: String, _ value: consuming Value) {
        elements.append((key, value))
        if elements.count == Self.indexThreshold + 1 {
            rebuildIndex()
        } else if elements.count > Self.indexThreshold + 1 {
            index[key] = elements.count - 1
        }
    }

    private func position(of key: String) -> Int? {
        if elements.count <= Self.indexThreshold {
            return elements.firstIndex { $0.key == key }
        }
        return index[key]
    }

    private mutating func rebuildIndex() {
        index = [:]
        guard elements.count > Self.indexThreshold else { return }
        index.reserveCapacity(elements.count)
        // By position: iterating the elements would copy each value (a schema, a path item).
        for j in elements.indices { index[elements[j].key] = j }
    }

    /// Setting an existing key replaces its value in place; a new key goes last.
    public subscript(key: String) -> Value? {
        get { position(of: key).map { elements[$0].value } }
        set {
            if let i = position(of: key) {
                if let newValue {
                    elements[i].value = newValue
                } else {
                    elements.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                appendNew(key, newValue)
            }
        }
    }
}
