import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// RFC 3339 times as session files use them: written in UTC with milliseconds
/// (`2026-11-28T10:00:00.123Z`), read leniently from foreign lines (no fraction, any
/// number of fraction digits, `Z` or a numeric offset such as `+00:00`).
///
/// Hand-written (days counted as `timegm` counts them; `gmtime_r` to format) rather than
/// DateFormatter: it is called for every line of every session file, and its output must not
/// depend on the locale.
public enum Timestamp {
    /// The `at` text of `date`: UTC, milliseconds, `Z` (times are truncated to the millisecond).
    public static func format(_ date: Date) -> String {
        let millis = wholeMilliseconds(date)
        let (seconds, fraction) = floorDivide(millis, 1000)
        let parts = utcParts(seconds)
        return pad(parts.year, 4) + "-" + pad(parts.month, 2) + "-" + pad(parts.day, 2) + "T"
            + pad(parts.hour, 2) + ":" + pad(parts.minute, 2) + ":" + pad(parts.second, 2)
            + "." + pad(Int(fraction), 3) + "Z"
    }

    /// The compact UTC stamp that starts a session file name: `yyyyMMdd'T'HHmmss'Z'`.
    public static func fileStamp(_ date: Date) -> String {
        let (seconds, _) = floorDivide(wholeMilliseconds(date), 1000)
        let parts = utcParts(seconds)
        return pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2) + "T"
            + pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2) + "Z"
    }

    /// The instant an RFC 3339 date-time names, or nil when `text` is not one.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { sinceEpoch(UnsafeRawBufferPointer($0)) }.map { Date(timeIntervalSince1970: $0) }
    }

    /// Seconds since 1970 of the RFC 3339 time at `range` of `bytes` (a JSON string's content
    /// without escapes), bit for bit `parse(text)?.timeIntervalSince1970`, for the session
    /// readers: no `String` is made, and the date is counted in days (`daysFromCivil`) rather
    /// than with `timegm`, so every line's `at` costs a few dozen instructions.
    static func seconds(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        sinceEpoch(UnsafeRawBufferPointer(rebasing: bytes[range])).map { Date(timeIntervalSince1970: $0).timeIntervalSince1970 }
    }

    /// The one parser behind `parse` and `seconds`.
    private static func sinceEpoch(_ b: UnsafeRawBufferPointer) -> Double? {
        // yyyy-MM-ddTHH:mm:ss is 19 bytes; a zone designator must follow.
        guard b.count >= 20,
              let year = digits(b, 0, 4), b[4] == UInt8(ascii: "-"),
              let month = digits(b, 5, 2), b[7] == UInt8(ascii: "-"),
              let day = digits(b, 8, 2),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let hour = digits(b, 11, 2), b[13] == UInt8(ascii: ":"),
              let minute = digits(b, 14, 2), b[16] == UInt8(ascii: ":"),
              let second = digits(b, 17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var index = 19
        var fraction = 0.0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            // Digits past nanoseconds are read but cannot change a Double's value anyway.
            var numerator = 0
            var denominator = 1
            let start = index
            while index < b.count, let digit = digit(b[index]) {
                if index - start < 9 {
                    numerator = numerator * 10 + digit
                    denominator *= 10
                }
                index += 1
            }
            if index == start { return nil }
            fraction = Double(numerator) / Double(denominator)
        }
        guard index < b.count else { return nil }
        var offsetSeconds = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard b.count == index + 6, let offsetHour = digits(b, index + 1, 2),
                  b[index + 3] == UInt8(ascii: ":"), let offsetMinute = digits(b, index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59 else { return nil }
            let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        // Second 60 (a leap second) rolls over to the next minute, as `timegm` rolls it.
        let utcSeconds = daysFromCivil(year: year, month: month, day: day) * 86_400
            + hour * 3600 + minute * 60 + second - offsetSeconds
        return Double(utcSeconds) + fraction
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar, as `timegm` counts them
    /// (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    // MARK: - Helpers

    /// A time built from whole milliseconds comes back as e.g. `…122.9998` after the Double
    /// arithmetic; the microsecond of slack keeps format(parse(x)) == x.
    private static func wholeMilliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000 + 0.001).rounded(.down))
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private struct Parts {
        var year, month, day, hour, minute, second: Int
    }

    private static func utcParts(_ seconds: Int64) -> Parts {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return Parts(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1,
                     day: Int(parts.tm_mday), hour: Int(parts.tm_hour),
                     minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    @inline(__always)
    private static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            guard let digit = digit(bytes[index]) else { return nil }
            value = value * 10 + digit
        }
        return value
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
}
