import OpenAPIModel

/// Response headers that several responses document alike, declared once under
/// `ResponseHeaderSets` and named by each response's `Output` through a typealias.
///
/// DigitalOcean documents the same three rate-limit headers on nearly every response; a struct
/// for each (3,885 of them) was most of its generated Swift, and its debug build did not finish.
struct SharedHeaderSet {
    /// `ResponseHeaderSets.Ratelimit`.
    var qualifiedName: String
    var headers: [OperationPlan.ResponseHeader]
    /// The status a value built in code says it has: that of every response using the set, or
    /// 0 when they differ (each case's default then names its own).
    var rawStatus: Int
}

extension TranslationContext {
    /// The top-level enum the shared sets are declared in (reserved, so no model takes it).
    static let headerSetsNamespace = "ResponseHeaderSets"

    /// What makes two responses' headers one generated struct: each documented header's name,
    /// required-ness, deprecation, description, `explode`, and its schema's interned number
    /// (equal schemas, word for word, have equal numbers), in spec order. nil when the response
    /// documents no header, or when a schema cannot be interned (one the generator warns about:
    /// every copy's place deserves its warning, so each keeps its own struct).
    func headerSetKey(_ response: Response) -> String? {
        let documented = Self.documentedHeaders(response)
        guard !documented.isEmpty else { return nil }
        var key = ""
        // Length-prefixed, so no text can be read as the next field.
        func field(_ text: String) {
            key += String(text.utf8.count)
            key += ":"
            key += text
            key += ";"
        }
        for (name, header) in documented {
            field(name)
            field((header.required ? "r" : "o") + (header.deprecated ? "d" : "-") + (header.explode ? "e" : "-"))
            field(header.description.map { "+" + $0 } ?? "-")
            if let schema = header.schema {
                guard let number = interner.number(schema) else { return nil }
                field("s\(number)")
            } else if let content = header.content {
                if let schema = content.schema {
                    guard let number = interner.number(schema) else { return nil }
                    field("c\(number)")
                } else {
                    field("c")
                }
            } else {
                field("-")
            }
        }
        return key
    }

    /// Plans, once each, the header sets that two or more responses of `entries` document alike,
    /// records them for ``planOperations(_:credentials:names:)``, and returns the enum that
    /// declares them; nil when no set repeats. A set used once stays a struct of its response.
    func planSharedHeaderSets(_ entries: [OperationEntry]) -> TypeDecl? {
        struct Seen {
            var response: Response
            var uses: Int
            var first: Int
            var statuses: Set<Int>
        }
        var seen: [String: Seen] = [:]
        var order: [String] = []
        for entry in entries {
            for (status, response) in sortedResponses(entry.operation.responses) {
                guard let key = headerSetKey(response) else { continue }
                let nominal = OperationPlan.Result(status: status, caseName: "", doc: []).nominalStatus
                if var known = seen[key] {
                    known.uses += 1
                    known.statuses.insert(nominal)
                    seen[key] = known
                } else {
                    seen[key] = Seen(response: response, uses: 1, first: order.count, statuses: [nominal])
                    order.append(key)
                }
            }
        }
        let repeated = order.filter { seen[$0]!.uses > 1 }
        guard !repeated.isEmpty else { return nil }

        // Names come from the headers themselves, not from the first operation that uses a set,
        // so adding or reordering operations leaves them alone. Two different sets of the same
        // header names (one types a header differently, say) need a tie-break: the set more
        // responses use keeps the plain name, then the one the spec documents first. Only such a
        // rival set (same names, another shape) can rename one, when it is added or gains uses.
        let ranked = repeated.sorted { a, b in
            let (x, y) = (seen[a]!, seen[b]!)
            return x.uses != y.uses ? x.uses > y.uses : x.first < y.first
        }
        var names = NameScope(reserved: nestedReserved)
        let named = ranked.map { key in
            (name: names.claim(Self.headerSetName(Self.documentedHeaders(seen[key]!.response).map(\.name))), key: key)
        }

        var namespace = TypeDecl(.enum, Self.headerSetsNamespace, access: access,
                                 doc: ["Response headers that several responses document alike, each set declared once;",
                                       "a response's `Output` names its set with a typealias (`OkHeaders`)."])
        // Declared in name order: a file that reads the same whichever operation came first.
        for (name, key) in named.sorted(by: { $0.name < $1.name }) {
            let set = seen[key]!
            let qualified = Self.headerSetsNamespace + "." + name
            var nested = container(qualified, openEnums: true)
            nested.qualifiesNestedTypes = true
            nested.sharesInlineTypes = true
            // A nested type named like the set (`X-Trace` alone, with an inline object) would
            // hide the set's own name inside it.
            _ = nested.typeNames.claim(name)
            let headers = planResponseHeaders(set.response, hintPrefix: "", in: &nested)
            let rawStatus = set.statuses.count == 1 ? set.statuses.first! : 0
            var decl = responseHeadersDecl(name, headers: headers, rawStatus: rawStatus,
                                           doc: ["The \(Self.listed(headers.map(\.name))) response header\(headers.count == 1 ? "" : "s"), as several responses document "
                                                 + (headers.count == 1 ? "it." : "them.")])
            decl.members += nested.members
            namespace.members.append(.type(decl))
            sharedHeaderSets[key] = SharedHeaderSet(qualifiedName: qualified, headers: headers, rawStatus: rawStatus)
        }
        return namespace
    }

    /// A set's name from its header names: the words they all start with (`XRateLimit` for
    /// `X-RateLimit-Limit`, `X-RateLimit-Remaining`), else the names run together while short
    /// (`ETagLink`), else the first and a count (`ContentDispositionAnd3More`).
    static func headerSetName(_ headerNames: [String]) -> String {
        func words(_ name: String) -> [Substring] {
            name.split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII })
        }
        let split = headerNames.map(words)
        if headerNames.count > 1, var common = split.first {
            for other in split.dropFirst() {
                var n = 0
                while n < common.count, n < other.count, common[n].lowercased() == other[n].lowercased() { n += 1 }
                common = Array(common.prefix(n))
            }
            // `X-` alone says nothing about the set.
            if common.contains(where: { $0.lowercased() != "x" }) {
                return SwiftNames.typeName(common.joined(separator: "-"))
            }
        }
        let all = headerNames.map(SwiftNames.typeName).joined()
        if headerNames.count <= 3, all.count <= 32 { return all }
        return SwiftNames.typeName(headerNames[0]) + "And\(headerNames.count - 1)More"
    }

    /// `` `a`, `b` and `c` ``.
    static func listed(_ names: [String]) -> String {
        let quoted = names.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}
