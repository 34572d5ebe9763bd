import Foundation
import YAMLTree

/// The names JSON Schema 2020-12 gives schemas, which OpenAPI 3.1 inherits: `$id` starts a
/// schema resource, against which `#/…` fragments and relative references resolve, and
/// `$anchor` or `$dynamicAnchor` names a schema inside its resource (`$ref: '#node'`).
///
/// The resolver follows JSON pointers from a file's root, so a schema reference written
/// against these names is rewritten into the pointer it means before it is resolved.
struct SchemaIdentifiers {
    /// Pointer text of each schema with `$id` → its URI (absolute when some `$id` above it, or
    /// its own, is absolute; otherwise as written).
    var resources: [String: String] = [:]
    /// A resource's URI without fragment → its pointer text.
    var resourceAt: [String: String] = [:]
    /// Resource pointer text + "#" + anchor name → pointer text of the anchored schema.
    var anchors: [String: String] = [:]
    /// How many schemas declare each `$dynamicAnchor` name.
    var dynamicAnchorCount: [String: Int] = [:]
    /// Resource pointer text + "#" + name → pointer text of the schema declaring `$dynamicAnchor: name`.
    var dynamicAnchors: [String: String] = [:]
    private let root: NodeRef

    var isEmpty: Bool { resources.isEmpty && anchors.isEmpty }

    /// Walks a whole file once. Only documents that use `$id` or an anchor somewhere pay this.
    init(root: NodeRef) {
        self.root = root
        struct Pending {
            var node: NodeRef
            var pointer: JSONPointer
            /// The enclosing resource's pointer text ("" for the file) and its base URI.
            var resource: String
            var base: String?
        }
        // OpenAPI 3.2: an absolute `$self` is the base of the schemas' `$id`s and references.
        var documentBase: String?
        if let value = root.mapping?["$self"]?.scalar, value.kind == .string, let base = SelfBase.uri(value.text) {
            documentBase = base
            resources[""] = base
            resourceAt[base] = ""
        }
        var stack = [Pending(node: root, pointer: .root, resource: "", base: documentBase)]
        while var current = stack.popLast() {
            switch current.node.content {
            case .mapping(let mapping):
                if let id = mapping["$id"]?.scalar, id.kind == .string {
                    let text = PointerText.text(of: current.pointer)
                    let uri = Self.resolve(id.text, against: current.base)
                    resources[text] = uri
                    resourceAt[Self.withoutFragment(uri)] = text
                    current.resource = text
                    current.base = uri
                }
                for keyword in ["$anchor", "$dynamicAnchor"] {
                    guard let name = mapping[keyword]?.scalar, name.kind == .string else { continue }
                    anchors[current.resource + "#" + name.text] = PointerText.text(of: current.pointer)
                    if keyword == "$dynamicAnchor" {
                        dynamicAnchorCount[name.text, default: 0] += 1
                        dynamicAnchors[current.resource + "#" + name.text] = PointerText.text(of: current.pointer)
                    }
                }
                for entry in mapping.entries where entry.value.isMapping || entry.value.isSequence {
                    stack.append(Pending(node: entry.value, pointer: current.pointer.appending(entry.key),
                                         resource: current.resource, base: current.base))
                }
            case .sequence(let items):
                for (index, item) in items.enumerated() where item.isMapping || item.isSequence {
                    stack.append(Pending(node: item, pointer: current.pointer.appending(index), resource: current.resource, base: current.base))
                }
            case .scalar:
                break
            }
        }
    }

    /// The innermost resource whose schema contains (or is) the one at `pointer`: its pointer
    /// text, "" for the file itself.
    func resource(containing pointer: JSONPointer) -> String {
        guard !resources.isEmpty else { return "" }
        var text = PointerText.text(of: pointer)
        while !text.isEmpty {
            if resources[text] != nil { return text }
            guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
            text = String(text[..<slash])
        }
        return ""
    }

    /// `$ref` text as the resolver reads it: a pointer from the file's root, or the text as
    /// written when identifiers play no part in it (or name nothing this file declares).
    func rewrite(_ text: String, at pointer: JSONPointer) -> String {
        let hash = text.firstIndex(of: "#")
        let uriPart = hash.map { String(text[..<$0]) } ?? text
        let fragment = hash.map { String(text[text.index(after: $0)...]) } ?? ""
        var resource = self.resource(containing: pointer)
        if !uriPart.isEmpty {
            // Absolute, or relative to an absolute base: anything else names a file.
            let base = resources[resource]
            guard Self.hasScheme(uriPart) || base.map(Self.hasScheme) == true,
                  let target = resourceAt[Self.resolve(uriPart, against: base)]
            else { return text }
            resource = target
        }
        if fragment.isEmpty || fragment.hasPrefix("/") {
            if resource.isEmpty && uriPart.isEmpty { return text }
            // Authors who give a component an `$id` often still write `#/components/…` inside it,
            // meaning the document: read that way when the resource has no such place.
            if uriPart.isEmpty, !exists(resource + (fragment.removingPercentEncoding ?? fragment)) { return text }
            // The resource's pointer is unescaped text; the fragment is still percent-encoded.
            return "#" + resource.replacingOccurrences(of: "%", with: "%25") + fragment
        }
        let name = fragment.removingPercentEncoding ?? fragment
        guard let anchored = anchors[resource + "#" + name] else { return text }
        return "#" + anchored.replacingOccurrences(of: "%", with: "%25")
    }

    /// How a `$dynamicRef` reads (see ``resolveDynamic(_:at:)``).
    enum DynamicResolution: Equatable {
        /// One schema whichever way evaluation takes: reference text as the resolver reads it.
        case resolved(String)
        /// Which schema depends on the way evaluation reaches the reference: `bookend` (reference
        /// text) is the schema it names as written, `start` the pointer text of the outermost
        /// resource enclosing it, where evaluation is taken to start.
        case dependsOnPath(anchor: String, bookend: String, start: String)
    }

    /// `$dynamicRef` text as the resolver reads it. It names a schema as `$ref` does, unless that
    /// schema declares `$dynamicAnchor` of the fragment's name; then the dynamic scope decides:
    /// the outermost schema resource in it that declares the anchor wins. A generator has no
    /// evaluation, so the scope is found by walking from where evaluation is known to start, the
    /// outermost schema resource (`$id`) enclosing the reference, along what evaluation follows
    /// (applicators such as `properties`, `items`, `allOf`, `then`, and `$ref`s, not `$defs`), to
    /// the reference: the resources entered on the way are its scope. When every way there gives
    /// the same schema, that is the one; when the ways disagree (an `if`/`then`/`else` choosing
    /// which resource is entered), it depends on the path, which checking a value resolves.
    /// When the reference cannot be reached from there, the outermost resource is taken to be
    /// the scope.
    func resolveDynamic(_ text: String, at pointer: JSONPointer) -> DynamicResolution {
        let resolved = rewrite(text, at: pointer)
        guard let hash = text.firstIndex(of: "#") else { return .resolved(resolved) }
        let name = String(text[text.index(after: hash)...])
        guard !name.isEmpty, !name.hasPrefix("/") else { return .resolved(resolved) }
        // The bookend: the statically named schema must itself be a dynamic anchor of that name.
        let anchored = resolved.hasPrefix("#") ? String(resolved.dropFirst()).removingPercentEncoding ?? "" : nil
        guard let anchored, dynamicAnchors.contains(where: { $0.value == anchored && $0.key.hasSuffix("#" + name) }) else {
            return .resolved(resolved)
        }
        let site = PointerText.text(of: pointer)
        guard let outermost = enclosingResources(of: site).last else { return .resolved(resolved) }
        let found = scopesReaching(site, from: outermost).map { scope in
            scope.lazy.compactMap { dynamicAnchors[$0 + "#" + name] }.first ?? anchored
        }
        let targets = Set(found)
        let target: String
        if targets.count == 1 {
            target = targets.first!
        } else if targets.isEmpty, let declared = dynamicAnchors[outermost + "#" + name] {
            target = declared
        } else {
            return .dependsOnPath(anchor: name, bookend: resolved, start: outermost)
        }
        return .resolved("#" + target.replacingOccurrences(of: "%", with: "%25"))
    }

    /// Whether a `$ref` (or `$dynamicRef`) outside the schema at `start` leads to a schema
    /// inside it from which evaluation reaches `site`: a value read through it starts its
    /// evaluation there, not at `start`.
    func entersBelow(_ start: String, reaching site: String) -> Bool {
        var stack: [(node: NodeRef, pointer: String)] = [(root, "")]
        while let (node, pointer) = stack.popLast() {
            if pointer == start { continue }
            switch node.content {
            case .mapping(let mapping):
                for entry in mapping.entries {
                    let child = pointer + "/" + PointerText.escape(entry.key)
                    if entry.key == "$ref" || entry.key == "$dynamicRef", let text = entry.value.scalar?.text {
                        let target = rewrite(text, at: PointerText.parse(pointer))
                        if target.hasPrefix("#"), let decoded = String(target.dropFirst()).removingPercentEncoding,
                           decoded.hasPrefix(start + "/"), !scopesReaching(site, from: decoded).isEmpty {
                            return true
                        }
                    } else if entry.value.isMapping || entry.value.isSequence {
                        stack.append((entry.value, child))
                    }
                }
            case .sequence(let items):
                for (index, item) in items.enumerated() where item.isMapping || item.isSequence {
                    stack.append((item, pointer + "/" + String(index)))
                }
            case .scalar:
                break
            }
        }
        return false
    }

    /// Pointer text of every schema resource of the file (the file's root among them) → the
    /// `$dynamicAnchor`s of `name` it declares, as pointer text; in pointer order.
    func resourcesDeclaring(_ name: String) -> [(resource: String, anchor: String?)] {
        (Set(resources.keys).union([""])).sorted().map { ($0, dynamicAnchors[$0 + "#" + name]) }
    }

    /// The `$id` resources whose schemas contain the one at `pointerText`, innermost first.
    private func enclosingResources(of pointerText: String) -> [String] {
        var enclosing: [String] = []
        var current = pointerText
        while !current.isEmpty {
            if resources[current] != nil { enclosing.append(current) }
            guard let slash = current.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
            current = String(current[..<slash])
        }
        return enclosing
    }

    /// Keywords whose subschemas evaluation applies to the same instance or a part of it.
    private static let applicators: Set<String> = [
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items",
        "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value maps names to subschemas.
    private static let schemaMaps: Set<String> = ["properties", "patternProperties", "dependentSchemas"]

    /// The dynamic scopes (resources entered, outermost first) of the ways evaluation starting
    /// at `start` reaches the schema at `site`; at most a few, and a bounded walk.
    private func scopesReaching(_ site: String, from start: String) -> [[String]] {
        var scopes: [[String]] = []
        var seen = Set<String>()
        var work: [(pointer: String, scope: [String])] = [(start, [start])]
        while let (current, scope) = work.popLast(), seen.count < 10_000, scopes.count < 4 {
            if current == site {
                scopes.append(scope)
                continue
            }
            guard seen.insert(current + "|" + scope.joined(separator: "|")).inserted,
                  let mapping = node(at: current)?.mapping else { continue }
            // Re-entering a resource already in scope changes no answer (the outermost wins), so
            // the scopes stay finite and `seen` ends recursive walks.
            func enter(_ pointer: String) {
                var next = scope
                // Evaluating any schema of a resource (a `$ref` into its `$defs` too) enters it.
                if let resource = enclosingResources(of: pointer).first, !next.contains(resource) { next.append(resource) }
                work.append((pointer, next))
            }
            for entry in mapping.entries {
                let child = current + "/" + PointerText.escape(entry.key)
                if entry.key == "$ref" || entry.key == "$dynamicRef", let text = entry.value.scalar?.text {
                    let target = rewrite(text, at: PointerText.parse(current))
                    if target.hasPrefix("#"), let decoded = String(target.dropFirst()).removingPercentEncoding {
                        enter(decoded)
                    }
                } else if Self.schemaMaps.contains(entry.key), let members = entry.value.mapping {
                    for member in members.entries { enter(child + "/" + PointerText.escape(member.key)) }
                } else if Self.applicators.contains(entry.key) {
                    if let items = entry.value.sequence {
                        for index in 0..<items.count { enter(child + "/" + String(index)) }
                    } else if entry.value.isMapping {
                        enter(child)
                    }
                }
            }
        }
        return scopes
    }

    /// The node at pointer text, without following references.
    private func node(at pointerText: String) -> NodeRef? {
        var node = root
        for token in PointerText.tokens(pointerText) {
            if let mapping = node.mapping, let value = mapping[token] {
                node = value
            } else if let items = node.sequence, let index = Int(token), items.indices.contains(index) {
                node = items[index]
            } else {
                return nil
            }
        }
        return node
    }

    /// Whether pointer text leads to a node of the file, without following references.
    private func exists(_ pointerText: String) -> Bool { node(at: pointerText) != nil }

    private static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, !hasScheme(reference), let baseURL = URL(string: base),
              let url = URL(string: reference, relativeTo: baseURL) else { return withoutFragment(reference) }
        return withoutFragment(url.absoluteString)
    }

    private static func withoutFragment(_ uri: String) -> String {
        uri.firstIndex(of: "#").map { String(uri[..<$0]) } ?? uri
    }

    private static func hasScheme(_ uri: String) -> Bool {
        guard let colon = uri.firstIndex(of: ":"), colon > uri.startIndex else { return false }
        let scheme = uri[..<colon]
        return scheme.count >= 2 && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

extension ModelDecoder {
    /// A schema `$ref` with `$id`s and anchors taken into account (see ``SchemaIdentifiers``).
    func schemaReferenceText(_ text: String, at cursor: Cursor) -> String {
        guard let identifiers = schemaIdentifiers(in: cursor.file) else { return text }
        return identifiers.rewrite(text, at: cursor.pointer)
    }

    /// A schema `$dynamicRef`, resolved through the dynamic scope it can be known to have (see
    /// ``SchemaIdentifiers/resolveDynamic(_:at:)``).
    func dynamicSchemaReference(_ text: String, at cursor: Cursor) -> SchemaIdentifiers.DynamicResolution {
        guard let identifiers = schemaIdentifiers(in: cursor.file) else { return .resolved(text) }
        return identifiers.resolveDynamic(text, at: cursor.pointer)
    }

    /// See ``SchemaIdentifiers/entersBelow(_:reaching:)``.
    func evaluationCanStartBelow(_ start: String, reaching site: JSONPointer, in file: SourceFileID) -> Bool {
        schemaIdentifiers(in: file)?.entersBelow(start, reaching: PointerText.text(of: site)) ?? false
    }

    /// Records what checking a value needs to resolve a `$dynamicRef` of `anchor` that depends on
    /// the path (see ``DynamicScopes``): every resource of the file, the anchors of that name
    /// they declare (each decoded, as reference targets are), and where evaluation starts.
    func recordPathDependentReference(anchor: String, start: String, in file: SourceFileID, reportAt location: SourceLocation) {
        guard let identifiers = schemaIdentifiers(in: file) else { return }
        dynamicScopes.starts.insert(RefTarget(file: file, pointer: PointerText.parse(start)))
        for (resource, declared) in identifiers.resourcesDeclaring(anchor) {
            let key = RefTarget(file: file, pointer: PointerText.parse(resource))
            var anchors = dynamicScopes.resources[key] ?? OrderedMap()
            defer { dynamicScopes.resources[key] = anchors }
            guard let declared, anchors[anchor] == nil else { continue }
            let text = "#" + declared.replacingOccurrences(of: "%", with: "%25")
            guard let target = resolveReference(text, from: file, reportAt: location, pointer: PointerText.parse(declared)) else { continue }
            anchors[anchor] = RefTarget(file: target.key.file, pointer: target.pointer)
            enqueueSchemaTarget(target)
        }
    }

    /// How many schemas declare `$dynamicAnchor: name` in the file.
    func dynamicAnchorCount(_ name: String, in file: SourceFileID) -> Int {
        schemaIdentifiers(in: file)?.dynamicAnchorCount[name] ?? 0
    }

    /// nil while no mapping of the load has `$id` or an anchor, which is the common case and
    /// costs one key lookup per new key count.
    private func schemaIdentifiers(in file: SourceFileID) -> SchemaIdentifiers? {
        if let known = identifiersByFile[file] { return known.isEmpty ? nil : known }
        let keyCount = store.arena.keyCount
        if identifierKeysAbsentAt == keyCount { return nil }
        guard ["$id", "$anchor", "$dynamicAnchor", "$self"].contains(where: { store.arena.lookupKey($0) != nil }) else {
            identifierKeysAbsentAt = keyCount
            return nil
        }
        guard let root = store.root(of: file) else { return nil }
        let identifiers = SchemaIdentifiers(root: root)
        identifiersByFile[file] = identifiers
        return identifiers.isEmpty ? nil : identifiers
    }
}
