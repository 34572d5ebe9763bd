import Foundation

extension FakeFault {
    /// A `Retry-After` value (RFC 9110 section 10.2.3), in either of its forms.
    public enum RetryAfter: Sendable, Hashable {
        /// Delta-seconds, e.g. `Retry-After: 2`.
        case seconds(Int)
        /// An IMF-fixdate, e.g. `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` (whole seconds).
        case date(Date)

        /// The field value as sent.
        public var headerValue: String {
            switch self {
            case .seconds(let seconds): return String(seconds)
            case .date(let date): return IMFFixdate.string(from: date)
            }
        }
    }
}

/// Formats IMF-fixdate by hand: `DateFormatter` is locale-dependent and not `Sendable`.
enum IMFFixdate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String {
            let text = String(value ?? 0)
            return text.count < 2 ? "0" + text : text
        }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
    }
}
