/// The JSON Schema 2020-12 applicator and validation vocabularies over a ``JSONValue``, for
/// ``Validator/schema(_:_:at:)``. Annotations are collected only as far as
/// `unevaluatedProperties` and `unevaluatedItems` need them; `format` is an annotation, as the
/// default 2020-12 vocabulary says.
struct StaticSchemaCheck {
    struct Issue {
        var path: String
        var message: String
    }

    /// What a schema evaluated of an object or array, for `unevaluated*`.
    struct Evaluated {
        var properties: Set<String> = []
        var allItems = false
        var items: Set<Int> = []

        mutating func merge(_ other: Evaluated) {
            properties.formUnion(other.properties)
            allItems = allItems || other.allItems
            items.formUnion(other.items)
        }
    }

    private(set) var issues: [Issue] = []

    /// The dynamic scope: the dynamic anchors of each schema resource evaluation is inside,
    /// outermost first, with the description whose `refs` resolve their names. Descriptions
    /// carry `$dynamicAnchors` only where some `$dynamicRef` depends on the path taken.
    private var scope: [(anchors: [String: JSONValue], document: StaticSchema)] = []

    /// Whether `value` satisfies `schema`, recording why not; `document` resolves its `$ref`s.
    mutating func check(_ value: JSONValue, _ schema: JSONValue, in document: StaticSchema, path: String,
                        evaluated: inout Evaluated, depth: Int) -> Bool {
        guard depth < 200 else {
            issues.append(Issue(path: path, message: "the schema recurses without end"))
            return false
        }
        switch schema {
        case .bool(true): return true
        case .bool(false):
            issues.append(Issue(path: path, message: "no value is allowed here"))
            return false
        case .object(let s):
            let mark = issues.count
            var valid = true
            func fail(_ message: String, at place: String = path) {
                issues.append(Issue(path: place, message: message))
                valid = false
            }
            // Entering a resource puts its anchors in scope for everything evaluated inside it.
            var entered = false
            if document.usesDynamicScope, case .object(let anchors)? = s["$dynamicAnchors"] {
                scope.append((anchors, document))
                entered = true
            }
            defer { if entered { scope.removeLast() } }
            if case .string(let name)? = s["$ref"] {
                if let target = document.refs(name) {
                    var inner = Evaluated()
                    if check(value, target.root, in: target, path: path, evaluated: &inner, depth: depth + 1) {
                        evaluated.merge(inner)
                    } else { valid = false }
                }
            }
            if document.usesDynamicScope, case .object(let dynamic)? = s["$dynamicRef"], let target = resolveDynamic(dynamic, in: document) {
                var inner = Evaluated()
                if check(value, target.root, in: target, path: path, evaluated: &inner, depth: depth + 1) {
                    evaluated.merge(inner)
                } else { valid = false }
            }
            if let type = s["type"] {
                let names: [String]
                switch type {
                case .string(let name): names = [name]
                case .array(let list): names = list.compactMap { if case .string(let n) = $0 { n } else { nil } }
                default: names = []
                }
                if !names.contains(where: value.isOfSchemaType) {
                    fail("\(Self.kind(of: value)) found, \(names.joined(separator: " or ")) expected")
                }
            }
            if case .array(let allowed)? = s["enum"], !allowed.contains(where: value.schemaEquals) {
                fail("\(Self.shown(value)) is not one of the allowed values")
            }
            if let constant = s["const"], !value.schemaEquals(constant) {
                fail("\(Self.shown(value)) is not the required value \(Self.shown(constant))")
            }
            valid = checkNumber(value, s, path: path) && valid
            if case .string(let text) = value {
                let length = text.unicodeScalars.count
                if let min = s["minLength"]?.numberValue, Double(length) < min { fail("\(length) characters, at least \(Self.number(min)) required") }
                if let max = s["maxLength"]?.numberValue, Double(length) > max { fail("\(length) characters, at most \(Self.number(max)) allowed") }
                if case .string(let source)? = s["pattern"], let pattern = document.patterns[source], !pattern.matches(text) {
                    fail("\(Self.shown(value)) does not match the pattern \(source)")
                }
            }
            if case .array(let items) = value {
                valid = checkArray(items, s, in: document, path: path, evaluated: &evaluated, depth: depth) && valid
            }
            if case .object(let members) = value {
                valid = checkObject(members, s, in: document, path: path, evaluated: &evaluated, depth: depth) && valid
            }
            valid = checkApplicators(value, s, in: document, path: path, evaluated: &evaluated, depth: depth) && valid
            // Unevaluated keywords see what every other keyword here evaluated, so they go last.
            if let rest = s["unevaluatedItems"], case .array(let items) = value, !evaluated.allItems {
                for (index, item) in items.enumerated() where !evaluated.items.contains(index) {
                    var inner = Evaluated()
                    if !check(item, rest, in: document, path: path + "[\(index)]", evaluated: &inner, depth: depth + 1) { valid = false }
                }
                evaluated.allItems = true
            }
            if let rest = s["unevaluatedProperties"], case .object(let members) = value {
                for key in members.keys.sorted() where !evaluated.properties.contains(key) {
                    var inner = Evaluated()
                    if rest == .bool(false) {
                        fail("the property \(key.debugDescription) is not allowed")
                    } else if !check(members[key]!, rest, in: document, path: Self.member(key, path), evaluated: &inner, depth: depth + 1) {
                        valid = false
                    }
                    evaluated.properties.insert(key)
                }
            }
            if valid { issues.removeSubrange(mark...) }
            return valid
        default:
            return true
        }
    }

    /// `$dynamicRef` as 2020-12 resolves it: the outermost resource in the dynamic scope that
    /// declares the anchor, else the schema the reference names as written.
    private func resolveDynamic(_ reference: [String: JSONValue], in document: StaticSchema) -> StaticSchema? {
        guard case .string(let anchor)? = reference["anchor"] else { return nil }
        for entry in scope {
            if case .string(let name)? = entry.anchors[anchor], let target = entry.document.refs(name) { return target }
        }
        guard case .string(let name)? = reference["$ref"] else { return nil }
        return document.refs(name)
    }

    private mutating func checkNumber(_ value: JSONValue, _ s: [String: JSONValue], path: String) -> Bool {
        guard let x = value.numberValue else { return true }
        var valid = true
        func fail(_ message: String) {
            issues.append(Issue(path: path, message: message))
            valid = false
        }
        let shown = Self.shown(value)
        if let m = s["minimum"]?.numberValue, x < m { fail("\(shown) is less than the minimum \(Self.number(m))") }
        if let m = s["maximum"]?.numberValue, x > m { fail("\(shown) is greater than the maximum \(Self.number(m))") }
        if let m = s["exclusiveMinimum"]?.numberValue, x <= m { fail("\(shown) must be greater than \(Self.number(m))") }
        if let m = s["exclusiveMaximum"]?.numberValue, x >= m { fail("\(shown) must be less than \(Self.number(m))") }
        if let step = s["multipleOf"] {
            let whole: Bool
            if case .integer(let a) = value, case .integer(let b) = step, b != 0 {
                whole = a % b == 0
            } else if let b = step.numberValue, b != 0 {
                let quotient = x / b
                whole = quotient.isFinite && (quotient - quotient.rounded()).magnitude <= max(1e-9, quotient.magnitude * 1e-14)
            } else {
                whole = true
            }
            if !whole { fail("\(shown) is not a multiple of \(Self.shown(step))") }
        }
        return valid
    }

    private mutating func checkArray(_ items: [JSONValue], _ s: [String: JSONValue], in document: StaticSchema, path: String,
                                     evaluated: inout Evaluated, depth: Int) -> Bool {
        var valid = true
        func fail(_ message: String) {
            issues.append(Issue(path: path, message: message))
            valid = false
        }
        if let min = s["minItems"]?.numberValue, Double(items.count) < min { fail("\(items.count) items, at least \(Self.number(min)) required") }
        if let max = s["maxItems"]?.numberValue, Double(items.count) > max { fail("\(items.count) items, at most \(Self.number(max)) allowed") }
        if s["uniqueItems"] == .bool(true) {
            search: for i in items.indices {
                for j in items.indices where j > i && items[i].schemaEquals(items[j]) {
                    fail("items must be unique; item \(j) repeats item \(i)")
                    break search
                }
            }
        }
        var prefix = 0
        if case .array(let positions)? = s["prefixItems"] {
            for (index, item) in items.enumerated() where index < positions.count {
                var inner = Evaluated()
                if !check(item, positions[index], in: document, path: path + "[\(index)]", evaluated: &inner, depth: depth + 1) { valid = false }
                evaluated.items.insert(index)
            }
            prefix = positions.count
        }
        if let rest = s["items"] {
            for (index, item) in items.enumerated() where index >= prefix {
                var inner = Evaluated()
                if !check(item, rest, in: document, path: path + "[\(index)]", evaluated: &inner, depth: depth + 1) { valid = false }
            }
            evaluated.allItems = true
        }
        if let contains = s["contains"] {
            var matches = 0
            for (index, item) in items.enumerated() {
                var inner = Evaluated()
                let mark = issues.count
                if check(item, contains, in: document, path: path + "[\(index)]", evaluated: &inner, depth: depth + 1) {
                    matches += 1
                    evaluated.items.insert(index)
                }
                issues.removeSubrange(mark...)
            }
            let min = s["minContains"]?.numberValue ?? 1
            if Double(matches) < min { fail("\(matches) items match `contains`, at least \(Self.number(min)) required") }
            if let max = s["maxContains"]?.numberValue, Double(matches) > max { fail("\(matches) items match `contains`, at most \(Self.number(max)) allowed") }
        }
        return valid
    }

    private mutating func checkObject(_ members: [String: JSONValue], _ s: [String: JSONValue], in document: StaticSchema, path: String,
                                      evaluated: inout Evaluated, depth: Int) -> Bool {
        var valid = true
        func fail(_ message: String) {
            issues.append(Issue(path: path, message: message))
            valid = false
        }
        let keys = members.keys.sorted()
        if let min = s["minProperties"]?.numberValue, Double(members.count) < min { fail("\(members.count) properties, at least \(Self.number(min)) required") }
        if let max = s["maxProperties"]?.numberValue, Double(members.count) > max { fail("\(members.count) properties, at most \(Self.number(max)) allowed") }
        if case .array(let required)? = s["required"] {
            for case .string(let name) in required where members[name] == nil { fail("the property \(name.debugDescription) is required") }
        }
        if case .object(let dependent)? = s["dependentRequired"] {
            for (name, needs) in dependent where members[name] != nil {
                guard case .array(let list) = needs else { continue }
                for case .string(let other) in list where members[other] == nil {
                    fail("the property \(other.debugDescription) is required when \(name.debugDescription) is present")
                }
            }
        }
        var matched = Set<String>()
        if case .object(let properties)? = s["properties"] {
            for key in keys {
                guard let sub = properties[key] else { continue }
                var inner = Evaluated()
                if !check(members[key]!, sub, in: document, path: Self.member(key, path), evaluated: &inner, depth: depth + 1) { valid = false }
                matched.insert(key)
            }
        }
        if case .object(let byPattern)? = s["patternProperties"] {
            for source in byPattern.keys.sorted() {
                guard let pattern = document.patterns[source] else { continue }
                for key in keys where pattern.matches(key) {
                    var inner = Evaluated()
                    if !check(members[key]!, byPattern[source]!, in: document, path: Self.member(key, path), evaluated: &inner, depth: depth + 1) { valid = false }
                    matched.insert(key)
                }
            }
        }
        if let rest = s["additionalProperties"] {
            for key in keys where !matched.contains(key) {
                var inner = Evaluated()
                if rest == .bool(false) {
                    fail("the property \(key.debugDescription) is not allowed")
                } else if !check(members[key]!, rest, in: document, path: Self.member(key, path), evaluated: &inner, depth: depth + 1) {
                    valid = false
                }
                matched.insert(key)
            }
        }
        evaluated.properties.formUnion(matched)
        if let names = s["propertyNames"] {
            for key in keys {
                var inner = Evaluated()
                let mark = issues.count
                if !check(.string(key), names, in: document, path: path, evaluated: &inner, depth: depth + 1) {
                    issues.removeSubrange(mark...)
                    fail("the property name \(key.debugDescription) is not allowed")
                }
            }
        }
        if case .object(let dependent)? = s["dependentSchemas"] {
            for name in dependent.keys.sorted() where members[name] != nil {
                var inner = Evaluated()
                if check(.object(members), dependent[name]!, in: document, path: path, evaluated: &inner, depth: depth + 1) {
                    evaluated.merge(inner)
                } else { valid = false }
            }
        }
        return valid
    }

    private mutating func checkApplicators(_ value: JSONValue, _ s: [String: JSONValue], in document: StaticSchema, path: String,
                                           evaluated: inout Evaluated, depth: Int) -> Bool {
        var valid = true
        if case .array(let all)? = s["allOf"] {
            for branch in all {
                var inner = Evaluated()
                if check(value, branch, in: document, path: path, evaluated: &inner, depth: depth + 1) { evaluated.merge(inner) } else { valid = false }
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let branches)? = s[keyword] else { continue }
            var matches = 0
            for branch in branches {
                var inner = Evaluated()
                let mark = issues.count
                if check(value, branch, in: document, path: path, evaluated: &inner, depth: depth + 1) {
                    matches += 1
                    evaluated.merge(inner)
                }
                issues.removeSubrange(mark...)
            }
            if matches == 0 {
                issues.append(Issue(path: path, message: "\(Self.shown(value)) matches none of the \(keyword) schemas"))
                valid = false
            } else if keyword == "oneOf", matches > 1 {
                issues.append(Issue(path: path, message: "\(Self.shown(value)) matches \(matches) of the oneOf schemas, exactly one allowed"))
                valid = false
            }
        }
        if let not = s["not"] {
            var inner = Evaluated()
            let mark = issues.count
            let matched = check(value, not, in: document, path: path, evaluated: &inner, depth: depth + 1)
            issues.removeSubrange(mark...)
            if matched {
                issues.append(Issue(path: path, message: "\(Self.shown(value)) matches a schema it must not match"))
                valid = false
            }
        }
        if let condition = s["if"] {
            var inner = Evaluated()
            let mark = issues.count
            let holds = check(value, condition, in: document, path: path, evaluated: &inner, depth: depth + 1)
            issues.removeSubrange(mark...)
            if holds { evaluated.merge(inner) }
            if let branch = holds ? s["then"] : s["else"] {
                var result = Evaluated()
                if check(value, branch, in: document, path: path, evaluated: &result, depth: depth + 1) { evaluated.merge(result) } else { valid = false }
            }
        }
        return valid
    }

    private static func member(_ key: String, _ path: String) -> String {
        let plain = !key.isEmpty && !key.unicodeScalars.contains { $0 == "." || $0 == "[" || $0 == "]" || $0.properties.isWhitespace }
        if !plain { return path + "[\(key.debugDescription)]" }
        return path.isEmpty ? key : path + "." + key
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    private static func number(_ value: Double) -> String { NumberText.format(value) }

    /// A value as a message shows it: scalars in JSON, containers by their kind.
    private static func shown(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return NumberText.format(d)
        case .string(let s): return s.count > 100 ? String(s.prefix(100)).debugDescription + "…" : s.debugDescription
        case .array: return "the array"
        case .object: return "the object"
        }
    }
}
