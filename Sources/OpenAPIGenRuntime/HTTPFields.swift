/// An ordered list of HTTP header fields.
///
/// Order and repeated names are kept because some fields (`Set-Cookie`, `Link`) are
/// meaningful only as separate lines; lookup ignores case because RFC 9110 field names are
/// case-insensitive. Two lists are equal when they hold the same fields in the same order,
/// comparing names without regard to case.
public struct HTTPFields: Sendable, Hashable, Sequence {
    /// One field as iterated: the name as it was given and its value.
    public typealias Element = (name: String, value: String)

    struct Field: Sendable {
        var name: String
        var value: String
    }

    private var fields: [Field]

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list holding `pairs` in order, keeping repeated names.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of fields, counting repeated names separately.
    public var count: Int { fields.count }

    /// The value of the first field named `name` (any case).
    ///
    /// Setting a value replaces every field of that name with one field at the position of the
    /// first, so that reading back gives exactly what was set; setting `nil` removes them all.
    public subscript(_ name: String) -> String? {
        get {
            fields.first { Self.sameName($0.name, name) }?.value
        }
        set {
            let firstIndex = fields.firstIndex { Self.sameName($0.name, name) }
            fields.removeAll { Self.sameName($0.name, name) }
            guard let newValue else { return }
            // Every removed field sat at or after `firstIndex`, so it still marks the same place.
            fields.insert(Field(name: name, value: newValue), at: firstIndex ?? fields.count)
        }
    }

    /// Every value of the fields named `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Adds a field at the end, keeping any existing fields of the same name.
    public mutating func append(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Iterates the fields in order.
    public func makeIterator() -> Iterator {
        Iterator(base: fields.makeIterator())
    }

    /// Iterates the fields of an ``HTTPFields`` in order.
    public struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[Field]>

        /// The next field, or `nil` after the last.
        public mutating func next() -> (name: String, value: String)? {
            base.next().map { (name: $0.name, value: $0.value) }
        }
    }

    /// Compares the fields in order, names without regard to case.
    public static func == (lhs: HTTPFields, rhs: HTTPFields) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy {
                sameName($0.name, $1.name) && $0.value == $1.value
            }
    }

    /// Hashes the fields in order, names lower-cased to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
        for field in fields {
            hasher.combine(field.name.lowercased())
            hasher.combine(field.value)
        }
    }

    private static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        // Field names are ASCII tokens, so a plain lower-casing is an exact comparison and
        // avoids Foundation's locale-aware `caseInsensitiveCompare`.
        lhs.lowercased() == rhs.lowercased()
    }
}
