import Foundation

/// A JSON pointer (RFC 6901) into one file, built as the loader descends.
///
/// Stored as a chain of shared links, so descending costs one small allocation and the text is
/// only formed when a diagnostic or a name needs it.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    private final class Link: Sendable {
        let parent: Link?
        let token: String
        init(parent: Link?, token: String) {
            self.parent = parent
            self.token = token
        }
    }

    private let last: Link?

    public static let root = JSONPointer(last: nil)

    private init(last: Link?) { self.last = last }

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
        while let l = link {
            result.append(l.token)
            link = l.parent
        }
        return result.reversed()
    }

    public var lastToken: String? { last?.token }

    /// `/components/schemas/a~1b`, escaped per RFC 6901.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// `#/components/schemas/Pet`, the form written in `$ref`s.
    public var fragment: String { "#" + description }

    public static func == (a: Self, b: Self) -> Bool { a.tokens == b.tokens }
    public func hash(into hasher: inout Hasher) { hasher.combine(tokens) }
}
