/// Result pages are named `page_0000`, `page_0001`, …: the cursor a client passes back is the
/// name of the page it wants.
enum PageCursor {
    static func name(_ index: Int) -> String {
        let digits = String(index)
        return "page_" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The page a cursor names: 0 for none (the first page), nil for text that names no page.
    static func index(of cursor: String?) -> Int? {
        guard let cursor else { return 0 }
        guard cursor.hasPrefix("page_") else { return nil }
        let digits = cursor.dropFirst(5)
        guard digits.count >= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
