/// The OpenAPI `style` of a parameter: how several values are combined into text.
///
/// Which styles apply depends on the location: `simple`, `label` and `matrix` for paths;
/// `form`, `spaceDelimited`, `pipeDelimited` and `deepObject` for queries; `simple` for
/// headers. The encoders treat a style used in the wrong location as that location's default
/// rather than trapping, because a document mistake should not crash a client.
public enum ParameterStyle: Sendable {
    /// `name=value` pairs, arrays as repeated pairs or comma lists (query default).
    case form
    /// Comma-separated values (path and header default).
    case simple
    /// Values prefixed with `.` (paths).
    case label
    /// `;name=value` (paths).
    case matrix
    /// Array values separated by spaces (queries).
    case spaceDelimited
    /// Array values separated by `|` (queries).
    case pipeDelimited
    /// Object members as `name[key]=value` (queries).
    case deepObject
}
