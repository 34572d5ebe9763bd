import Foundation

/// A JSON Schema written into generated code for a value the Swift types cannot check on their
/// own (an untyped `JSONValue`, a `oneOf` that must match exactly once, `not`, `const` over an
/// object, …), checked by ``Validator/schema(_:_:at:)``.
///
/// The generator writes it as JSON text in the 2020-12 vocabulary, with each `$ref` replaced by
/// a name that `refs` resolves to another description, so that a schema used in many places is
/// written once and recursive schemas terminate. The text is parsed on first use.
public struct StaticSchema: Sendable {
    let root: JSONValue
    let refs: @Sendable (String) -> StaticSchema?
    let patterns: [String: ValidationPattern]
    /// Whether the text holds `$dynamicAnchors` or `$dynamicRef`, which only descriptions of
    /// path-dependent `$dynamicRef`s do: the others are checked without looking for them.
    let usesDynamicScope: Bool

    /// Parses `json`; `refs` resolves the names its `$ref`s use. Text that is not JSON (which
    /// the generator never writes) describes a schema that allows everything.
    ///
    /// The description's patterns are ECMA-262, as the spec wrote them; `icu` gives the ICU
    /// text the generator translated each to where the two differ (`\d` → `[0-9]`, `$` → `\z`),
    /// so that a pattern means here what it means in JSON Schema.
    public init(_ json: String, icu: [String: String] = [:], refs: @escaping @Sendable (String) -> StaticSchema? = { _ in nil }) {
        root = (try? JSONCoding.decode(JSONValue.self, from: Data(json.utf8))) ?? .bool(true)
        self.refs = refs
        usesDynamicScope = json.contains(#""$dynamicAnchors""#) || json.contains(#""$dynamicRef""#)
        var patterns: [String: ValidationPattern] = [:]
        Self.collectPatterns(root, icu: icu, into: &patterns)
        self.patterns = patterns
    }

    /// Compiles every `pattern` and `patternProperties` key once, ahead of any check.
    private static func collectPatterns(_ schema: JSONValue, icu: [String: String], into patterns: inout [String: ValidationPattern]) {
        func compile(_ source: String) {
            guard patterns[source] == nil else { return }
            patterns[source] = icu[source].map { ValidationPattern(source, icu: $0) } ?? ValidationPattern(source)
        }
        switch schema {
        case .object(let members):
            if case .string(let source)? = members["pattern"] { compile(source) }
            if case .object(let byPattern)? = members["patternProperties"] {
                for source in byPattern.keys { compile(source) }
            }
            for (key, value) in members where key != "enum" && key != "const" {
                collectPatterns(value, icu: icu, into: &patterns)
            }
        case .array(let elements):
            for element in elements { collectPatterns(element, icu: icu, into: &patterns) }
        default:
            break
        }
    }
}
