/// Lexical path arithmetic for references.
///
/// Paths are joined and normalized as text, never made absolute or resolved through the file
/// system, so that a diagnostic names `shared/responses/error.yml` on every machine instead of
/// one user's home directory.
enum FilePaths {
    /// The directory part of a path: `a/b/c.yml` → `a/b`, `c.yml` → `` (the current directory).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `relative` read from `directory`; an absolute `relative` stands alone.
    static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || directory.isEmpty { return normalize(relative) }
        return normalize(directory + "/" + relative)
    }

    /// Removes `.` and empty components and folds `name/..`; leading `..` that cannot fold stay,
    /// so a relative path stays relative.
    static func normalize(_ path: String) -> String {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let utf8 = path.utf8
        let isAbsolute = utf8.first == slash
        var parts: [Substring.UTF8View] = []
        for part in utf8.split(separator: slash, omittingEmptySubsequences: true) {
            if part.count == 1, part.first == dot { continue }
            if part.count == 2, part.first == dot, part.last == dot {
                if let last = parts.last, !(last.count == 2 && last.first == dot && last.last == dot) {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        if isAbsolute { result.append(slash) }
        for (i, part) in parts.enumerated() {
            if i > 0 { result.append(slash) }
            result.append(contentsOf: part)
        }
        if result.isEmpty { return "." }
        return String(decoding: result, as: UTF8.self)
    }
}
