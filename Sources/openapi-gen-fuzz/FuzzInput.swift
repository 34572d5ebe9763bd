import OpenAPIModel
import SwiftCodegen
import YAMLTree

/// One fuzz input through the real pipeline: load the bytes as a document, and when that
/// succeeds, generate Swift text in memory. Shared by the libFuzzer entry and the replay tool,
/// so that a saved input reproduces without sanitizers.
///
/// Besides crashes, hangs and memory, an input can break the project's promises, which count
/// as findings too: every error has a place in a file, and the loader's JSON reader builds the
/// tree libyaml builds.
enum FuzzInput {
    /// Where the input pretends to live. Relative references resolve against this folder, so
    /// the fuzzer reaches the committed fixtures (`../Bodies.yaml#/…`) and the multi-file paths
    /// of the loader, and a regression test that loads the saved file from there sees the same
    /// files. Relative to the package root, where `Scripts/fuzz.sh` runs.
    static let rootPath = "Tests/Fixtures/FuzzRegressions/input.yaml"

    struct Outcome {
        var rendered: [String]
        var generatedFiles: Int
        /// A broken promise of the project: bad input must get a located error.
        var violation: String?
    }

    static func run(_ bytes: [UInt8], path: String = rootPath) -> Outcome {
        let load = DocumentLoader.load(bytes: bytes, path: path)
        var outcome = Outcome(rendered: load.rendered(), generatedFiles: 0)
        if let mismatch = JSONReaderCheck.mismatch(bytes) {
            outcome.violation = mismatch
            return outcome
        }
        if let unlocated = load.diagnostics.first(where: { $0.severity == .error && $0.location == nil }) {
            outcome.violation = "load error without a location: \(unlocated.message)"
            return outcome
        }
        guard let document = load.document, !load.hasErrors else {
            if !load.hasErrors { outcome.violation = "the load produced no document and no error" }
            return outcome
        }
        let output = SwiftGenerator.generate(document, files: load.files,
                                             config: GeneratorConfig(moduleName: "Fuzz", specDisplayPath: path))
        outcome.rendered += output.diagnostics.map { $0.rendered(in: load.files) }
        outcome.generatedFiles = output.files.count
        if let unlocated = output.diagnostics.first(where: { $0.severity == .error && $0.location == nil }) {
            outcome.violation = "generation error without a location: \(unlocated.message)"
        } else if !output.hasErrors && output.files.isEmpty {
            outcome.violation = "generation succeeded without output"
        }
        return outcome
    }
}

/// The loader reads JSON with a reader of its own, which must build exactly the tree libyaml
/// builds (the same nodes, texts, styles and places), or leave the input to libyaml.
enum JSONReaderCheck {
    static func mismatch(_ bytes: [UInt8]) -> String? {
        let file = SourceFileID(0)
        guard let fast = YAMLParser.parseWithJSONReader(bytes, file: file) else { return nil }
        let reference: YAMLNode
        do {
            reference = try YAMLParser.parseWithLibyaml(bytes, file: file)
        } catch {
            return "the JSON reader took a document libyaml refuses: \(error.message)"
        }
        var fastBudget = Int.max
        let fastText = describe(fast, budget: &fastBudget)
        // Aliases can make libyaml's tree exponentially larger than its text; where the two
        // agree it has exactly the reader's nodes.
        var referenceBudget = Int.max - fastBudget + 1
        let referenceText = describe(reference, budget: &referenceBudget)
        guard fastText != referenceText else { return nil }
        let common = zip(fastText, referenceText).prefix { $0 == $1 }.count
        return "the JSON reader and libyaml build different trees; from character \(common):\n"
            + "  reader:  \(fastText.dropFirst(common).prefix(200))\n  libyaml: \(referenceText.dropFirst(common).prefix(200))"
    }

    /// Everything a reader of the tree can see: kinds, styles, texts, places, key order. Stops
    /// (with a mark that cannot match) when `budget` nodes have been described.
    private static func describe(_ node: YAMLNode, budget: inout Int) -> String {
        guard budget > 0 else { return "…" }
        budget -= 1
        let place = "\(node.location.line):\(node.location.column)"
        switch node.content {
        case .scalar(let scalar):
            return place + "\(scalar.style)/\(scalar.kind)/\(scalar.text.debugDescription)"
        case .sequence(let items):
            var parts: [String] = []
            for item in items { parts.append(describe(item, budget: &budget)) }
            return place + "[" + parts.joined(separator: ",") + "]"
        case .mapping(let mapping):
            var parts: [String] = []
            for entry in mapping.entries {
                let key = "\(entry.key.debugDescription)@\(entry.keyLocation.line):\(entry.keyLocation.column)"
                parts.append(key + "=" + describe(entry.value, budget: &budget))
            }
            return place + "{" + parts.joined(separator: ",") + "}"
        }
    }
}
