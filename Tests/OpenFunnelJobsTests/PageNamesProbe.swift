@testable import OpenFunnelJobs

enum PageNamesProbe {
    static func derive(first: String?, next: String) -> [String]? {
        guard let names = PageNames(first: first, next: next) else { return nil }
        return [names.name(0), names.name(1), names.name(12)]
    }
}
