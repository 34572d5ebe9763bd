/// What a parameter's schema is, so its text can be split before it is read: the same text
/// `a,b` is one string, a two-item array, or the object `{"a": "b"}`.
public enum ParameterShape: Sendable, Hashable {
    case scalar
    case array
    case object
}
