/// A decoded value that says how well its schema accounts for the JSON it was read from, so that
/// a union can choose among branches that all decode (see ``BranchChoice``).
///
/// Generated structs conform through ``AdditionalMembersStoring``; generated unions through
/// ``UnionMemberAccounting``, so that a branch which is itself a union is ranked by what its own
/// chosen branch left unnamed rather than as a value that accounts for everything.
public protocol MemberAccounting {
    /// How many members of the decoded object the schema does not name.
    var unknownMemberCount: Int { get }
    /// How many members hold a value other than the one the schema pins them to (a `const`, or
    /// an enum whose listed values an open enum type does not enforce while decoding).
    var unexpectedValueCount: Int { get }
}

/// A generated union (an enum whose every case holds one value): it accounts for a payload as
/// the branch it holds does. Nested unions (`oneOf: [A, {oneOf: [B, C]}]`) thereby keep counting
/// unknown members all the way down, and a branch that drops members loses to one that keeps them.
public protocol UnionMemberAccounting: MemberAccounting {}

extension UnionMemberAccounting {
    public var unknownMemberCount: Int { (payload as? any MemberAccounting)?.unknownMemberCount ?? 0 }

    public var unexpectedValueCount: Int { (payload as? any MemberAccounting)?.unexpectedValueCount ?? 0 }

    /// The value of the case this union holds. Reflection rather than a generated `switch`: it
    /// is only read while a union chooses a branch, and it costs the generated code no lines.
    private var payload: Any? { Mirror(reflecting: self).children.first?.value }
}
