import Foundation

/// Reads an `application/x-www-form-urlencoded` request body into its schema type: the inverse
/// of ``FormEncoding/encode(_:encoding:)``.
///
/// The pairs become a tree (`a[b]=1` nests, a repeated name is an array, `a[0]`… an indexed
/// one), every value first read as a number or boolean when it looks like one. Where the
/// decoder then finds a type it did not expect, the value is changed as the form could have
/// meant it and decoding tried again: a number the type wants as a string is quoted, a single
/// value where it wants an array becomes one (split by its Encoding Object's delimiter when
/// the spec gives one, `tags=a|b`).
enum FormBodyDecoding {
    indirect enum Node {
        case leaf(String)
        case list([Node])
        case members([(String, Node)])
    }

    /// `T` from the body's pairs, or the decoder's last error.
    static func decode<T: Decodable>(_ type: T.Type, pairs: [(name: String, value: String)],
                                     encoding: [String: FormMemberEncoding]) throws -> T {
        var root: [(String, Node)] = []
        for pair in pairs { insert(&root, keys: keys(pair.name), value: pair.value) }
        let tree = Node.members(root).normalised
        var quoted: Set<String> = []
        var wrapped: Set<String> = []
        var lastError: (any Error)?
        for _ in 0..<(2 * pairs.count + 2) {
            let text = render(tree, path: "", quoted: quoted, wrapped: wrapped, encoding: encoding)
            do {
                return try ServerJSON.decode(T.self, from: Data(text.utf8))
            } catch let error as DecodingError {
                lastError = error
                guard let (path, wantsList) = location(error), let node = tree.node(at: path.split(separator: "/").map(String.init)) else { throw error }
                if case .leaf = node, wantsList, !wrapped.contains(path) {
                    wrapped.insert(path)
                } else if !quoted.contains(path) {
                    quoted.insert(path)
                } else {
                    throw error
                }
            }
        }
        throw lastError ?? DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the form does not match its schema"))
    }

    /// `a[b][0]` as `a`, `b`, `0`.
    private static func keys(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return [name] }
        var result = [String(name[..<open])]
        for part in name[name.index(after: open)..<name.index(before: name.endIndex)].components(separatedBy: "][") { result.append(part) }
        return result
    }

    private static func insert(_ members: inout [(String, Node)], keys: [String], value: String) {
        guard let key = keys.first else { return }
        let index = members.firstIndex { $0.0 == key }
        if keys.count == 1 {
            // A repeated name is an array of its values.
            if let index {
                switch members[index].1 {
                case .list(let items): members[index].1 = .list(items + [.leaf(value)])
                case let existing: members[index].1 = .list([existing, .leaf(value)])
                }
            } else {
                members.append((key, .leaf(value)))
            }
            return
        }
        var children: [(String, Node)] = []
        if let index, case .members(let existing) = members[index].1 { children = existing }
        insert(&children, keys: Array(keys.dropFirst()), value: value)
        if let index { members[index].1 = .members(children) } else { members.append((key, .members(children))) }
    }

    /// The coding path of a mismatch as `a/0/b`, and whether the decoder wanted an array there.
    private static func location(_ error: DecodingError) -> (String, Bool)? {
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), String(describing: type).hasPrefix("Array"))
        // Quoting a number the type cannot hold would only trade its reason for a mismatch.
        case .dataCorrupted(let context) where !context.codingPath.isEmpty && !ServerJSON.isNumberProblem(error):
            return (path(context.codingPath), false)
        default:
            return nil
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
    }

    private static func render(_ node: Node, path: String, quoted: Set<String>, wrapped: Set<String>,
                               encoding: [String: FormMemberEncoding]) -> String {
        func child(_ key: String) -> String { path.isEmpty ? key : path + "/" + key }
        switch node {
        case .leaf(let text):
            // A member whose Encoding Object gives a JSON `contentType` holds JSON text.
            if !path.contains("/"), encoding[path]?.contentType?.lowercased().contains("json") == true, !quoted.contains(path) {
                return text
            }
            if wrapped.contains(path) {
                let top = path.split(separator: "/").first.map(String.init) ?? path
                let items = encoding[top].flatMap { rule -> [String]? in
                    guard !rule.explode || rule.style != .form else { return nil }
                    let separator: Character = rule.style == .spaceDelimited ? " " : rule.style == .pipeDelimited ? "|" : ","
                    return text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                } ?? [text]
                return "[" + items.enumerated().map { render(.leaf($0.element), path: child(String($0.offset)), quoted: quoted, wrapped: wrapped, encoding: encoding) }
                    .joined(separator: ",") + "]"
            }
            return quoted.contains(path) ? ResponseHeaderDecoding.quoted(text) : ResponseHeaderDecoding.literal(text)
        case .list(let items):
            return "[" + items.enumerated().map { render($0.element, path: child(String($0.offset)), quoted: quoted, wrapped: wrapped, encoding: encoding) }
                .joined(separator: ",") + "]"
        case .members(let members):
            return "{" + members.map { ResponseHeaderDecoding.quoted($0.0) + ":" + render($0.1, path: child($0.0), quoted: quoted, wrapped: wrapped, encoding: encoding) }
                .joined(separator: ",") + "}"
        }
    }
}

extension FormBodyDecoding.Node {
    /// Objects keyed `0`, `1`, … in order are arrays (`items[0][price]=7`).
    var normalised: Self {
        switch self {
        case .leaf: return self
        case .list(let items): return .list(items.map(\.normalised))
        case .members(let members):
            let normalised = members.map { ($0.0, $0.1.normalised) }
            if !members.isEmpty, members.enumerated().allSatisfy({ $0.element.0 == String($0.offset) }) {
                return .list(normalised.map(\.1))
            }
            return .members(normalised)
        }
    }

    func node(at path: [String]) -> Self? {
        guard let key = path.first else { return self }
        switch self {
        case .leaf: return path.count == 1 && key == "0" ? self : nil
        case .list(let items): return Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }?.node(at: Array(path.dropFirst()))
        case .members(let members): return members.first { $0.0 == key }?.1.node(at: Array(path.dropFirst()))
        }
    }
}
