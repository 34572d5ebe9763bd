/// Aligned columns for a terminal.
///
/// Widths come from the header and the first `sampleSize` rows, which are held back until then
/// (or until ``finish()``); each column is at most `maxColumnWidth` cells, and when `totalWidth`
/// is known the widest columns give way until the table fits. Longer cells are cut with `…`;
/// line breaks and tabs inside cells become spaces. Later rows use the same widths, so rows can
/// be printed as they arrive.
public struct TableFormatter {
    public let columns: [String]
    public let maxColumnWidth: Int
    public let totalWidth: Int?
    public let sampleSize: Int
    /// The narrowest a column is squeezed to when the table must fit `totalWidth`.
    public static let minColumnWidth = 6
    static let separator = "  "

    private var sample: [[String]] = []
    private var widths: [Int]?

    public init(columns: [String], maxColumnWidth: Int = 40, totalWidth: Int? = nil, sampleSize: Int = 50) {
        self.columns = columns
        self.maxColumnWidth = max(Self.minColumnWidth, maxColumnWidth)
        self.totalWidth = totalWidth
        self.sampleSize = max(1, sampleSize)
    }

    /// Adds a row; returns the text to print now (empty while the sample is being collected).
    public mutating func add(_ cells: [String?]) -> String {
        let row = columns.indices.map { Self.clean($0 < cells.count ? cells[$0] ?? "" : "") }
        if let widths { return Self.line(row, widths) }
        sample.append(row)
        return sample.count >= sampleSize ? flushSample() : ""
    }

    /// Whatever is still held back (the header and sampled rows, when fewer than `sampleSize`
    /// rows came); empty once everything was printed.
    public mutating func finish() -> String {
        widths == nil ? flushSample() : ""
    }

    private mutating func flushSample() -> String {
        let widths = Self.layout(columns: columns, rows: sample, maxColumnWidth: maxColumnWidth, totalWidth: totalWidth)
        self.widths = widths
        var text = Self.line(columns, widths)
        text += Self.line(widths.map { String(repeating: "-", count: $0) }, widths)
        for row in sample { text += Self.line(row, widths) }
        sample = []
        return text
    }

    /// Column widths: the widest of header and cells, capped, then shrunk to fit.
    static func layout(columns: [String], rows: [[String]], maxColumnWidth: Int, totalWidth: Int?) -> [Int] {
        var widths = columns.indices.map { index in
            let cellWidth = rows.map { DisplayWidth.of($0[index]) }.max() ?? 0
            return min(maxColumnWidth, max(DisplayWidth.of(columns[index]), cellWidth, 1))
        }
        if let totalWidth {
            let separators = separator.count * max(0, columns.count - 1)
            while widths.reduce(0, +) + separators > totalWidth,
                  let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > minColumnWidth
            {
                widths[widest] -= 1
            }
        }
        return widths
    }

    static func line(_ cells: [String], _ widths: [Int]) -> String {
        let padded = zip(cells, widths).map { DisplayWidth.pad(DisplayWidth.truncate($0, to: $1), to: $1) }
        var text = padded.joined(separator: separator)
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }

    /// A cell on one line: control characters (line breaks, tabs) become spaces.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for character in text {
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                if result.last != " " { result.append(" ") }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
