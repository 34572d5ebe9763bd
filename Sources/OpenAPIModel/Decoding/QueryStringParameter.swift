import YAMLTree

/// OpenAPI 3.2's `in: querystring`: one parameter that is the whole query string, described by
/// `content`, and the rules that keep it alone in the query.
extension ModelDecoder {
    /// The fields a querystring parameter must have and must not have.
    func checkQueryStringParameter(_ parameter: Parameter, _ mapping: MappingRef, _ object: Cursor) {
        if let schema = mapping.entry("schema") {
            error("querystring parameter `\(parameter.name)` must be described by `content`, not `schema`",
                  at: schema.keyLocation, pointer: object.pointer.appending("schema"))
        } else if mapping.entry("content") == nil {
            error("querystring parameter `\(parameter.name)` needs `content` with one media type (such as application/x-www-form-urlencoded)",
                  at: object)
        }
        // Serialization fields describe one `name=value` pair, which a whole query string is not.
        for field in ["style", "explode", "allowReserved", "allowEmptyValue"] {
            if let entry = mapping.entry(field) {
                warning("`\(field)` does not apply to a querystring parameter (its media type says how it is written); ignored",
                        at: entry.keyLocation, pointer: object.pointer.appending(field))
            }
        }
    }

    /// Errors for a second querystring parameter and for query parameters beside one.
    ///
    /// Called for the path item's own parameters and again for each operation's merged list;
    /// a conflict is reported by the list that introduces one of its two sides, so parameters
    /// shared by the path item are not reported once per operation.
    func checkQueryString(_ parameters: [Parameter], own: [Parameter]) {
        let whole = parameters.filter { $0.location == .querystring }
        guard let first = whole.first else { return }
        let owned = Set(own.map(\.sourceLocation))
        func reports(_ a: Parameter, _ b: Parameter) -> Bool {
            owned.contains(a.sourceLocation) || owned.contains(b.sourceLocation)
        }
        for extra in whole.dropFirst() where reports(extra, first) {
            error("querystring parameter `\(extra.name)` is a second one; an operation has at most one (`\(first.name)` is the first)",
                  at: extra.sourceLocation, pointer: extra.pointer)
        }
        for query in parameters where query.location == .query && reports(query, first) {
            error("query parameter `\(query.name)` cannot stand beside querystring parameter `\(first.name)`, which is the whole query string",
                  at: query.sourceLocation, pointer: query.pointer)
        }
    }
}

/// OpenAPI 3.2's `style: cookie`, which only `in: cookie` parameters can have.
extension ModelDecoder {
    func cookieStyleChecked(_ style: Parameter.Style?, _ parameter: Parameter, _ field: Cursor) -> Parameter.Style? {
        guard style == .cookie, parameter.location != .cookie else { return style }
        warning("`style: cookie` applies to `in: cookie` parameters only; `\(parameter.name)` (in \(parameter.location.rawValue)) uses its default style",
                at: field)
        return nil
    }
}
