import Foundation

/// Matches a response's `Content-Type` against the media types (and ranges such as `image/*`
/// and `*/*`) a spec documents for it.
public enum MediaTypeRange {
    /// `type/subtype`, lowercased, without parameters or spaces.
    public static func essence(_ mediaType: String) -> String {
        let bare = mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return bare.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// How well `actual` matches the documented `range`; nil when it does not.
    ///
    /// An exact type wins (3), then a structured-syntax suffix (`application/problem+json` for a
    /// documented `application/json`, 2), then `type/*` (1), then `*/*` (0).
    public static func score(_ actual: String, against range: String) -> Int? {
        let a = essence(actual)
        let r = essence(range)
        if a == r { return 3 }
        let (aType, aSub) = split(a)
        let (rType, rSub) = split(r)
        if rType == "*" && rSub == "*" { return 0 }
        guard aType == rType else { return nil }
        if rSub == "*" { return 1 }
        if let plus = aSub.lastIndex(of: "+"), aSub[aSub.index(after: plus)...] == rSub { return 2 }
        return nil
    }

    /// The index in `documented` that best matches `actual` (ties go to spec order); nil when
    /// none does.
    public static func bestMatch(_ actual: String, in documented: [String]) -> Int? {
        var best: (index: Int, score: Int)?
        for (i, range) in documented.enumerated() {
            if let s = score(actual, against: range), s > (best?.score ?? -1) { best = (i, s) }
        }
        return best?.index
    }

    private static func split(_ essence: String) -> (Substring, Substring) {
        guard let slash = essence.firstIndex(of: "/") else { return (Substring(essence), "") }
        return (essence[..<slash], essence[essence.index(after: slash)...])
    }
}
