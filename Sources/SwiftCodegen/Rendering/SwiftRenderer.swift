/// Turns declarations into text: four-space indentation, one blank line between members that
/// carry bodies or docs, `///` comments. Output depends only on the declarations, so the same
/// input gives the same bytes on every machine.
public struct SwiftRenderer {
    /// The file so far. Lines go straight into one growing string: a large spec renders
    /// hundreds of thousands of lines, and an array of them joined at the end costs an
    /// allocation per line and twice the memory.
    private var out = ""
    private var depth = 0

    public init() {}

    public static func render(_ file: SwiftFile, header: [String]) -> String {
        var r = SwiftRenderer()
        for line in header { r.emit(line) }
        if !header.isEmpty { r.emit("") }
        for module in file.imports { r.emit("import \(module)") }
        if !file.imports.isEmpty { r.emit("") }
        r.members(file.declarations)
        return r.out
    }

    private static let indents = (0..<32).map { String(repeating: "    ", count: $0) }

    private mutating func emit(_ line: String) {
        if !line.isEmpty {
            out += depth < Self.indents.count ? Self.indents[depth] : String(repeating: "    ", count: depth)
            out += line
        }
        out += "\n"
    }

    private mutating func docComment(_ doc: [String]) {
        for line in doc {
            // A line break inside a doc line would end the comment and turn prose into code.
            // Most lines have none: splitting by Character is slow, so only lines that may hold
            // one (a control byte, or the lead byte of U+0085, U+2028 or U+2029) are split.
            if !line.utf8.contains(where: { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }) {
                emit(line.isEmpty ? "///" : "/// " + line)
                continue
            }
            for part in line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                emit(part.isEmpty ? "///" : "/// " + part)
            }
        }
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

    /// `public func name` or `init`, with the function's modifiers.
    private static func head(_ f: FunctionDecl) -> String {
        var head = prefix(f.access)
        for m in f.modifiers { head += m + " " }
        return head + (f.name == "init" ? "init" : "func \(SwiftNames.escaped(f.name))")
    }

    /// Each parameter as written: `label name: Type = default`.
    private static func parameters(_ f: FunctionDecl) -> [String] {
        f.parameters.map { p -> String in
            var s = p.label.map { $0 == p.name || SwiftNames.escaped($0) == p.name ? p.name : "\($0) \(p.name)" } ?? p.name
            s += ": " + p.type
            if let d = p.defaultValue { s += " = " + d }
            return s
        }
    }

    /// The function's signature on one line, up to its body.
    private static func signature(_ f: FunctionDecl, _ params: [String]) -> String {
        var signature = head(f) + "(" + params.joined(separator: ", ") + ")"
        if f.isAsync { signature += " async" }
        if f.isThrowing { signature += " throws" }
        if let r = f.returnType { signature += " -> " + r }
        return signature
    }

    private mutating func render(_ decl: SwiftDecl) {
        switch decl {
        case .type(let t):
            docComment(t.doc)
            for a in t.attributes { emit(a) }
            let inherit = t.conformances.isEmpty ? "" : ": " + t.conformances.joined(separator: ", ")
            let indirect = t.isIndirect ? "indirect " : ""
            let access = t.kind == .extension && t.access == nil ? "" : Self.prefix(t.access)
            if t.members.isEmpty {
                emit("\(access)\(indirect)\(t.kind.rawValue) \(t.name)\(inherit) {}")
                return
            }
            // An extension that only adds an empty function (the validator of a type whose
            // schema states nothing to check) says so in one line.
            if t.kind == .extension, t.members.count == 1, case .function(let f) = t.members[0], f.body == [],
               f.doc.isEmpty, f.attributes.isEmpty {
                emit("\(access)\(t.kind.rawValue) \(t.name)\(inherit) { \(Self.signature(f, Self.parameters(f))) {} }")
                return
            }
            emit("\(access)\(indirect)\(t.kind.rawValue) \(t.name)\(inherit) {")
            depth += 1
            members(t.members)
            depth -= 1
            emit("}")
        case .property(let p):
            docComment(p.doc)
            for a in p.attributes { emit(a) }
            var head = Self.prefix(p.access)
            if p.isPrivateSet { head += "private(set) " }
            if p.isStatic { head += "static " }
            head += (p.isLet ? "let " : "var ") + p.name
            if let type = p.type { head += ": " + type }
            if p.isRequirement {
                emit(head + " { get }")
            } else if let getter = p.getter {
                if getter.count == 1 {
                    emit(head + " { \(getter[0]) }")
                } else {
                    emit(head + " {")
                    body(getter)
                    emit("}")
                }
            } else if let initializer = p.initializer {
                emit(head + " = " + initializer)
            } else {
                emit(head)
            }
        case .function(let f):
            docComment(f.doc)
            for a in f.attributes { emit(a) }
            let head = Self.head(f)
            let params = Self.parameters(f)
            var signature = Self.signature(f, params)
            // Character count (the width a reader sees); the UTF-8 length bounds it from above
            // and is free, so most signatures skip the count.
            if params.count > 1 && signature.utf8.count + depth * 4 > 120 && signature.count + depth * 4 > 120 {
                emit(head + "(")
                depth += 1
                for (i, p) in params.enumerated() { emit(p + (i < params.count - 1 ? "," : "")) }
                depth -= 1
                signature = ")"
                if f.isAsync { signature += " async" }
                if f.isThrowing { signature += " throws" }
                if let r = f.returnType { signature += " -> " + r }
            }
            guard let lines = f.body else {
                emit(signature)
                return
            }
            if lines.isEmpty {
                emit(signature + " {}")
                return
            }
            emit(signature + " {")
            body(lines)
            emit("}")
        case .enumCase(let c):
            docComment(c.doc)
            var s = "case " + c.name
            if !c.associatedValues.isEmpty {
                s += "(" + c.associatedValues.map { v in v.label.map { "\($0): \(v.type)" } ?? v.type }.joined(separator: ", ") + ")"
            }
            if let raw = c.rawValue { s += " = " + raw }
            emit(s)
        case .typeAlias(let t):
            docComment(t.doc)
            emit("\(Self.prefix(t.access))typealias \(t.name) = \(t.type)")
        }
    }

    /// Body lines are written with their own relative indentation (four spaces per level);
    /// the renderer only shifts them to the declaration's depth.
    private mutating func body(_ lines: [String]) {
        depth += 1
        for line in lines { emit(line) }
        depth -= 1
    }
}
