import Foundation

/// RFC 3339 `date-time` text, the wire form of OpenAPI `format: date-time`.
///
/// Hand-written instead of using `ISO8601DateFormatter` because that class is not safe to
/// share between tasks and a single formatter cannot accept timestamps both with and without
/// fractional seconds; the arithmetic below is pure and needs neither a calendar nor a lock.
public enum RFC3339 {
    /// Formats `date` in UTC with a `Z` suffix, adding milliseconds only when they are not
    /// zero: `2026-05-28T17:05:00Z`, `2026-05-28T17:05:00.123Z`.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = interval.rounded(.down)
        var milliseconds = Int(((interval - seconds) * 1000).rounded())
        if milliseconds == 1000 {
            seconds += 1
            milliseconds = 0
        }
        let total = Int64(seconds)
        let days = floorDivide(total, 86_400)
        let secondOfDay = Int(total - days * 86_400)
        let (year, month, day) = civil(fromDays: days)

        var text = pad(Int(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2)
        text += ":" + pad(secondOfDay % 60, 2)
        if milliseconds != 0 {
            text += "." + pad(milliseconds, 3)
        }
        return text + "Z"
    }

    /// Parses an RFC 3339 `date-time`, with or without fractional seconds and with `Z` or a
    /// numeric offset (`+02:00`); returns `nil` for anything else.
    ///
    /// Lower-case `t`/`z` and a space separator are accepted because RFC 3339 allows them.
    /// Digits of the fraction beyond nanoseconds are ignored; a leap second (`:60`) counts as
    /// the first second of the next minute, the best a `Date` can represent.
    public static func date(from text: String) -> Date? {
        var scanner = FieldScanner(bytes: Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2)
        else { return nil }

        var nanoseconds = 0
        if scanner.skip(".") {
            var digitCount = 0
            while let digit = scanner.number(digits: 1) {
                if digitCount < 9 {
                    nanoseconds = nanoseconds * 10 + digit
                }
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
            for _ in digitCount..<max(digitCount, 9) {
                nanoseconds *= 10
            }
        }

        var offsetSeconds = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.skip("+") {
                sign = 1
            } else if scanner.skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let offsetHours = scanner.number(digits: 2), scanner.skip(":"),
                  let offsetMinutes = scanner.number(digits: 2),
                  offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }

        guard scanner.isAtEnd,
              (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }

        let days = daysSinceEpoch(year: Int64(year), month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9)
    }

    // MARK: - Calendar arithmetic
    //
    // Proleptic Gregorian day counting after Howard Hinnant's `days_from_civil` and
    // `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html): exact for every
    // year and free of time-zone or locale state.

    private static func daysSinceEpoch(year: Int64, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Reads fixed-width fields from ASCII bytes.
    private struct FieldScanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var isAtEnd: Bool { index == bytes.count }

        /// Consumes exactly `digits` ASCII digits and returns their value.
        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }

        /// Consumes `character` if it is next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
    }
}
