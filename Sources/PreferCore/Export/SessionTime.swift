import Foundation

/// `Timestamp.parse` for the one shape `prefer label` writes, `yyyy-MM-ddTHH:mm:ss.SSSZ`,
/// read from the bytes with calendar arithmetic instead of `timegm`; every other shape (and
/// a leap second) is left to `Timestamp.parse`. A differential test holds the two equal.
enum SessionTime {
    /// Seconds since 1970 of `bytes` (24 bytes between the quotes), or nil for another shape.
    static func seconds(_ p: UnsafeRawBufferPointer) -> Double? {
        guard p.count == 24, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"), p[10] == UInt8(ascii: "T"),
              p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":"), p[19] == UInt8(ascii: "."),
              p[23] == UInt8(ascii: "Z"),
              let year = number(p, 0, 4), let month = number(p, 5, 2), let day = number(p, 8, 2),
              let hour = number(p, 11, 2), let minute = number(p, 14, 2), let second = number(p, 17, 2),
              let millis = number(p, 20, 3),
              (1...12).contains(month), day >= 1, day <= daysIn(month, year), hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let days = daysFromCivil(year, month, day)
        let whole = days * 86_400 + hour * 3600 + minute * 60 + second
        // The same arithmetic as `Timestamp.parse`: whole seconds plus the fraction as n / 1000.
        return Double(whole) + Double(millis) / Double(1000)
    }

    private static func number(_ p: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for k in start..<(start + count) {
            let digit = Int(p[k]) - 0x30
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date: count whole 400-year eras
    /// from year 0 (with the year starting in March, so the leap day falls at its end).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
