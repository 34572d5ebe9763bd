import SwiftCodegen

/// What `check` prints when the output folder no longer matches the spec.
public enum DriftReport {
    /// One line per changed file, then the head of a unified diff of each.
    public static func lines(for changes: [OutputDirectory.Change], directory: String, maxDiffLines: Int = 60) -> [String] {
        var lines: [String] = []
        for change in changes {
            switch change {
            case .added(let name): lines.append("\(directory)/\(name): missing (the spec now generates it)")
            case .removed(let name): lines.append("\(directory)/\(name): stale (the spec no longer generates it)")
            case .modified(let name, _, _): lines.append("\(directory)/\(name): differs from what the spec generates")
            }
        }
        for change in changes {
            guard case .modified(let name, let old, let new) = change else { continue }
            let diff = UnifiedDiff.diff(old: old, new: new, name: "\(directory)/\(name)")
            lines += diff.prefix(maxDiffLines)
            if diff.count > maxDiffLines { lines.append("… \(diff.count - maxDiffLines) more diff lines") }
        }
        return lines
    }
}
