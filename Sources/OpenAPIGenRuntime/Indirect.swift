/// Stores a value behind a reference so that a generated struct can contain itself
/// (`parent: Node?`): Swift value types must have a finite size. Equality and hashing are the
/// wrapped value's, so the struct keeps value semantics.
public struct Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box: Box

    /// Wraps `value`.
    public init(_ value: Value) { box = Box(value) }

    /// The wrapped value.
    public var value: Value { box.value }

    public static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
