import YAMLTree

/// Settings for ``DocumentLoader``.
public struct LoadOptions: Sendable {
    /// Limits applied to every YAML or JSON file the load reads.
    public var yaml = YAMLParser.Options()

    public init() {}
}
