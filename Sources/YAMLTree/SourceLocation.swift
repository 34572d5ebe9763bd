/// Identifies one source file among those a load reads; an index into ``SourceFiles``.
///
/// Locations hold a small integer rather than a path so that the millions of nodes of a large
/// document stay compact and copy without reference counting.
public struct SourceFileID: Hashable, Sendable, Comparable {
    public let rawValue: UInt32
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A 1-based line and column in a source file, as editors and compilers print them.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: SourceFileID
    public var line: UInt32
    public var column: UInt32

    public init(file: SourceFileID, line: UInt32, column: UInt32) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// The files a load has read, in the order it read them; paths are as the user wrote them
/// (relative paths stay relative) so diagnostics and generated headers are the same on every machine.
public struct SourceFiles: Sendable {
    public private(set) var paths: [String] = []

    public init() {}

    /// Registers a file and returns its identifier.
    public mutating func add(path: String) -> SourceFileID {
        paths.append(path)
        return SourceFileID(UInt32(paths.count - 1))
    }

    /// The display path of a file.
    public func path(of id: SourceFileID) -> String {
        Int(id.rawValue) < paths.count ? paths[Int(id.rawValue)] : "<unknown>"
    }
}
