import OpenAPIModel

/// How a schema is written where it is used: the Swift type and whether it may be absent or null.
struct TypeUse {
    var base: String
    var nullable: Bool
    var shaped: ShapedSchema
    /// The qualified name of the generated struct stored by value here, if any; a value cycle
    /// through such properties needs a box.
    var storedStruct: String?

    var rendered: String { nullable ? base + "?" : base }
}

/// Where nested types of the thing being translated go, and the names already taken there.
struct Container {
    /// Qualified Swift name ("BulkLookalikeJobResponse.Manifest"); empty for the module level.
    var qualifiedName: String
    var members: [SwiftDecl] = []
    var typeNames: NameScope
    /// Enums declared here accept values the spec doesn't list (they are read from responses).
    var openEnums: Bool
    /// Nested types are named in full where used: an operation's types are used outside its
    /// namespace (in the protocol and the client), a model's only inside its own struct.
    var qualifiesNestedTypes = false
    /// The client sends values of the types declared here: a required property that is null
    /// must then be written as `null`, not left out.
    var sends = false
    /// Inside an operation's types: a nested type another operation already declared for the
    /// same schema is used instead of declaring it again (see `SchemaInterner`).
    var sharesInlineTypes = false

    func reference(_ name: String) -> String { qualifiesNestedTypes ? qualify(name) : name }

    /// `reserved` holds the model names: a nested type with a model's name would shadow it
    /// for every reference inside the container.
    init(qualifiedName: String, openEnums: Bool, reserved: Set<String>) {
        self.qualifiedName = qualifiedName
        self.openEnums = openEnums
        self.typeNames = NameScope(reserved: reserved)
    }

    func qualify(_ name: String) -> String { qualifiedName.isEmpty ? name : qualifiedName + "." + name }
}

extension TranslationContext {
    /// The Swift type for a schema used in `container`, declaring nested types there as needed.
    func typeUse(_ schema: Schema, hint: String, in container: inout Container) -> TypeUse {
        let shaped = shapeOf(schema)
        noteUnhonouredKeywords(schema)
        if shaped.outer != nil { noteUnhonouredKeywords(shaped.effective) }
        var use = TypeUse(base: "JSONValue", nullable: shaped.nullable, shaped: shaped)
        // Operations' inline types are named in full wherever used, so one declared for an
        // earlier operation serves a later copy of the same schema (see `SchemaInterner`).
        var shareKey: SharedInlineType?
        switch shaped.shape {
        case .stringEnum, .integerEnum, .object, .allOf, .union, .primitiveUnion:
            guard container.sharesInlineTypes else { break }
            // The schema's own title and description only document the type; a later copy
            // that words them differently still shares it (its property keeps its own doc).
            if let number = interner.numberIgnoringDocumentation(schema) {
                let key = SharedInlineType(schema: number, name: SwiftNames.typeName(hint),
                                           openEnums: container.openEnums, sends: container.sends)
                if let shared = sharedInlineTypes[key] {
                    use.base = shared.base
                    use.storedStruct = shared.storedStruct
                    return use
                }
                shareKey = key
            }
        default: break
        }
        // Recorded under the declaration's full name: a later copy may be used anywhere.
        var declared: String?
        defer {
            if let shareKey, let declared {
                var shared = use
                shared.base = declared
                sharedInlineTypes[shareKey] = shared
            }
        }
        switch shaped.shape {
        case .any:
            use.base = "JSONValue"
        case .reference(let target):
            guard let name = namedTypes[target] else {
                diagnostics.warning("no type was generated for \(target.pointer.fragment); using JSONValue", at: schema.location)
                return use
            }
            use.base = name
            if let resolved = self.schema(for: target), shapeOf(resolved).nullable { use.nullable = true }
            // An alias of a struct (`typealias Value = Extended`) stores that struct: a cycle
            // through it must be boxed like one through the struct itself.
            if namedKinds[name] == .structure || aliasedStructs[name] != nil { use.storedStruct = name }
        case .string(let format): use.base = Self.stringType(format)
        case .integer(let format): use.base = format == "int32" ? "Int32" : format == "int64" ? "Int64" : "Int"
        case .number(let format): use.base = format == "float" ? "Float" : "Double"
        case .boolean: use.base = "Bool"
        case .stringEnum, .integerEnum:
            let name = container.typeNames.claim(SwiftNames.typeName(hint))
            container.members.append(.type(makeEnum(name, shaped, doc: DocComments.lines(for: schema), open: container.openEnums)))
            use.base = container.reference(name)
            declared = container.qualify(name)
        case .array(let items):
            if let items {
                let item = typeUse(items, hint: Self.singular(hint), in: &container)
                use.base = "[\(item.rendered)]"
                if shaped.effective.types == nil { noteInferredType(shaped.effective, as: "array", because: "items") }
            } else {
                use.base = "[JSONValue]"
            }
        case .map(let values):
            if let values {
                let value = typeUse(values, hint: hint + "Value", in: &container)
                use.base = "[String: \(value.rendered)]"
                if shaped.effective.types == nil {
                    noteInferredType(shaped.effective, as: "object", because: shaped.effective.patternProperties.isEmpty ? "additionalProperties" : "patternProperties")
                }
            } else {
                use.base = "[String: JSONValue]"
            }
        case .object, .allOf:
            let name = container.typeNames.claim(SwiftNames.typeName(hint))
            let decl = makeStruct(name, schema: shaped.effective, qualifiedName: container.qualify(name),
                                  doc: DocComments.lines(for: schema), openEnums: container.openEnums, sends: container.sends,
                                  sharesInlineTypes: container.sharesInlineTypes)
            container.members.append(.type(decl))
            use.base = container.reference(name)
            use.storedStruct = container.qualify(name)
            declared = container.qualify(name)
        case .union, .primitiveUnion:
            let name = container.typeNames.claim(SwiftNames.typeName(hint))
            let decl = makeUnion(name, shaped, qualifiedName: container.qualify(name),
                                 doc: DocComments.lines(for: schema), openEnums: container.openEnums, sends: container.sends,
                                 sharesInlineTypes: container.sharesInlineTypes)
            container.members.append(.type(decl))
            use.base = container.reference(name)
            declared = container.qualify(name)
        }
        return use
    }

    static func stringType(_ format: String?) -> String {
        switch format {
        // Runtime types that keep the text they were read from, so a value written back is the
        // value that was read (offset, fraction digits, letter case).
        case "date-time": return "DateTime"
        case "uuid": return "UUIDText"
        case "byte", "binary": return "Data"
        default: return "String"
        }
    }

    /// The name for an array's element type: `rows` → `Row`, `categories` → `Category`; a
    /// name that is not an English plural gets `Item`.
    static func singular(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix("ies"), name.count > 4 { return String(name.dropLast(3)) + "y" }
        if lower.hasSuffix("sses") || lower.hasSuffix("shes") || lower.hasSuffix("ches") || lower.hasSuffix("xes") {
            return String(name.dropLast(2))
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is"), name.count > 3 {
            return String(name.dropLast())
        }
        return name + "Item"
    }
}
