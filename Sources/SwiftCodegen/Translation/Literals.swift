import OpenAPIModel

extension TranslationContext {
    /// A Swift literal for a spec value used where `use` is the type, or nil when the value can't
    /// be written as one (then the property stays optional rather than get a wrong default).
    func literal(_ value: Value, for use: TypeUse) -> String? {
        switch (use.shaped.shape, value) {
        case (.string(let format), .string(let s)) where Self.stringType(format) == "String":
            return SwiftNames.stringLiteral(s)
        case (.integer(let format), .integer(let t)):
            // A default the Swift type can't hold (Int64.max written as 9223372036854776000)
            // is left out rather than break compilation.
            if format == "int32" { return Int32(t) != nil ? t : nil }
            return Int64(t) != nil ? t : nil
        case (.number, .integer(let t)), (.number, .number(let t)):
            return Self.doubleLiteral(t)
        case (.boolean, .bool(let b)):
            return b ? "true" : "false"
        case (.stringEnum(let values), .string(let s)):
            return enumCaseNames(values.map(EnumValue.string)).first { $0.value == .string(s) }.map { caseLiteral($0.name, of: use) }
        case (.integerEnum(let values), .integer(let t)):
            guard let i = Int64(t) else { return nil }
            return enumCaseNames(values.map(EnumValue.integer)).first { $0.value == .integer(i) }.map { caseLiteral($0.name, of: use) }
        case (.reference(let target), _):
            guard let resolved = schema(for: target) else { return nil }
            var inner = use
            inner.shaped = SchemaShaper.shape(resolved)
            if case .reference = inner.shaped.shape { return nil }
            switch inner.shaped.shape {
            case .stringEnum, .integerEnum, .string, .integer, .number, .boolean: return literal(value, for: inner)
            default: return nil
            }
        case (.array, .array(let elements)) where elements.isEmpty:
            return "[]"
        case (.array(let items?), .array(let elements)):
            let itemUse = TypeUse(base: "", nullable: false, shaped: SchemaShaper.shape(items))
            let parts = elements.map { literal($0, for: itemUse) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.map { $0! }.joined(separator: ", ") + "]"
        case (.map, .object(let entries)) where entries.isEmpty:
            return "[:]"
        default:
            return nil
        }
    }
}

extension TranslationContext {
    /// `.name`, except for the cases `Optional` declares itself: where the parameter is optional,
    /// `.none` means `Optional.none` (Swift warns and takes it so), and the documented default
    /// would become nil.
    func caseLiteral(_ name: String, of use: TypeUse) -> String {
        name == "none" || name == "some" ? use.base + "." + name : "." + name
    }

    /// A number from the spec as a `Double` literal. An integer literal the type can't hold
    /// exactly (`9223372036854776000`, Int64.max as a JSON number) draws a compiler warning and
    /// is rounded anyway; the rounded value written in floating-point form is the same number
    /// without the warning.
    static func doubleLiteral(_ text: String) -> String {
        guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let value = Double(text),
              value.magnitude > 9_007_199_254_740_992 // 2^53: every integer up to it is exact
        else { return text }
        return value.description
    }
}

enum EnumValue: Hashable {
    case string(String)
    case integer(Int64)
}

extension TranslationContext {
    /// Case names for enum values, unique and in spec order; shared by declarations and by
    /// literals so a default names the case the enum declares.
    func enumCaseNames(_ values: [EnumValue]) -> [(name: String, value: EnumValue)] {
        // Names the enum (or open-enum struct) itself declares.
        var scope = NameScope(reserved: ["rawValue", "knownValues", "allCases", "hashValue", "init"])
        return values.map { value in
            switch value {
            case .string(let s): return (SwiftNames.escaped(scope.claim(SwiftNames.caseName(forString: s))), value)
            case .integer(let i): return (scope.claim(SwiftNames.caseName(forString: String(i))), value)
            }
        }
    }
}
