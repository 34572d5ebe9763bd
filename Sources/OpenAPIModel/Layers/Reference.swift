import YAMLTree

/// Where a `$ref` points once resolved: a file the load read and a pointer inside it.
public struct RefTarget: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: SourceFileID
    public var pointer: JSONPointer

    public init(file: SourceFileID, pointer: JSONPointer) {
        self.file = file
        self.pointer = pointer
    }

    public var description: String { "file \(file.rawValue) \(pointer.fragment)" }

    public static func < (a: Self, b: Self) -> Bool {
        (a.file, a.pointer.description) < (b.file, b.pointer.description)
    }
}
