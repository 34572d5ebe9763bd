/// Finds a likely intended name for a misspelt one, for "did you mean" hints.
enum NameSuggestion {
    /// The candidate within a small edit distance (or differing only in case), if exactly one
    /// is closest.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let limit = max(1, min(3, target.count / 3))
        var best: (name: String, distance: Int)?
        var tie = false
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - target.count) <= limit else { continue }
            let d = distance(target, other, limit: limit)
            guard d <= limit else { continue }
            if let current = best {
                if d < current.distance { best = (candidate, d); tie = false }
                else if d == current.distance { tie = true }
            } else {
                best = (candidate, d)
            }
        }
        return tie ? nil : best?.name
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
