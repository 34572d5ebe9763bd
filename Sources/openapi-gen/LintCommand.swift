import Foundation
import OpenAPIModel

/// `openapi-gen lint SPEC`: loads a document with every file it references and reports each
/// problem as `FILE:LINE:COLUMN: severity: message`.
struct LintCommand {
    static let name = "lint"
    static let abstract = "Check an OpenAPI document and the files it references, reporting every problem with its location."
    static let usage = """
        OVERVIEW: \(abstract)

        USAGE: openapi-gen lint <spec> [--quiet]

        ARGUMENTS:
          <spec>     The OpenAPI document (YAML or JSON).

        OPTIONS:
          --quiet    Print only the diagnostics, without the summary line.
        """

    var spec: String
    var quiet = false

    init(arguments: [String]) throws(UsageError) {
        var arguments = CommandArguments(arguments, valueOptions: [])
        quiet = arguments.flag("--quiet")
        try arguments.finish(allowedPositionals: 1)
        guard let spec = arguments.positionals.first else { throw UsageError("missing the <spec> argument") }
        self.spec = spec
    }

    func run() throws {
        let result = DocumentLoader.load(path: spec)
        let standardError = FileHandle.standardError
        for line in result.rendered() {
            standardError.write(Data((line + "\n").utf8))
        }
        if !quiet, !result.files.paths.isEmpty {
            print(Self.summary(of: result, path: spec))
        }
        if result.hasErrors { throw ExitCode(1) }
    }

    /// `spec.yaml: 1 file, 5 operations, 14 schemas, 0 errors, 0 warnings`.
    static func summary(of result: LoadResult, path: String) -> String {
        let document = result.document
        let operations = document?.operations.count ?? 0
        // Named schemas: the components, plus reference targets elsewhere (whole files, `$defs`).
        var schemas = 0
        if let document {
            schemas = document.components.schemas.count
            for target in document.referencedSchemaOrder {
                let tokens = target.pointer.tokens
                let isComponent = target.file == document.rootFile && tokens.count == 3 && tokens[0] == "components"
                    && tokens[1] == "schemas" && document.components.schemas[tokens[2]] != nil
                if !isComponent { schemas += 1 }
            }
        }
        let counts = [
            counted(result.files.paths.count, "file"),
            counted(operations, "operation"),
            counted(schemas, "schema"),
            counted(result.errorCount, "error"),
            counted(result.warningCount, "warning"),
        ]
        return "\(path): " + counts.joined(separator: ", ")
    }

    private static func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
