import YAMLTree

/// The top level: `info`, `servers`, `tags` and the dispatch to each area.
extension ModelDecoder {
    func document(_ root: Cursor, mapping: MappingRef, versionText: String) -> Document {
        var document = Document(versionText: versionText, version: version, info: Info(title: "", version: ""), rootFile: root.file)
        var sawInfo = false
        for entry in mapping.entries {
            let cursor = root.child(entry)
            switch entry.key {
            case "info":
                sawInfo = true
                document.info = info(cursor)
            case "servers":
                document.servers = servers(cursor)
            case "paths":
                document.paths = paths(cursor)
            case "webhooks":
                if version == .v3_0 {
                    warning("`webhooks` is an OpenAPI 3.1 field; read anyway", at: entry.keyLocation, pointer: cursor.pointer)
                }
                document.webhooks = pathItemMap(cursor, entry.key, checkTemplates: false)
            case "components":
                document.components = components(cursor)
            case "security":
                document.security = securityRequirements(cursor)
            case "tags":
                document.tags = tags(cursor)
            default:
                if Self.isExtension(entry.key) { document.extensions[entry.key] = value(entry.value) }
            }
        }
        if !sawInfo {
            error("the document has no `info` (an OpenAPI document needs `info` with `title` and `version`)", at: root)
        }
        decodeReferencedSchemas(into: &document)
        return document
    }

    private func info(_ cursor: Cursor) -> Info {
        var info = Info(title: "", version: "")
        guard let (mapping, object) = mapping(cursor, "info", expected: "a mapping with `title` and `version`") else { return info }
        var title: String?
        var version: String?
        for entry in mapping.entries {
            let field = object.child(entry)
            switch entry.key {
            case "title": title = string(field, entry.key)
            case "version": version = string(field, entry.key)
            case "summary": info.summary = string(field, entry.key)
            case "description": info.description = string(field, entry.key)
            default: break
            }
        }
        if let title { info.title = title } else { warning("`info` has no `title`", at: object) }
        if let version { info.version = version } else { warning("`info` has no `version`", at: object) }
        return info
    }

    func servers(_ cursor: Cursor) -> [Server] {
        guard let (items, list) = sequence(cursor, "servers", expected: "a list of Server Objects") else { return [] }
        var result: [Server] = []
        for (i, item) in items.enumerated() {
            if let server = server(list.element(i, item)) { result.append(server) }
        }
        return result
    }

    private func server(_ cursor: Cursor) -> Server? {
        guard let (mapping, object) = mapping(cursor, "servers", expected: "a Server Object (a mapping with `url`)") else { return nil }
        guard let urlEntry = mapping.entry("url"), let url = string(object.child(urlEntry), "url") else {
            error("a server needs `url`", at: object)
            return nil
        }
        var server = Server(url: url, location: object.location)
        for entry in mapping.entries {
            switch entry.key {
            case "description":
                server.description = string(object.child(entry), entry.key)
            case "variables":
                guard let (variables, map) = self.mapping(object.child(entry), entry.key, expected: "a mapping of names to Server Variable Objects")
                else { continue }
                for variable in variables.entries {
                    if let decoded = serverVariable(map.child(variable), name: variable.key) {
                        server.variables[variable.key] = decoded
                    }
                }
            default:
                break
            }
        }
        return server
    }

    private func serverVariable(_ cursor: Cursor, name: String) -> ServerVariable? {
        guard let (mapping, object) = mapping(cursor, name, expected: "a Server Variable Object (a mapping with `default`)") else { return nil }
        guard let defaultEntry = mapping.entry("default"), let defaultValue = string(object.child(defaultEntry), "default") else {
            error("server variable `\(name)` needs `default`", at: object)
            return nil
        }
        var variable = ServerVariable(defaultValue: defaultValue)
        for entry in mapping.entries {
            switch entry.key {
            case "enum":
                variable.enumValues = stringList(object.child(entry), entry.key, expected: "a list of strings")
            case "description":
                variable.description = string(object.child(entry), entry.key)
            default:
                break
            }
        }
        if let values = variable.enumValues, !values.contains(defaultValue), let defaultEntry = mapping.entry("default") {
            warning("the default \"\(defaultValue)\" of server variable `\(name)` is not among its `enum` values",
                    at: defaultEntry.value.location, pointer: object.pointer.appending("default"))
        }
        return variable
    }

    private func tags(_ cursor: Cursor) -> [Tag] {
        guard let (items, list) = sequence(cursor, "tags", expected: "a list of Tag Objects") else { return [] }
        var result: [Tag] = []
        for (i, item) in items.enumerated() {
            guard let (mapping, object) = mapping(list.element(i, item), "tags", expected: "a Tag Object (a mapping with `name`)")
            else { continue }
            guard let nameEntry = mapping.entry("name"), let name = string(object.child(nameEntry), "name") else {
                error("a tag needs `name`", at: object)
                continue
            }
            var tag = Tag(name: name)
            if let description = mapping.entry("description") {
                tag.description = string(object.child(description), "description")
            }
            readTagFields32(&tag, mapping, object)
            result.append(tag)
        }
        checkTagParents(result, pointer: list.pointer)
        return result
    }
}
