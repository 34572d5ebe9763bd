/// Turns declarations into text: four-space indentation, one blank line between members that
/// carry bodies or docs, `///` comments. Output depends only on the declarations, so the same
/// input gives the same bytes on every machine.
public struct SwiftRenderer {
    /// The file so far, as UTF-8. A line is written piece by piece (indent, keywords, names)
    /// straight into one growing buffer: a large spec renders hundreds of thousands of lines,
    /// and joining each line into a `String` first, then appending it to the file's `String`,
    /// cost Stripe's generation about a sixth of its time in temporaries and `String` appends.
    private var out: [UInt8] = []
    private var depth = 0

    public init() {}

    public static func render(_ file: SwiftFile, header: [String]) -> String {
        var r = SwiftRenderer()
        r.out.reserveCapacity(1 << 16)
        for line in header { r.emit(line) }
        if !header.isEmpty { r.emit("") }
        for module in file.imports { r.emit("import \(module)") }
        if !file.imports.isEmpty { r.emit("") }
        r.members(file.declarations)
        // Every piece came from a `String`, so the bytes are valid UTF-8 and nothing is repaired.
        return String(decoding: r.out, as: UTF8.self)
    }

    private mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    private mutating func put(_ text: Substring) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Starts a line at the current depth; ``endLine()`` ends it.
    private mutating func indent() {
        let spaces = depth * 4
        if spaces > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
    }

    private mutating func endLine() { out.append(UInt8(ascii: "\n")) }

    private mutating func emit(_ line: String) {
        if !line.isEmpty {
            indent()
            put(line)
        }
        endLine()
    }

    private mutating func docComment(_ doc: [String]) {
        for line in doc {
            // A line break inside a doc line would end the comment and turn prose into code.
            // Most lines have none: splitting by Character is slow, so only lines that may hold
            // one (a control byte, or the lead byte of U+0085, U+2028 or U+2029) are split.
            if !line.utf8.contains(where: { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }) {
                docLine(line[...])
                continue
            }
            for part in line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                docLine(part)
            }
        }
    }

    private mutating func docLine(_ text: Substring) {
        indent()
        if text.isEmpty {
            put("///")
        } else {
            put("/// ")
            put(text)
        }
        endLine()
    }

    private static func isCompact(_ decl: SwiftDecl) -> Bool {
        switch decl {
        case .enumCase(let c): return c.doc.isEmpty
        case .property(let p): return p.doc.isEmpty && p.getter == nil
        case .typeAlias(let t): return t.doc.isEmpty
        default: return false
        }
    }

    private mutating func members(_ decls: [SwiftDecl]) {
        for (i, decl) in decls.enumerated() {
            // Runs of short members (plain cases, stored properties) stay together; anything
            // with a body or a doc comment gets air around it.
            if i > 0 && !(Self.isCompact(decl) && Self.isCompact(decls[i - 1]) && Self.sameKind(decl, decls[i - 1])) {
                emit("")
            }
            render(decl)
        }
    }

    private static func sameKind(_ a: SwiftDecl, _ b: SwiftDecl) -> Bool {
        switch (a, b) {
        case (.enumCase, .enumCase), (.property, .property), (.typeAlias, .typeAlias): return true
        default: return false
        }
    }

    private static func prefix(_ access: AccessLevel?) -> String {
        access.map { $0.rawValue + " " } ?? ""
    }

    private mutating func render(_ decl: SwiftDecl) {
        switch decl {
        case .type(let t):
            docComment(t.doc)
            for a in t.attributes { emit(a) }
            indent()
            if !(t.kind == .extension && t.access == nil) { putAccess(t.access) }
            if t.isIndirect { put("indirect ") }
            put(t.kind.rawValue)
            put(" ")
            put(t.name)
            for (i, c) in t.conformances.enumerated() {
                put(i == 0 ? ": " : ", ")
                put(c)
            }
            if t.members.isEmpty {
                put(" {}")
                endLine()
                return
            }
            put(" {")
            endLine()
            depth += 1
            members(t.members)
            depth -= 1
            emit("}")
        case .property(let p):
            docComment(p.doc)
            for a in p.attributes { emit(a) }
            indent()
            putAccess(p.access)
            if p.isPrivateSet { put("private(set) ") }
            if p.isStatic { put("static ") }
            put(p.isLet ? "let " : "var ")
            put(p.name)
            if let type = p.type {
                put(": ")
                put(type)
            }
            if p.isRequirement {
                put(" { get }")
                endLine()
            } else if let getter = p.getter {
                if getter.count == 1 {
                    put(" { ")
                    put(getter[0])
                    put(" }")
                    endLine()
                } else {
                    put(" {")
                    endLine()
                    body(getter)
                    emit("}")
                }
            } else if let initializer = p.initializer {
                put(" = ")
                put(initializer)
                endLine()
            } else {
                endLine()
            }
        case .function(let f):
            docComment(f.doc)
            for a in f.attributes { emit(a) }
            var head = Self.prefix(f.access)
            for m in f.modifiers { head += m + " " }
            head += f.name == "init" ? "init" : "func \(SwiftNames.escaped(f.name))"
            let params = f.parameters.map { p -> String in
                var s = p.label.map { $0 == p.name || SwiftNames.escaped($0) == p.name ? p.name : "\($0) \(p.name)" } ?? p.name
                s += ": " + p.type
                if let d = p.defaultValue { s += " = " + d }
                return s
            }
            // The signature's parts are written as they are; only one that may be too wide
            // is joined, to count its characters (the width a reader sees). The UTF-8 length
            // bounds that count from above and is free, so most signatures skip the count.
            var width = head.utf8.count + 2 + depth * 4
            for p in params { width += p.utf8.count }
            if params.count > 1 { width += 2 * (params.count - 1) }
            if f.isAsync { width += 6 }
            if f.isThrowing { width += 7 }
            if let r = f.returnType { width += 4 + r.utf8.count }
            var wraps = false
            if params.count > 1 && width > 120 {
                var signature = head + "(" + params.joined(separator: ", ") + ")"
                if f.isAsync { signature += " async" }
                if f.isThrowing { signature += " throws" }
                if let r = f.returnType { signature += " -> " + r }
                wraps = signature.count + depth * 4 > 120
            }
            if wraps {
                emit(head + "(")
                depth += 1
                for (i, p) in params.enumerated() {
                    indent()
                    put(p)
                    if i < params.count - 1 { put(",") }
                    endLine()
                }
                depth -= 1
                indent()
                put(")")
            } else {
                indent()
                put(head)
                put("(")
                for (i, p) in params.enumerated() {
                    if i > 0 { put(", ") }
                    put(p)
                }
                put(")")
            }
            if f.isAsync { put(" async") }
            if f.isThrowing { put(" throws") }
            if let r = f.returnType {
                put(" -> ")
                put(r)
            }
            guard let lines = f.body else {
                endLine()
                return
            }
            if lines.isEmpty {
                put(" {}")
                endLine()
                return
            }
            put(" {")
            endLine()
            body(lines)
            emit("}")
        case .enumCase(let c):
            docComment(c.doc)
            indent()
            put("case ")
            put(c.name)
            if !c.associatedValues.isEmpty {
                put("(")
                for (i, v) in c.associatedValues.enumerated() {
                    if i > 0 { put(", ") }
                    if let label = v.label {
                        put(label)
                        put(": ")
                    }
                    put(v.type)
                }
                put(")")
            }
            if let raw = c.rawValue {
                put(" = ")
                put(raw)
            }
            endLine()
        case .typeAlias(let t):
            docComment(t.doc)
            indent()
            putAccess(t.access)
            put("typealias ")
            put(t.name)
            put(" = ")
            put(t.type)
            endLine()
        }
    }

    private mutating func putAccess(_ access: AccessLevel?) {
        guard let access else { return }
        put(access.rawValue)
        put(" ")
    }

    /// Body lines are written with their own relative indentation (four spaces per level);
    /// the renderer only shifts them to the declaration's depth.
    private mutating func body(_ lines: [String]) {
        depth += 1
        for line in lines { emit(line) }
        depth -= 1
    }
}
