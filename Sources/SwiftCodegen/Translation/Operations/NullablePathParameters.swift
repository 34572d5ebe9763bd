import OpenAPIModel

extension TranslationContext {
    /// A path parameter whose schema allows null (FastAPI writes `anyOf: [{type: string},
    /// {type: 'null'}]` for an `Optional[str]` path parameter) as the non-optional type.
    ///
    /// A path segment is always present and there is no way to send null in it, so the only
    /// value the spec can mean is the non-null one; an optional would also leave the generated
    /// path interpolation with nothing to write.
    func nonNullPathParameter(_ use: TypeUse, _ parameter: Parameter, schema: Schema?) -> TypeUse {
        var strict = use
        strict.nullable = false
        strict.shaped.nullable = false
        let place = schema ?? Schema(location: parameter.sourceLocation, pointer: parameter.pointer)
        diagnostics.warning(
            "path parameter `\(parameter.name)` allows null, but a path parameter is always present and cannot be null; generated as the non-optional `\(strict.base)`",
            at: place.location, pointer: place.pointer.fragment)
        return strict
    }
}
