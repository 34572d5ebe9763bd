import Foundation

/// A JSON pointer (RFC 6901) into one file, built as the loader descends.
///
/// Stored as a chain of shared links, so descending costs one small allocation and the text is
/// only formed when a diagnostic or a name needs it.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// A token and the link before it. The chain ends in a link without a parent and without
    /// a token, the root's: a pointer is then a plain reference, which copies with a retain,
    /// where an optional reference copies through its type's value witnesses.
    private final class Link: Sendable {
        let parent: Link?
        let token: String
        init(parent: Link?, token: String) {
            self.parent = parent
            self.token = token
        }
    }

    private let last: Link

    public static let root = JSONPointer(last: Link(parent: nil, token: ""))

    private init(last: Link) { self.last = last }

    /// Parses `/a/b~1c` (the part after `#` of a reference, already percent-decoded).
    public init(parsing text: String) {
        var p = JSONPointer.root
        for token in text.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            p = p.appending(String(token).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~"))
        }
        self = p
    }

    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(last: Link(parent: last, token: token))
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The unescaped tokens from the root.
    public var tokens: [String] {
        var result: [String] = []
        var link = last
        while let parent = link.parent {
            result.append(link.token)
            link = parent
        }
        return result.reversed()
    }

    public var lastToken: String? { last.parent == nil ? nil : last.token }

    /// `/components/schemas/a~1b`, escaped per RFC 6901.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// `#/components/schemas/Pet`, the form written in `$ref`s.
    public var fragment: String { "#" + description }

    /// Token by token from the end, without building arrays: pointers key the tables of
    /// referenced schemas. Pointers that share a link share everything before it.
    public static func == (a: Self, b: Self) -> Bool {
        var x = a.last, y = b.last
        while x !== y {
            guard let xParent = x.parent, let yParent = y.parent else { return x.parent == nil && y.parent == nil }
            if x.token != y.token { return false }
            x = xParent
            y = yParent
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var count = 0
        var link = last
        while let parent = link.parent {
            hasher.combine(link.token)
            count += 1
            link = parent
        }
        hasher.combine(count)
    }

    /// Calls `body` with each token from the root, without building an array.
    func forEachToken(_ body: (String) -> Void) {
        Self.visit(last, body)
    }

    private static func visit(_ link: Link, _ body: (String) -> Void) {
        guard let parent = link.parent else { return }
        visit(parent, body)
        body(link.token)
    }
}
