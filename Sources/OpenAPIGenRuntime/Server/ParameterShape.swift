/// What a parameter's schema is, so its text can be split before it is read: the same text
/// `a,b` is one string, a two-item array, or the object `{"a": "b"}`.
public enum ParameterShape: Sendable, Hashable {
    /// One value: a string, number, boolean, enum or date.
    case scalar
    /// An array: repeated pairs, or one value split by the style's delimiter.
    case array
    /// An object: `name[key]` pairs (`deepObject`), remaining pairs (exploded `form`), or
    /// `key,value` / `key=value` lists.
    case object
}
