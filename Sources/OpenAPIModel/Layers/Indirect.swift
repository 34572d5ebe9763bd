/// Holds a value behind a reference so that a struct can contain itself (`items`, `not`).
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box: Box
    public init(_ value: Value) { box = Box(value) }
    public var value: Value { box.value }
}
