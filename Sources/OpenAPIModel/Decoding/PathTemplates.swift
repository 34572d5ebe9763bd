import YAMLTree

/// Checks that a path's `{name}` variables and its `in: path` parameters agree.
extension ModelDecoder {
    /// A variable in a path template: the name it binds and how it was written.
    struct TemplateVariable {
        var name: String
        var written: String
    }

    /// The `{…}` variables of a path. RFC 6570 operators (`{.name}`, `{;name}`, `{name*}`) are
    /// stripped to the name, as some documents write them although OpenAPI does not.
    static func templateVariables(_ path: String) -> (variables: [TemplateVariable], unbalanced: Bool) {
        if path.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTemplateVariables(path) }
        var variables: [TemplateVariable] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return (variables, true) }
            let written = String(rest[rest.index(after: open)..<close])
            var name = written[...]
            if let first = name.first, "+#./;?&".contains(first) { name = name.dropFirst() }
            if name.hasSuffix("*") {
                name = name.dropLast()
            } else if let colon = name.lastIndex(of: ":"), name[name.index(after: colon)...].allSatisfy(\.isNumber) {
                name = name[..<colon]
            }
            variables.append(TemplateVariable(name: String(name), written: written))
            rest = rest[rest.index(after: close)...]
        }
        return (variables, rest.contains("}"))
    }

    /// ``templateVariables(_:)`` over bytes. In ASCII text each character is one byte (a
    /// CR LF pair, one character, contains none of the bytes looked for), so the results agree;
    /// it runs for every path, and stepping by characters costs far more.
    private static func asciiTemplateVariables(_ path: String) -> (variables: [TemplateVariable], unbalanced: Bool) {
        var variables: [TemplateVariable] = []
        let bytes = Array(path.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let operators = Array("+#./;?&".utf8)
        var rest = 0
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { return (variables, true) }
            var name = (open + 1)..<close
            if let first = name.first, operators.contains(bytes[first]) { name = name.dropFirst() }
            if let last = name.last, bytes[last] == UInt8(ascii: "*") {
                name = name.dropLast()
            } else if let colon = name.last(where: { bytes[$0] == UInt8(ascii: ":") }),
                      ((colon + 1)..<name.upperBound).allSatisfy({ isDigit(bytes[$0]) }) {
                name = name.lowerBound..<colon
            }
            variables.append(TemplateVariable(name: text(name), written: text((open + 1)..<close)))
            rest = close + 1
        }
        return (variables, bytes[rest...].contains(UInt8(ascii: "}")))
    }

    /// Checks the template against the operations' path parameters. A template variable that
    /// an operation does not declare is declared for it, as a required string: generators and
    /// frameworks that write a fixed segment such as `/api/v{api-version}/…` into every path
    /// often leave it out of the operations, and the obvious reading is a text the caller fills in.
    func checkPathTemplate(_ path: String, item: inout PathItem, keyLocation: SourceLocation, pointer: JSONPointer) {
        let (variables, unbalanced) = Self.templateVariables(path)
        if unbalanced {
            warning("path \"\(path)\" has unbalanced `{` and `}`", at: keyLocation, pointer: pointer)
        }
        for variable in variables where variable.name != variable.written {
            warning("path template variable `{\(variable.written)}` uses RFC 6570 operators, which OpenAPI path templates do not have; matched to parameter `\(variable.name)` (describe the serialization with the parameter's `style` and `explode`)",
                    at: keyLocation, pointer: pointer)
        }
        let names = Set(variables.map(\.name))
        var missing: [String: [String]] = [:]  // variable name → methods lacking it
        var order: [String] = []
        for index in item.operations.indices {
            let (method, operation) = item.operations[index]
            let declared = operation.parameters.filter { $0.location == .path }
            let declaredNames = Set(declared.map(\.name))
            var added: Set<String> = []
            for variable in variables where !declaredNames.contains(variable.name) && added.insert(variable.name).inserted {
                if missing[variable.name] == nil { order.append(variable.name) }
                missing[variable.name, default: []].append(method.rawValue.uppercased())
                item.operations[index].operation.parameters.append(
                    Self.undeclaredPathParameter(variable.name, keyLocation: keyLocation, pointer: pointer))
            }
            for parameter in declared where !names.contains(parameter.name) {
                warning("path parameter `\(parameter.name)` does not appear in the path template \"\(path)\"",
                        at: parameter.sourceLocation, pointer: parameter.pointer)
            }
        }
        for name in order {
            let methods = missing[name]!
            let scope = methods.count == item.operations.count && methods.count > 1 ? "any of its operations" : Self.list(methods)
            warning("path template variable `{\(name)}` has no `in: path` parameter named `\(name)` in \(scope); declared as a required string path parameter",
                    at: keyLocation, pointer: pointer)
        }
    }

    /// The parameter a template variable stands for when no operation declares it.
    private static func undeclaredPathParameter(_ name: String, keyLocation: SourceLocation, pointer: JSONPointer) -> Parameter {
        var parameter = Parameter(name: name, location: .path, required: true, sourceLocation: keyLocation, pointer: pointer)
        var schema = Schema(location: keyLocation, pointer: pointer)
        schema.types = [.string]
        parameter.schema = schema
        return parameter
    }
}
