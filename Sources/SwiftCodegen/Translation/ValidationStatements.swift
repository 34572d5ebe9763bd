import Foundation
import OpenAPIModel

extension TranslationContext {
    /// The validator for a struct: each property's constraints, optional ones only when present.
    ///
    /// A struct whose schema says more than its properties (`additionalProperties: false`,
    /// `patternProperties`, `not`, a `oneOf` beside them, …) is also checked as a whole against
    /// the schema's description, its properties' schemas left out (the typed checks cover them).
    func structValidator(_ qualifiedName: String, properties: [StructPlan.Property],
                         flat: (properties: OrderedMap<Schema>, required: Set<String>, additional: Schema.AdditionalProperties?),
                         schema: Schema, additionalName: String, openEnums: Bool) -> ValidatorExtension {
        var lines: [String] = []
        var patterns: [(name: String, source: String)] = []
        // A struct's description covers `additionalProperties: false` too; without one, the
        // members the decoder kept are reported directly, without encoding the value.
        let checksDescription = needsStaticCheck(schema)
        if checksDescription {
            lines.append("v.schema(self, \(staticSchema(schema, shallow: true)), at: \"\")")
        }
        for p in properties {
            // An optional is checked as it is: the runtime's checks skip nil.
            lines += validationStatements(p.use.shaped, value: "self." + SwiftNames.escaped(p.swiftName), key: SwiftNames.stringLiteral(p.wireName),
                                          patterns: &patterns, typeName: qualifiedName, openEnums: openEnums,
                                          optional: p.optional || p.use.nullable && p.defaultLiteral == nil)
        }
        if !checksDescription { lines += forbiddenMemberStatements(flat.additional, storedIn: additionalName) }
        return ValidatorExtension(typeName: qualifiedName, lines: lines, patterns: patterns)
    }

    /// Statements (using the validator `v`) that check one value against its schema.
    /// `openEnums`: the value belongs to a type read from responses, whose inline enums are open.
    /// `optional`: the value may be nil (absent), which every check of the runtime skips, so it is
    /// passed as it is; only a check that converts the value first (an integer against a
    /// fractional bound) unwraps it, with `if let`.
    func validationStatements(_ shaped: ShapedSchema, value: String, key: String,
                              patterns: inout [(name: String, source: String)], typeName: String, depth: Int = 0,
                              openEnums: Bool = false, optional: Bool = false) -> [String] {
        let patternsBefore = patterns
        var unwrap = false
        var lines: [String] = []
        let schemas = [shaped.effective] + (shaped.outer.map { [$0] } ?? [])
        // A value whose Swift type misses something its schema states is checked against the
        // schema's description, which covers the typed checks too. Structs and unions do so in
        // their own validate(); a reference is checked by its type, unless keywords beside it
        // say more.
        switch shaped.shape {
        case .object, .allOf, .union:
            break
        default:
            if schemas.contains(where: needsStaticCheck) {
                return ["v.schema(\(value), \(staticSchema(shaped.outer ?? shaped.effective)), at: \(key))"]
            }
        }
        // A generated type's own validate(). At the current path a value that is there validates
        // itself: `v.nested` takes an optional, and a non-optional struct passed to it is first
        // copied into a new Optional, which for Stripe's large structs cost ~10% more IR in the
        // validators than the `if let` it replaced.
        let nestedCall = key == "\"\"" && !optional ? "\(value).validate(into: &v)" : "v.nested(\(value), at: \(key))"
        func bound(_ b: Schema.Bound?, exclusive: Bool, integer: Bool) -> String? {
            guard let b, b.exclusive == exclusive else { return nil }
            return integer ? b.value.integer.map(String.init) : Self.doubleLiteral(b.value.text)
        }
        func rangeCall(_ s: Schema, integer: Bool) {
            let integerBounds = [s.minimum, s.maximum].allSatisfy { $0 == nil || $0!.value.integer != nil }
            let asInteger = integer && integerBounds
            if integer && (!asInteger || s.multipleOf.map { $0.integer == nil } == true) { unwrap = unwrap || optional }
            let subject = integer && !asInteger ? "Double(\(value))" : value
            var args: [String] = []
            if let m = bound(s.minimum, exclusive: false, integer: asInteger) { args.append("minimum: \(m)") }
            if let m = bound(s.maximum, exclusive: false, integer: asInteger) { args.append("maximum: \(m)") }
            if let m = bound(s.minimum, exclusive: true, integer: asInteger) { args.append("exclusiveMinimum: \(m)") }
            if let m = bound(s.maximum, exclusive: true, integer: asInteger) { args.append("exclusiveMaximum: \(m)") }
            if !args.isEmpty { lines.append("v.range(\(subject), \(args.joined(separator: ", ")), at: \(key))") }
            if let step = s.multipleOf {
                if integer, let i = step.integer {
                    lines.append("v.multiple(\(value), of: \(i), at: \(key))")
                } else {
                    lines.append("v.multiple(\(integer ? "Double(\(value))" : value), of: \(Self.doubleLiteral(step.text)), at: \(key))")
                }
            }
        }
        switch shaped.shape {
        case .string(let format):
            guard Self.stringType(format) == "String" else { break }
            for s in schemas {
                if s.minLength != nil || s.maxLength != nil {
                    lines.append("v.length(\(value), \(Self.bounds(s.minLength, s.maxLength))at: \(key))")
                }
                if let pattern = s.pattern {
                    if checkPattern(pattern, in: s) {
                        let name = "pattern\(patterns.count + 1)"
                        patterns.append((name, pattern))
                        lines.append("v.pattern(\(value), Self.\(name), at: \(key))")
                    }
                }
                if case .string(let c)? = s.constValue {
                    lines.append("v.allowed(\(value), [\(SwiftNames.stringLiteral(c))], at: \(key))")
                }
            }
        case .integer:
            for s in schemas { rangeCall(s, integer: true) }
        case .number:
            for s in schemas { rangeCall(s, integer: false) }
        case .array(let items):
            for s in schemas {
                if s.minItems != nil || s.maxItems != nil {
                    lines.append("v.count(\(value)\(optional ? "?" : "").count, \(Self.bounds(s.minItems, s.maxItems))at: \(key))")
                }
                if s.uniqueItems { lines.append("v.unique(\(value), at: \(key))") }
            }
            if let items, hasConstraints(items, openEnums: openEnums) {
                lines += elementStatements(items, in: value, key: key, walker: "each", local: "item", patterns: &patterns, typeName: typeName,
                                           depth: depth, openEnums: openEnums)
            }
        case .map(let values):
            for s in schemas where s.minProperties != nil || s.maxProperties != nil {
                lines.append("v.count(\(value)\(optional ? "?" : "").count, \(Self.bounds(s.minProperties, s.maxProperties))unit: \"properties\", at: \(key))")
            }
            if let values, hasConstraints(values, openEnums: openEnums) {
                lines += elementStatements(values, in: value, key: key, walker: "values", local: "value", patterns: &patterns, typeName: typeName,
                                           depth: depth, openEnums: openEnums)
            }
        case .reference(let target):
            // An alias (`typealias Tags = [String]`) has no validate() of its own: check its
            // constraints here. Structs and unions validate themselves.
            guard let name = namedTypes[target], let resolved = schema(for: target) else { break }
            if namedKinds[name] == .alias {
                lines += validationStatements(shapeOf(resolved), value: value, key: key, patterns: &patterns,
                                              typeName: typeName, depth: depth, openEnums: responseReachable.contains(target),
                                              optional: optional)
            } else if namedKinds[name] == .structure || namedKinds[name] == .enumeration, hasConstraints(shaped.effective) {
                switch shapeOf(resolved).shape {
                case .stringEnum, .integerEnum:
                    // Open (read from responses): decoding took any value; report one not listed.
                    if responseReachable.contains(target) { lines.append("v.known(\(value), at: \(key))") }
                default:
                    lines.append(nestedCall)
                }
            }
        case .object, .allOf, .union:
            if hasConstraints(shaped.effective, openEnums: openEnums) || shaped.outer.map({ hasConstraints($0, openEnums: openEnums) }) == true {
                lines.append(nestedCall)
            }
        case .stringEnum, .integerEnum:
            // An open enum decodes any value; JSON Schema still calls one the spec does not list invalid.
            if openEnums { lines.append("v.known(\(value), at: \(key))") }
        case .boolean, .any, .primitiveUnion:
            break
        }
        if unwrap {
            patterns = patternsBefore
            let local = value.hasPrefix("self.") ? String(value.dropFirst("self.".count)) : value
            let inner = validationStatements(shaped, value: local, key: key, patterns: &patterns, typeName: typeName, depth: depth,
                                             openEnums: openEnums)
            return ["if let \(local)\(local == value ? "" : " = " + value) {"] + inner.map { "    " + $0 } + ["}"]
        }
        return lines
    }

    /// `min: 1, max: 9, ` without the bounds the schema does not state (the runtime's defaults
    /// are nil).
    private static func bounds(_ min: Int?, _ max: Int?) -> String {
        (min.map { "min: \($0), " } ?? "") + (max.map { "max: \($0), " } ?? "")
    }

    /// `v.each(array) { … }` or `v.values(map) { … }`: checks for every element of a collection;
    /// one check is written on the closure's line. A collection of generated types is validated
    /// as a whole (`v.nested(list, at: …)`): the runtime's lists and maps of validatable values
    /// validate each element at the same paths.
    private func elementStatements(_ element: Schema, in collection: String, key: String, walker: String, local: String,
                                   patterns: inout [(name: String, source: String)], typeName: String, depth: Int,
                                   openEnums: Bool) -> [String] {
        let shaped = shapeOf(element)
        let name = local + (depth == 0 ? "" : String(depth))
        let optionalElement = isOptionalInSwift(shaped)
        let inner = validationStatements(shaped, value: name, key: "\"\"", patterns: &patterns, typeName: typeName, depth: depth + 1,
                                         openEnums: openEnums, optional: optionalElement)
        // The shared constraint walk can find constraints (an enum open elsewhere) that this
        // element's checks do not have: a walk with an empty body checks nothing.
        if inner.isEmpty { return [] }
        if !optionalElement, inner == ["\(name).validate(into: &v)"] { return ["v.nested(\(collection), at: \(key))"] }
        // A closure inside a closure keeps its lines.
        let header = "v.\(walker)(\(collection), at: \(key)) { v, \(name) in"
        if inner.count == 1, !inner[0].hasSuffix("}") { return [header + " " + inner[0] + " }"] }
        return [header] + inner.map { "    " + $0 } + ["}"]
    }

    /// Whether a value of `shaped` is optional in Swift, as ``typeUse`` makes it: nullable itself,
    /// or a reference to a nullable schema (`items: {$ref: Mini}` with Mini `nullable: true` is
    /// `[Mini?]`), so that checks on it unwrap it first.
    func isOptionalInSwift(_ shaped: ShapedSchema) -> Bool {
        if shaped.nullable { return true }
        if case .reference(let target) = shaped.shape, let resolved = schema(for: target) { return shapeOf(resolved).nullable }
        return false
    }
}
