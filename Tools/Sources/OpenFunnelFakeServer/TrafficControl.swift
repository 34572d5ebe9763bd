/// What reached the server, and the faults scripted for what comes next.
actor TrafficControl {
    private var counts: [FakeOperation: Int] = [:]
    private var unrouted = 0
    private var faults: [FakeOperation: [FakeFault]] = [:]

    /// Records a request to `operation` (nil: matching none) and returns the fault it must
    /// suffer, if one is queued.
    func arrived(_ operation: FakeOperation?) -> FakeFault? {
        guard let operation else {
            unrouted += 1
            return nil
        }
        counts[operation, default: 0] += 1
        guard var queue = faults[operation], !queue.isEmpty else { return nil }
        let fault = queue.removeFirst()
        faults[operation] = queue
        return fault
    }

    /// Queues `fault` for the next `times` requests to `operation`, after those already queued.
    func inject(_ fault: FakeFault, times: Int, into operation: FakeOperation) {
        faults[operation, default: []] += Array(repeating: fault, count: max(0, times))
    }

    /// Drops every queued fault.
    func clearFaults() {
        faults = [:]
    }

    /// Faults queued and not yet used for `operation`.
    func pendingFaults(for operation: FakeOperation) -> Int {
        faults[operation]?.count ?? 0
    }

    /// Requests that reached `operation`, faulted ones included.
    func count(for operation: FakeOperation) -> Int {
        counts[operation] ?? 0
    }

    /// Every request received, including those that matched no operation.
    var total: Int {
        counts.values.reduce(unrouted, +)
    }

    /// Forgets the counts, e.g. after a test's setup traffic.
    func resetCounts() {
        counts = [:]
        unrouted = 0
    }
}
