import Foundation
import OpenAPIModel

extension TranslationContext {
    /// Checks a schema's `pattern` for generated validation: translated from ECMA-262 to ICU
    /// (``ECMAPattern``) and compiled once, with each warning and error reported at the
    /// pattern's place. False after an error: the pattern is then refused rather than left
    /// to match everything.
    func checkPattern(_ pattern: String, in schema: Schema) -> Bool {
        let place = schema.patternLocation ?? schema.location
        let report = reportedPatterns.insert(place).inserted
        let quoted = SwiftNames.stringLiteral(pattern)
        let translation = ECMAPattern.translate(pattern)
        if report {
            for note in translation.warnings {
                diagnostics.warning("the pattern \(quoted), at character \(note.position): \(note.message)",
                                    at: place, pointer: schema.pointer.fragment)
            }
        }
        guard let icu = translation.icu else {
            if report, let note = translation.error {
                diagnostics.error("the pattern \(quoted) is not a valid ECMA-262 regular expression: \(note.message) (at character \(note.position))",
                                  at: place, pointer: schema.pointer.fragment)
            }
            return false
        }
        do {
            _ = try NSRegularExpression(pattern: icu)
        } catch {
            if report {
                diagnostics.error("the pattern \(quoted) has no ICU equivalent that NSRegularExpression can run (translated to \(SwiftNames.stringLiteral(icu)))",
                                  at: place, pointer: schema.pointer.fragment)
            }
            return false
        }
        return true
    }
}
