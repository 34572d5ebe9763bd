import Foundation
import GeneratorDriver
import OpenAPIModel

/// `openapi-gen lint SPEC`: loads a document with every file it references, generates it into
/// nowhere, and reports each problem either found as `FILE:LINE:COLUMN: severity: message`:
/// exactly what `generate` would report.
struct LintCommand {
    static let name = "lint"
    static let abstract = "Check an OpenAPI document and the files it references, reporting every problem with its location."
    static let usage = """
        OVERVIEW: \(abstract)

        USAGE: openapi-gen lint <spec> [--quiet] [--load-only]

        ARGUMENTS:
          <spec>       The OpenAPI document (YAML or JSON).

        OPTIONS:
          --quiet      Print only the diagnostics, without the summary line.
          --load-only  Only load and resolve the document, without the generator's checks (patterns, …):
                       what the loader benchmark times. `generate` may refuse a document this passes.
        """

    var spec: String
    var quiet = false
    var loadOnly = false

    init(arguments: [String]) throws(UsageError) {
        var arguments = CommandArguments(arguments, valueOptions: [])
        quiet = arguments.flag("--quiet")
        loadOnly = arguments.flag("--load-only")
        try arguments.finish(allowedPositionals: 1)
        guard let spec = arguments.positionals.first else { throw UsageError("missing the <spec> argument") }
        self.spec = spec
    }

    func run() throws {
        let load = DocumentLoader.load(path: spec)
        let lint = loadOnly ? LintPipeline.Result(load: load, diagnostics: load.diagnostics) : LintPipeline.run(load, specPath: spec)
        let standardError = FileHandle.standardError
        for line in lint.rendered() {
            standardError.write(Data((line + "\n").utf8))
        }
        if !quiet, !lint.load.files.paths.isEmpty {
            print(Self.summary(of: lint, path: spec))
        }
        if lint.hasErrors { throw ExitCode(1) }
    }

    /// `spec.yaml: 1 file, 5 operations, 14 schemas, 0 errors, 0 warnings`.
    static func summary(of lint: LintPipeline.Result, path: String) -> String {
        let result = lint.load
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
            counted(lint.errorCount, "error"),
            counted(lint.warningCount, "warning"),
        ]
        return "\(path): " + counts.joined(separator: ", ")
    }

    private static func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
