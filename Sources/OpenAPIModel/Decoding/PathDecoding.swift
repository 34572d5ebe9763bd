import YAMLTree

/// `paths`, path items and operations, with path-level parameters merged into each operation.
extension ModelDecoder {
    func paths(_ cursor: Cursor) -> OrderedMap<PathItem> {
        pathItemMap(cursor, "paths", checkTemplates: true)
    }

    /// A map of names to path items: `paths` (keys are templates), `webhooks` and
    /// `components.pathItems` (keys are names).
    func pathItemMap(_ cursor: Cursor, _ key: String, checkTemplates: Bool) -> OrderedMap<PathItem> {
        var result = OrderedMap<PathItem>()
        guard let (mapping, map) = mapping(cursor, key, expected: "a mapping of \(checkTemplates ? "paths" : "names") to Path Item Objects")
        else { return result }
        for entry in mapping.entries where !Self.isExtension(entry.key) {
            let itemCursor = map.child(entry)
            if checkTemplates, !entry.key.hasPrefix("/") {
                warning("path \"\(entry.key)\" does not start with `/`", at: entry.keyLocation, pointer: itemCursor.pointer)
            }
            guard var item = pathItem(itemCursor) else { continue }
            if checkTemplates {
                checkPathTemplate(entry.key, item: &item, keyLocation: entry.keyLocation, pointer: itemCursor.pointer)
            }
            result.appendNew(entry.key, item)
        }
        return result
    }

    /// Shared when inlined, like a path item in `components.pathItems` used by several paths.
    func pathItem(_ cursor: Cursor) -> PathItem? {
        decodeShared(cursor, decodePathItem)
    }

    private func decodePathItem(_ cursor: Cursor) -> PathItem? {
        guard let (mapping, object) = mapping(cursor, "path item", expected: "a Path Item Object (a mapping of methods to operations)")
        else { return nil }
        var item = PathItem(location: object.location)
        // Path-level parameters may be written after the methods, and every operation needs them.
        if let parameters = mapping.entry("parameters") {
            item.parameters = parameterList(object.child(parameters))
            checkQueryString(item.parameters, own: item.parameters)
        }
        for entry in mapping.entries {
            let field = object.child(entry)
            if let method = fixedMethod(entry) {
                if let operation = operation(field, pathParameters: item.parameters) {
                    item.operations.append((method, operation))
                }
                continue
            }
            switch entry.key {
            case "summary": item.summary = string(field, entry.key)
            case "description": item.description = string(field, entry.key)
            case "servers": item.servers = servers(field)
            case "additionalOperations": item.operations += additionalOperations(field, entry, pathParameters: item.parameters)
            default: break
            }
        }
        return item
    }

    func operation(_ cursor: Cursor, pathParameters: [Parameter]) -> Operation? {
        guard let (mapping, object) = mapping(cursor, cursor.pointer.lastToken ?? "operation", expected: "an Operation Object")
        else { return nil }
        var operation = Operation(location: object.location, pointer: object.pointer)
        var ownParameters: [Parameter] = []
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "operationId": operation.operationID = string(field, entry.key)
            case "tags": operation.tags = stringList(field, entry.key, expected: "a list of tag names") ?? []
            case "summary": operation.summary = string(field, entry.key)
            case "description": operation.description = string(field, entry.key)
            case "deprecated": operation.deprecated = bool(field, entry.key) ?? false
            case "parameters": ownParameters = parameterList(field)
            case "requestBody": operation.requestBody = requestBody(field)
            case "responses": operation.responses = responses(field)
            case "security": operation.security = securityRequirements(field)
            case "servers": operation.servers = servers(field)
            case "callbacks":
                // Callbacks describe requests the server makes; generated clients do not send them.
                if let callbacks = entry.value.mapping { operation.hasCallbacks = callbacks.count > 0 } else { operation.hasCallbacks = true }
            default:
                if Self.isExtension(entry.key) { operation.extensions[entry.key] = value(entry.value) }
            }
        }
        operation.parameters = merged(pathParameters, ownParameters)
        checkQueryString(operation.parameters, own: ownParameters)
        return operation
    }

    /// Path-level parameters, each replaced in place by an operation parameter with the same
    /// name and location, followed by the operation's other parameters.
    private func merged(_ pathParameters: [Parameter], _ own: [Parameter]) -> [Parameter] {
        if pathParameters.isEmpty { return own }
        var result = pathParameters
        for parameter in own {
            if let i = result.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                result[i] = parameter
            } else {
                result.append(parameter)
            }
        }
        return result
    }

    /// A `parameters` list, warning about a name and location given twice (the later wins);
    /// shared when inlined.
    func parameterList(_ cursor: Cursor) -> [Parameter] {
        decodeShared(cursor, decodeParameterList) ?? []
    }

    private func decodeParameterList(_ cursor: Cursor) -> [Parameter]? {
        guard let (items, list) = sequence(cursor, "parameters", expected: "a list of Parameter Objects") else { return nil }
        var result: [Parameter] = []
        for (i, item) in items.enumerated() {
            guard let parameter = parameter(list.element(i, item)) else { continue }
            if let existing = result.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                warning("parameter `\(parameter.name)` in \(parameter.location.rawValue) is listed twice; the later one is used",
                        at: parameter.sourceLocation, pointer: parameter.pointer)
                result[existing] = parameter
            } else {
                result.append(parameter)
            }
        }
        return result
    }
}
