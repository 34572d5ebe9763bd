/// Collects the constraint violations of a value and of everything inside it.
///
/// Every check takes `at key`, the wire name of the property or parameter checked, relative to
/// the current path; the key `""` means the current path itself (inside ``each(_:at:_:)`` and
/// ``values(_:at:_:)`` bodies that is the element). Checks never stop at the first issue, so
/// one call reports everything wrong with a request. The checks themselves are in
/// `ValidatorChecks.swift`.
///
/// Every check takes its value as an optional, and `nil` (an optional property or parameter
/// left out) has nothing to check, so generated code checks an optional member in one line
/// without unwrapping it first; a non-optional value is passed as it is.
public struct Validator: Sendable {
    /// The issues found so far, in the order the checks ran.
    public private(set) var issues: [ValidationIssue] = []

    /// The path of the value being validated, such as `rows[3]`; empty at the top.
    private var path = ""

    /// Creates a validator with no issues, at the top-level value.
    public init() {}

    /// Records `message` for the value at `key`; for constraints no other method covers.
    public mutating func report(_ message: String, at key: String) {
        issues.append(ValidationIssue(path: Self.join(path, key), message: message))
    }

    /// Validates `value`, reporting its issues under `key`; a list or map of validatable values
    /// validates each element, at `key[i]` or `key.k`.
    public mutating func nested(_ value: (some Validatable)?, at key: String) {
        guard let value else { return }
        let saved = path
        path = Self.join(saved, key)
        value.validate(into: &self)
        path = saved
    }

    /// Runs `body` for every element of `items`, with the path at `key[i]` (0-based).
    public mutating func each<C: Collection>(
        _ items: C?, at key: String, _ body: (inout Validator, C.Element) -> Void
    ) {
        guard let items else { return }
        let saved = path
        let base = Self.join(saved, key)
        for (index, item) in items.enumerated() {
            path = base + "[\(index)]"
            body(&self, item)
        }
        path = saved
    }

    /// Runs `body` for every value of `map`, with the path at `key.k`, in sorted key order so
    /// issues come out the same way every time.
    ///
    /// Keys that would make the path ambiguous (empty, or containing `.`, `[`, `]` or white
    /// space) are written as `key["k"]` instead.
    public mutating func values<V>(
        _ map: [String: V]?, at key: String, _ body: (inout Validator, V) -> Void
    ) {
        guard let map else { return }
        let saved = path
        let base = Self.join(saved, key)
        for mapKey in map.keys.sorted() {
            path = Self.member(mapKey, of: base)
            body(&self, map[mapKey]!)
        }
        path = saved
    }

    /// `key` appended to `base`: `base.key`, or `base[0]` for an index, or either part alone
    /// when the other is empty.
    private static func join(_ base: String, _ key: String) -> String {
        if key.isEmpty { return base }
        if base.isEmpty || key.hasPrefix("[") { return base + key }
        return base + "." + key
    }

    /// The path of map entry `key` inside the map at `base`.
    private static func member(_ key: String, of base: String) -> String {
        let isPlain = !key.isEmpty && !key.unicodeScalars.contains {
            $0 == "." || $0 == "[" || $0 == "]" || $0.properties.isWhitespace
        }
        return isPlain ? join(base, key) : base + "[\(key.debugDescription)]"
    }
}
