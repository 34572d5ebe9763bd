/// How rows are written.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON object per line, keys as the API names them.
    case jsonl
    /// Aligned, truncated columns for reading in a terminal.
    case table

    /// The format for a file name's extension (`.csv`, `.jsonl`/`.ndjson`), if it names one.
    public static func inferred(fromPath path: String) -> OutputFormat? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") { return .csv }
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonl }
        return nil
    }
}

/// Turns a stream of rows into text in one format: what to write before the first row, for each
/// row, and at the end.
public struct RowRenderer<Row: TabularRow> {
    private enum State {
        case csv
        case jsonl(JSONLinesFormatter)
        case table(TableFormatter)
    }

    private var state: State

    /// `terminalWidth` narrows tables to fit; nil leaves columns at their capped widths.
    public init(format: OutputFormat, terminalWidth: Int? = nil) {
        switch format {
        case .csv: state = .csv
        case .jsonl: state = .jsonl(JSONLinesFormatter())
        case .table: state = .table(TableFormatter(columns: Row.columns, totalWidth: terminalWidth))
        }
    }

    /// Written before any row: the CSV header.
    public func begin() -> String {
        if case .csv = state { return CSVFormatter.record(Row.columns) }
        return ""
    }

    /// The text for one row (for tables, possibly held back to size the columns).
    public mutating func render(_ row: Row) throws -> String {
        switch state {
        case .csv: return CSVFormatter.record(row.cells)
        case .jsonl(let formatter): return try formatter.line(row)
        case .table(var table):
            let text = table.add(row.cells)
            state = .table(table)
            return text
        }
    }

    /// Written after the last row: a table's held-back rows.
    public mutating func finish() -> String {
        guard case .table(var table) = state else { return "" }
        let text = table.finish()
        state = .table(table)
        return text
    }
}
