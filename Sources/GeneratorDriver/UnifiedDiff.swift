/// A unified diff of two texts by lines (Myers' algorithm), for showing what drifted.
public enum UnifiedDiff {
    /// `--- a/NAME` / `+++ b/NAME` and hunks with `context` lines around each change.
    public static func diff(old: String, new: String, name: String, context: Int = 3) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return [] }
        var lines = ["--- a/\(name)", "+++ b/\(name)"]
        // Group edits into hunks separated by more than 2×context unchanged lines.
        var i = 0
        while i < script.count {
            guard let start = script[i...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = start
            var scan = start
            while scan < script.count {
                if script[scan].kind != .same {
                    end = scan
                    scan += 1
                } else {
                    let run = script[scan...].prefix { $0.kind == .same }.count
                    if scan + run >= script.count || run > 2 * context { break }
                    scan += run
                }
            }
            let from = max(0, start - context)
            let to = min(script.count - 1, end + context)
            let slice = script[from...to]
            let oldStart = (slice.first { $0.kind != .insert }?.oldIndex ?? 0) + 1
            let newStart = (slice.first { $0.kind != .delete }?.newIndex ?? 0) + 1
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            lines.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for e in slice {
                switch e.kind {
                case .same: lines.append(" " + a[e.oldIndex])
                case .delete: lines.append("-" + a[e.oldIndex])
                case .insert: lines.append("+" + b[e.newIndex])
                }
            }
            i = to + 1
        }
        return lines
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// Myers' O((N+M)·D) shortest edit script. Common prefix and suffix are trimmed first, since
    /// drift is usually a few lines in a long file.
    static func editScript(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, oldIndex: $0, newIndex: $0) }
        edits += middle(x, y).map { Edit(kind: $0.kind, oldIndex: $0.oldIndex + prefix, newIndex: $0.newIndex + prefix) }
        edits += (0..<suffix).map { Edit(kind: .same, oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0) }
        return edits
    }

    private static func middle(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let maxD = n + m
        if maxD == 0 { return [] }
        let offset = maxD
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        // The trace costs (N+M) integers per step; past a few thousand differing lines a diff
        // is unreadable anyway, so show the whole region as replaced instead.
        var found = false
        outer: for d in 0...min(maxD, 4_000) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break outer
                }
            }
        }
        if !found {
            return (0..<n).map { Edit(kind: .delete, oldIndex: $0, newIndex: 0) } + (0..<m).map { Edit(kind: .insert, oldIndex: n, newIndex: $0) }
        }
        // Walk the trace backwards to recover the path.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = v[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                x -= 1; y -= 1
                edits.append(Edit(kind: .same, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == prevX {
                    y -= 1
                    edits.append(Edit(kind: .insert, oldIndex: x, newIndex: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .delete, oldIndex: x, newIndex: y))
                }
            }
        }
        return edits.reversed()
    }
}
