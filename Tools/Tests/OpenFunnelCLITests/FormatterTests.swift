import Foundation
import OpenFunnel
@testable import OpenFunnelCLI
import OpenFunnelJobs
import Testing

@Suite struct CSVFormatterTests {
    @Test func plainFieldsAreWrittenAsTheyAre() {
        #expect(CSVFormatter.field("Acme") == "Acme")
        #expect(CSVFormatter.field("San Francisco United States") == "San Francisco United States")
        #expect(CSVFormatter.field(" padded ") == " padded ")
    }

    @Test func nilIsAnEmptyField() {
        #expect(CSVFormatter.field(nil) == "")
        #expect(CSVFormatter.record(["a", nil, "c"]) == "a,,c\r\n")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSVFormatter.field("San Francisco, United States") == "\"San Francisco, United States\"")
        #expect(CSVFormatter.field("an \"observability platform\"") == "\"an \"\"observability platform\"\"\"")
        #expect(CSVFormatter.field("line one\nline two") == "\"line one\nline two\"")
        #expect(CSVFormatter.field("cr\r") == "\"cr\r\"")
        #expect(CSVFormatter.field("\"") == "\"\"\"\"")
    }

    @Test func unicodeIsKeptVerbatim() {
        #expect(CSVFormatter.field("Zürich, Schweiz 🇨🇭") == "\"Zürich, Schweiz 🇨🇭\"")
        #expect(CSVFormatter.field("東京") == "東京")
    }

    @Test func recordsEndInCRLF() {
        #expect(CSVFormatter.record(["name", "domain"]) == "name,domain\r\n")
        #expect(CSVFormatter.record([]) == "\r\n")
    }

    @Test func aLookalikeRowInSpecOrder() {
        let row = BulkLookalikeResultRow(name: "Acme", domain: "acme.com", linkedinURL: nil, headquarters: "SF, US",
                                         matchReason: "Says \"voice\"", employeeCount: 120)
        #expect(CSVFormatter.record(BulkLookalikeResultRow.columns)
            == "name,domain,linkedin_url,headquarters,match_reason,employee_count\r\n")
        #expect(CSVFormatter.record(row.cells) == "Acme,acme.com,,\"SF, US\",\"Says \"\"voice\"\"\",120\r\n")
    }
}

@Suite struct TabularRowTests {
    /// Every key the row's JSON has (nested objects flattened with dots) is a column, and
    /// nothing else is.
    private func flattenedKeys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONCoding.encode(value)) as! [String: Any]
        func walk(_ object: [String: Any], _ prefix: String) -> [String] {
            object.flatMap { key, value -> [String] in
                if let nested = value as? [String: Any] { return walk(nested, prefix + key + ".") }
                return [prefix + key]
            }
        }
        return Set(walk(object, ""))
    }

    @Test func lookalikeColumnsAreTheWireNames() throws {
        let row = BulkLookalikeResultRow(name: "a", domain: "b", linkedinURL: "c", headquarters: "d", matchReason: "e", employeeCount: 1)
        #expect(try flattenedKeys(row) == Set(BulkLookalikeResultRow.columns))
        #expect(row.cells.count == BulkLookalikeResultRow.columns.count)
    }

    @Test func techIntentColumnsFlattenTheIntent() throws {
        let date = DateTime(Date(timeIntervalSince1970: 1_750_000_000))
        let row = TechIntentResultRow(
            companySlug: "a", companyName: "b", postCount: 2, firstPostedAt: date, lastPostedAt: date, enriched: true,
            website: "w", linkedinURL: "l", employeeCount: 3, hqCountryCode: "USA", fundingStage: "Seed",
            intent: TechIntentVerdict(activity: "x", reason: "y",
                                      qualifiedJob: TechIntentQualifiedJob(title: "t", url: "u", created: date, snippet: "s")))
        #expect(try flattenedKeys(row) == Set(TechIntentResultRow.columns))
        #expect(TechIntentResultRow.columns.contains("intent.reason"))
        #expect(TechIntentResultRow.columns.contains("intent.qualified_job.title"))
        let cells = Dictionary(uniqueKeysWithValues: zip(TechIntentResultRow.columns, row.cells))
        #expect(cells["intent.qualified_job.title"] == "t")
        #expect(cells["last_posted_at"] == RFC3339.string(from: date.date))
        #expect(cells["enriched"] == "true")
    }

    @Test func aMissingIntentLeavesItsColumnsEmpty() {
        let row = TechIntentResultRow(companySlug: "a")
        let cells = Dictionary(uniqueKeysWithValues: zip(TechIntentResultRow.columns, row.cells))
        #expect(cells["intent.reason"]! == nil)
        #expect(CSVFormatter.record(row.cells) == "a,,,,,false" + String(repeating: ",", count: 11) + "\r\n")
    }
}

@Suite struct JSONLinesFormatterTests {
    @Test func oneObjectPerLineWithWireNames() throws {
        let row = BulkLookalikeResultRow(name: "Acme", domain: "acme.com", linkedinURL: "https://x/y", matchReason: "a\nb",
                                         employeeCount: 120)
        let line = try JSONLinesFormatter().line(row)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        #expect(line == #"{"domain":"acme.com","employee_count":120,"linkedin_url":"https://x/y","match_reason":"a\nb","name":"Acme"}"# + "\n")
    }

    @Test func nestedIntentStaysNested() throws {
        let row = TechIntentResultRow(companySlug: "a", intent: TechIntentVerdict(reason: "r", qualifiedJob: TechIntentQualifiedJob(title: "t")))
        let line = try JSONLinesFormatter().line(row)
        #expect(line.contains(#""intent":{"qualified_job":{"title":"t"},"reason":"r"}"#))
        let decoded = try JSONCoding.decode(TechIntentResultRow.self, from: Data(line.utf8))
        #expect(decoded == row)
    }
}

@Suite struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("Zürich") == 6)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    }

    @Test func truncationEndsInAnEllipsisAndRespectsWideCharacters() {
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("exactly10!", to: 10) == "exactly10!")
        #expect(DisplayWidth.truncate("a longer text", to: 6) == "a lon…")
        #expect(DisplayWidth.truncate("東京都庁", to: 6) == "東京…")  // 4 + 1 cells; a third ideograph wouldn't fit
        #expect(DisplayWidth.of(DisplayWidth.truncate("東京都庁", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func padding() {
        #expect(DisplayWidth.pad("東", to: 4) == "東  ")
        #expect(DisplayWidth.pad("abcdef", to: 4) == "abcdef")
    }
}

@Suite struct TableFormatterTests {
    @Test func columnsAreAlignedUnderAHeader() {
        var table = TableFormatter(columns: ["name", "employee_count"], sampleSize: 10)
        #expect(table.add(["Acme", "120"]).isEmpty)  // held back to size the columns
        #expect(table.add(["Globex Corporation", nil]).isEmpty)
        let text = table.finish()
        #expect(text == """
            name                employee_count
            ------------------  --------------
            Acme                120
            Globex Corporation

            """)
    }

    @Test func longCellsAreTruncatedAndLineBreaksFlattened() {
        var table = TableFormatter(columns: ["name", "reason"], maxColumnWidth: 12, sampleSize: 10)
        _ = table.add(["Acme", "Describes itself as an observability platform"])
        _ = table.add(["Two\nlines", "tab\there"])
        let lines = table.finish().split(separator: "\n").map(String.init)
        #expect(lines[2] == "Acme" + String(repeating: " ", count: 5 + 2) + "Describes i…")
        #expect(lines[3].hasPrefix("Two lines"))
        #expect(lines[3].hasSuffix("tab here"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 9 + 2 + 12 })
    }

    @Test func wideCharactersKeepColumnsAligned() {
        var table = TableFormatter(columns: ["city", "n"], sampleSize: 10)
        _ = table.add(["東京", "1"])
        _ = table.add(["Paris", "2"])
        let lines = table.finish().split(separator: "\n").map(String.init)
        // "n" starts in the same terminal column on every line.
        let offsets = lines.map { DisplayWidth.of($0) - DisplayWidth.of($0.split(separator: " ").last ?? "") }
        #expect(Set(offsets).count == 1)
    }

    @Test func theTableShrinksToTheTerminal() {
        var table = TableFormatter(columns: ["a", "b", "c"], maxColumnWidth: 40, totalWidth: 30, sampleSize: 10)
        _ = table.add([String(repeating: "x", count: 40), String(repeating: "y", count: 40), "z"])
        let lines = table.finish().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines[2].contains("…"))
    }

    @Test func rowsAfterTheSampleUseItsWidths() {
        var table = TableFormatter(columns: ["name"], sampleSize: 2)
        #expect(table.add(["ab"]).isEmpty)
        let first = table.add(["cd"])
        #expect(first == "name\n----\nab\ncd\n")
        #expect(table.add(["a much longer name"]) == "a m…\n")
        #expect(table.finish().isEmpty)
    }

    @Test func anEmptyTableIsItsHeader() {
        var table = TableFormatter(columns: ["name", "domain"])
        #expect(table.finish() == "name  domain\n----  ------\n")
    }
}

@Suite struct RowRendererTests {
    @Test func csvStartsWithTheHeader() throws {
        var renderer = RowRenderer<BulkLookalikeResultRow>(format: .csv)
        var text = renderer.begin()
        text += try renderer.render(BulkLookalikeResultRow(name: "A"))
        text += renderer.finish()
        #expect(text == "name,domain,linkedin_url,headquarters,match_reason,employee_count\r\nA,,,,,\r\n")
    }

    @Test func formatsInferredFromFileNames() {
        #expect(OutputFormat.inferred(fromPath: "out/companies.CSV") == .csv)
        #expect(OutputFormat.inferred(fromPath: "x.jsonl") == .jsonl)
        #expect(OutputFormat.inferred(fromPath: "x.ndjson") == .jsonl)
        #expect(OutputFormat.inferred(fromPath: "x.txt") == nil)
    }
}

@Suite struct ProgressReporterTests {
    private func progress(_ status: JobStatus, _ processed: Int?, _ limit: Int?, _ message: String? = "qualifying_companies") -> JobProgress {
        JobProgress(jobID: "j", status: status, processed: processed, limit: limit, message: message)
    }

    @Test func barAndPlainLines() {
        #expect(ProgressReporter.bar(progress(.running, 1200, 2000), width: 10) == "[######----] 1200/2000 qualifying_companies")
        #expect(ProgressReporter.plain(progress(.running, 1200, 2000)) == "status: running 1200/2000 qualifying_companies")
        #expect(ProgressReporter.bar(progress(.pending, nil, 2000, nil), width: 4) == "[----] pending")
        #expect(ProgressReporter.plain(progress(.running, 300, nil)) == "status: running 300 qualifying_companies")
        #expect(ProgressReporter.bar(progress(.completed, 2000, 2000, "completed"), width: 4) == "[####] 2000/2000 completed")
        #expect(ProgressReporter.bar(progress(.running, 5000, 2000), width: 4).hasPrefix("[####]"))
    }

    @Test func plainLinesOnlyWhenSomethingChanged() {
        let sink = MemorySink()
        let reporter = ProgressReporter(sink: sink, isTerminal: false)
        reporter.update(progress(.pending, nil, 10, nil))
        reporter.update(progress(.pending, nil, 10, nil))
        reporter.update(progress(.running, 4, 10))
        reporter.update(progress(.running, 4, 10))
        reporter.update(progress(.completed, 10, 10, "completed"))
        reporter.finish()
        #expect(sink.lines == ["status: pending", "status: running 4/10 qualifying_companies", "status: completed 10/10"])
    }

    @Test func onATerminalTheBarIsRedrawnInPlace() {
        let sink = MemorySink()
        let reporter = ProgressReporter(sink: sink, isTerminal: true, barWidth: 4)
        reporter.update(progress(.running, 1, 4))
        reporter.update(progress(.running, 2, 4))
        reporter.withBarErased { try? sink.write("row\n") }
        reporter.update(progress(.completed, 4, 4, "completed"))
        reporter.update(progress(.completed, 4, 4, "completed"))
        #expect(sink.text == "\r[#---] 1/4 qualifying_companies\u{1B}[K\r[##--] 2/4 qualifying_companies\u{1B}[K"
            + "\r\u{1B}[Krow\n" + "\r[####] 4/4 completed\u{1B}[K\n")
    }
}
