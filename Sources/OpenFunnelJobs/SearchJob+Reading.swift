import OpenFunnel

extension SearchJob {
    /// Waits for the end, then reads every page. Returns the terminal poll.
    func readCompleted(into sink: RowSink<Kind.Row>, progress: (@Sendable (JobProgress) -> Void)?) async throws -> Page {
        let first = try await wait(progress: progress)
        try sink.yield(first.rows)
        guard let next = first.nextCursor else { return first }
        if let manifest = first.manifest, let pages = Kind.pageCount(of: manifest), pages > 1,
           let names = PageNames(first: first.page, next: next), pageConcurrency > 1
        {
            try await readConcurrently(pages: 1..<pages, names: names, into: sink, previous: first)
        } else {
            var seen: Set<String> = [first.page ?? ""]
            try await readSequentially(from: next, seen: &seen, into: sink)
        }
        return first
    }

    /// Follows `next_cursor` page by page.
    func readSequentially(from cursor: String, seen: inout Set<String>, into sink: RowSink<Kind.Row>) async throws {
        var cursor: String? = cursor
        while let current = cursor {
            guard seen.insert(current).inserted else { throw JobError.repeatedCursor(jobID: jobID, cursor: current) }
            try Task.checkCancellation()
            let page = try await poll(cursor: current)
            try sink.yield(page.rows)
            cursor = page.nextCursor
        }
    }

    /// Fetches pages `pageConcurrency` at a time and yields them in order. The cursors come from
    /// the page naming the server uses (`page_0000`, `page_0001`, …); each page must come back
    /// under the name asked for, otherwise reading falls back to following `next_cursor`.
    func readConcurrently(pages: Range<Int>, names: PageNames, into sink: RowSink<Kind.Row>, previous first: Page) async throws {
        var lastVerified = first
        var seen: Set<String> = [first.page ?? ""]
        let fellBack: String? = try await withThrowingTaskGroup(of: (Int, Page).self) { group in
            var nextToStart = pages.lowerBound
            var nextToYield = pages.lowerBound
            var buffered: [Int: Page] = [:]
            func start() {
                guard nextToStart < pages.upperBound else { return }
                let index = nextToStart
                let cursor = names.name(index)
                nextToStart += 1
                group.addTask { (index, try await self.poll(cursor: cursor)) }
            }
            for _ in 0..<pageConcurrency { start() }
            while let (index, page) = try await group.next() {
                buffered[index] = page
                while let ready = buffered.removeValue(forKey: nextToYield) {
                    let expected = names.name(nextToYield)
                    guard ready.page == nil || ready.page == expected, lastVerified.nextCursor == expected else {
                        group.cancelAll()
                        return lastVerified.nextCursor
                    }
                    seen.insert(expected)
                    try sink.yield(ready.rows)
                    lastVerified = ready
                    nextToYield += 1
                }
                start()
            }
            // The manifest's count may lag the pages; whatever follows is read one by one.
            return lastVerified.nextCursor
        }
        if let cursor = fellBack {
            try await readSequentially(from: cursor, seen: &seen, into: sink)
        }
    }

    /// Reads pages as the job writes them. When the last page has no `next_cursor` and the job
    /// still runs, that page is polled again after the polling interval: it reports the new status
    /// and, once written, the next cursor. Rows already yielded are not yielded again.
    func streamWhileRunning(into sink: RowSink<Kind.Row>, progress: (@Sendable (JobProgress) -> Void)?) async throws -> Page {
        let start = polling.now()
        var cursor: String?
        var yieldedFromCurrent = 0
        var consumed = Set<String>()
        var idlePolls = 0
        while true {
            try Task.checkCancellation()
            let page = try await poll(cursor: cursor)
            progress?(JobProgress(jobID: jobID, status: page.status, processed: page.processed, limit: limit, message: page.progressMessage))
            if page.rows.count > yieldedFromCurrent {
                try sink.yield(Array(page.rows[yieldedFromCurrent...]))
                yieldedFromCurrent = page.rows.count
            }
            if let next = page.nextCursor {
                if let current = cursor ?? page.page { consumed.insert(current) }
                guard !consumed.contains(next), next != cursor else { throw JobError.repeatedCursor(jobID: jobID, cursor: next) }
                cursor = next
                yieldedFromCurrent = 0
                idlePolls = 0
                continue
            }
            if page.status.isTerminal { return page }
            if let deadline = polling.deadline, polling.now() - start >= deadline {
                throw JobError.deadlineExceeded(jobID: jobID, lastStatus: page.status)
            }
            try await polling.sleep(polling.interval(after: idlePolls))
            idlePolls += 1
        }
    }
}

/// The server's page naming, `page_0003`: a prefix and a zero-padded number. Derived from the
/// first page's name and its next cursor, and only trusted when the two agree.
struct PageNames: Sendable {
    let prefix: String
    let width: Int

    init?(first: String?, next: String) {
        guard let (prefix, number, width) = Self.split(next), number == 1 else { return nil }
        if let first {
            guard let (firstPrefix, firstNumber, _) = Self.split(first), firstPrefix == prefix, firstNumber == 0 else { return nil }
        }
        self.prefix = prefix
        self.width = width
    }

    func name(_ index: Int) -> String {
        let digits = String(index)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func split(_ name: String) -> (String, Int, Int)? {
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(String(digits.reversed())) else { return nil }
        return (String(name.dropLast(digits.count)), number, digits.count)
    }
}
