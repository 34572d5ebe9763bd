/// The structured form of generated Swift: declarations down to members, with function bodies as
/// lines of code. Translation builds these; the renderer alone decides spacing and indentation,
/// so every file is laid out the same way.
public indirect enum SwiftDecl: Sendable, Hashable {
    case type(TypeDecl)
    case property(PropertyDecl)
    case function(FunctionDecl)
    case enumCase(EnumCaseDecl)
    case typeAlias(TypeAliasDecl)
}

public enum AccessLevel: String, Sendable, Hashable {
    case `public`, `package`, `internal`
}

public struct TypeDecl: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case `struct`, `enum`, `protocol`, `extension`
    }

    public var kind: Kind
    public var name: String
    public var doc: [String] = []
    public var access: AccessLevel?
    public var isIndirect = false
    public var conformances: [String] = []
    public var members: [SwiftDecl] = []
    /// Attributes such as `@frozen`, rendered before the declaration.
    public var attributes: [String] = []

    public init(_ kind: Kind, _ name: String, access: AccessLevel? = nil, conformances: [String] = [], doc: [String] = [], members: [SwiftDecl] = []) {
        self.kind = kind
        self.name = name
        self.access = access
        self.conformances = conformances
        self.doc = doc
        self.members = members
    }
}

public struct PropertyDecl: Sendable, Hashable {
    public var name: String
    public var type: String?
    public var doc: [String] = []
    public var access: AccessLevel?
    public var isStatic = false
    public var isLet = false
    public var isPrivateSet = false
    public var attributes: [String] = []
    public var initializer: String?
    /// A computed property's getter (or `get`/`set` blocks written out).
    public var getter: [String]?
    /// In a protocol: `{ get }`.
    public var isRequirement = false

    public init(_ name: String, type: String?, access: AccessLevel? = nil, doc: [String] = []) {
        self.name = name
        self.type = type
        self.access = access
        self.doc = doc
    }
}

public struct FunctionDecl: Sendable, Hashable {
    public struct Parameter: Sendable, Hashable {
        /// The argument label; "_" for none, nil when it equals the name.
        public var label: String?
        public var name: String
        public var type: String
        public var defaultValue: String?
        public init(label: String? = nil, name: String, type: String, defaultValue: String? = nil) {
            self.label = label
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
        }
    }

    /// "init" for initializers.
    public var name: String
    public var doc: [String] = []
    public var access: AccessLevel?
    public var modifiers: [String] = []
    /// Attributes such as `@available(*, deprecated)`, each on its own line.
    public var attributes: [String] = []
    public var parameters: [Parameter] = []
    public var isAsync = false
    public var isThrowing = false
    public var returnType: String?
    /// nil for a protocol requirement.
    public var body: [String]?

    public init(_ name: String, access: AccessLevel? = nil, parameters: [Parameter] = [], returnType: String? = nil, doc: [String] = [], body: [String]? = nil) {
        self.name = name
        self.access = access
        self.parameters = parameters
        self.returnType = returnType
        self.doc = doc
        self.body = body
    }
}

public struct EnumCaseDecl: Sendable, Hashable {
    public var name: String
    public var doc: [String] = []
    public var rawValue: String?
    /// Associated values: (label, type).
    public var associatedValues: [(label: String?, type: String)] = []

    public init(_ name: String, rawValue: String? = nil, associatedValues: [(label: String?, type: String)] = [], doc: [String] = []) {
        self.name = name
        self.rawValue = rawValue
        self.associatedValues = associatedValues
        self.doc = doc
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.doc == b.doc && a.rawValue == b.rawValue
            && a.associatedValues.map(\.label) == b.associatedValues.map(\.label)
            && a.associatedValues.map(\.type) == b.associatedValues.map(\.type)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(rawValue)
    }
}

public struct TypeAliasDecl: Sendable, Hashable {
    public var name: String
    public var type: String
    public var doc: [String] = []
    public var access: AccessLevel?
    public init(_ name: String, type: String, access: AccessLevel? = nil, doc: [String] = []) {
        self.name = name
        self.type = type
        self.access = access
        self.doc = doc
    }
}

/// One generated source file before rendering.
public struct SwiftFile: Sendable, Hashable {
    public var name: String
    public var imports: [String]
    public var declarations: [SwiftDecl]
    public init(name: String, imports: [String], declarations: [SwiftDecl]) {
        self.name = name
        self.imports = imports
        self.declarations = declarations
    }
}

/// A rendered file, ready to write.
public struct GeneratedFile: Sendable, Hashable {
    public var name: String
    public var contents: String
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
