/// Name → value pairs in document order.
///
/// OpenAPI maps (properties, paths, components) are ordered in the text, and generated code
/// follows that order so that output reads like the spec and is identical from run to run.
public struct OrderedMap<Value: Sendable>: Sendable, RandomAccessCollection {
    public typealias Element = (key: String, value: Value)
    public private(set) var elements: [Element]
    private var index: [String: Int]

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

    public var keys: [String] { elements.map(\.key) }
    public var values: [Value] { elements.map(\.value) }

    /// Setting an existing key replaces its value in place; a new key goes last.
    public subscript(key: String) -> Value? {
        get { index[key].map { elements[$0].value } }
        set {
            if let i = index[key] {
                if let newValue {
                    elements[i].value = newValue
                } else {
                    elements.remove(at: i)
                    index = [:]
                    for (j, e) in elements.enumerated() { index[e.key] = j }
                }
            } else if let newValue {
                index[key] = elements.count
                elements.append((key, newValue))
            }
        }
    }
}
