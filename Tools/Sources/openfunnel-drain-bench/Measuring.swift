import Foundation

/// Wall and processor time of one stretch of work in this process (client and fake server
/// both, as they share it).
struct Stopwatch {
    private let wall = ContinuousClock.now
    private let cpu = Stopwatch.processorTime()

    /// Seconds since the watch started: wall clock, and user + system time of the process.
    func read() -> (wall: Double, cpu: Double) {
        (seconds(ContinuousClock.now - wall), Stopwatch.processorTime() - cpu)
    }

    private static func processorTime() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}
