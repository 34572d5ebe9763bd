/// Appends query parameters in their OpenAPI style.
///
/// Items hold unencoded text; ``HTTPRequest/url(relativeTo:)`` escapes it later, including the
/// commas, spaces and `|` that join values (servers decode those before splitting, so the
/// escaped form means the same). A `nil` parameter, an empty array and an empty object append
/// nothing, since there is no value to send.
public enum QueryEncoding {
    /// Appends a scalar as `name=value`; every style writes a scalar the same way.
    public static func append(
        _ items: inout [QueryItem], name: String, value: (some ParameterValue)?,
        style: ParameterStyle = .form, explode: Bool = true
    ) {
        guard let value else { return }
        items.append(QueryItem(name: name, value: value.parameterText))
    }

    /// Appends an array.
    ///
    /// Exploded (the default) it repeats the name: `a=1&a=2`. Otherwise the values are
    /// joined into one item: `form` with `,` (`a=1,2`), `spaceDelimited` with a space,
    /// `pipeDelimited` with `|`. Other styles behave as `form`.
    public static func append(
        _ items: inout [QueryItem], name: String, values: [some ParameterValue]?,
        style: ParameterStyle = .form, explode: Bool = true
    ) {
        guard let values, !values.isEmpty else { return }
        let texts = values.map(\.parameterText)
        if explode {
            items.append(contentsOf: texts.map { QueryItem(name: name, value: $0) })
        } else {
            items.append(QueryItem(name: name, value: texts.joined(separator: separator(for: style))))
        }
    }

    /// Appends an object, its members in key order so the URL is the same on every run.
    ///
    /// The styles are those of the overload taking `[(String, String)]` members.
    public static func append(
        _ items: inout [QueryItem], name: String, object: [String: some ParameterValue]?,
        style: ParameterStyle = .form, explode: Bool = true
    ) {
        let members = object.map { dictionary in
            dictionary.keys.sorted().map { key in (key, dictionary[key]!.parameterText) }
        }
        append(&items, name: name, object: members, style: style, explode: explode)
    }

    /// Appends an object given as ordered (key, value) members.
    ///
    /// `deepObject` writes `name[k1]=v1&name[k2]=v2`. Otherwise, exploded (the default) writes
    /// the members as their own parameters, `k1=v1&k2=v2`, and not exploded writes one item
    /// with keys and values joined: `name=k1,v1,k2,v2` for `form`, with spaces or `|` for the
    /// delimited styles.
    public static func append(
        _ items: inout [QueryItem], name: String, object: [(String, String)]?,
        style: ParameterStyle = .form, explode: Bool = true
    ) {
        guard let object, !object.isEmpty else { return }
        if style == .deepObject {
            items.append(contentsOf: object.map { QueryItem(name: "\(name)[\($0.0)]", value: $0.1) })
        } else if explode {
            items.append(contentsOf: object.map { QueryItem(name: $0.0, value: $0.1) })
        } else {
            let flattened = object.flatMap { [$0.0, $0.1] }
            items.append(QueryItem(name: name, value: flattened.joined(separator: separator(for: style))))
        }
    }

    private static func separator(for style: ParameterStyle) -> String {
        switch style {
        case .spaceDelimited: " "
        case .pipeDelimited: "|"
        case .form, .simple, .label, .matrix, .deepObject: ","
        }
    }
}
