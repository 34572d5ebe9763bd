import Foundation

/// Reads the `Retry-After` response field (RFC 9110 section 10.2.3).
public enum RetryAfter {
    /// The wait `value` asks for, measured from `now`; `nil` when it is neither form, so the
    /// caller falls back to backoff rather than trusting a value it cannot read.
    ///
    /// Both forms are accepted: delta-seconds (`120`) and an HTTP-date
    /// (`Wed, 21 Oct 2015 07:28:00 GMT`); a date already past means no wait. A delta too large
    /// for `Int64` is still a request to wait a long time, so it becomes the longest wait
    /// rather than none.
    public static func delay(_ value: String, now: Date = Date()) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return .seconds(Int64(text) ?? Int64.max)
        }
        guard let date = HTTPDate.parse(text, now: now) else { return nil }
        let interval = date.timeIntervalSince(now)
        return interval > 0 ? .seconds(interval) : .zero
    }
}

/// HTTP-date (RFC 9110 section 5.6.7), parsed by hand rather than with `DateFormatter`, which
/// is neither `Sendable` nor cheap to create, and whose parsing depends on the platform.
enum HTTPDate {
    /// The date `text` names, in any of the three formats recipients must accept:
    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
    /// `now` resolves the two-digit year of the RFC 850 form.
    static func parse(_ text: String, now: Date) -> Date? {
        let parts = text.split(separator: " ").map(String.init)
        switch parts.count {
        case 6:
            // IMF-fixdate: day-name "," SP day SP month SP year SP time SP "GMT"
            guard parts[0].hasSuffix(","), shortDays.contains(String(parts[0].dropLast())),
                  parts[5] == "GMT", let day = number(parts[1], digits: 2...2),
                  let month = monthNumber(parts[2]), let year = number(parts[3], digits: 4...4)
            else { return nil }
            return date(year: year, month: month, day: day, time: parts[4])
        case 4:
            // rfc850-date: day-name-l "," SP day "-" month "-" 2DIGIT SP time SP "GMT"
            let fields = parts[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts[0].hasSuffix(","), longDays.contains(String(parts[0].dropLast())),
                  parts[3] == "GMT", fields.count == 3, let day = number(fields[0], digits: 2...2),
                  let month = monthNumber(fields[1]), let shortYear = number(fields[2], digits: 2...2)
            else { return nil }
            return date(year: fullYear(shortYear, now: now), month: month, day: day, time: parts[2])
        case 5:
            // asctime-date: day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time SP year;
            // splitting on spaces already absorbed the padding space of a one-digit day.
            guard shortDays.contains(parts[0]), let month = monthNumber(parts[1]),
                  let day = number(parts[2], digits: 1...2), let year = number(parts[4], digits: 4...4)
            else { return nil }
            return date(year: year, month: month, day: day, time: parts[3])
        default:
            return nil
        }
    }

    private static let shortDays: Set<String> = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longDays: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The month number (1–12) of a case-sensitive three-letter name, as the grammar spells it.
    private static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name).map { $0 + 1 }
    }

    /// The value of `text` if it is only ASCII digits, as many as `digits` allows; `Int(_:)`
    /// alone would also accept a sign.
    private static func number(_ text: some StringProtocol, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.utf8.count),
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }

    /// The four-digit year of a two-digit one. RFC 9110 requires reading a year that would be
    /// more than 50 years in the future as the most recent past year with those digits.
    private static func fullYear(_ shortYear: Int, now: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let current = calendar.component(.year, from: now)
        var year = current - current % 100 + shortYear
        if year > current + 50 { year -= 100 }
        return year
    }

    /// The instant of a UTC date and an `HH:MM:SS` time; `nil` if any part is out of range.
    private static func date(year: Int, month: Int, day: Int, time: String) -> Date? {
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, let hour = number(clock[0], digits: 2...2),
              let minute = number(clock[1], digits: 2...2), let second = number(clock[2], digits: 2...2),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`),
    /// computed directly so the result cannot depend on a calendar's time zone or locale.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
