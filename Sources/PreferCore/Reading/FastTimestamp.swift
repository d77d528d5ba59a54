import Foundation

/// `Timestamp.parse` for the one shape `prefer label` writes, `yyyy-MM-ddTHH:mm:ss.SSSZ`,
/// without making a `String` or calling `timegm`; any other shape goes to `Timestamp.parse`.
enum FastTimestamp {
    /// Seconds since 1970, bit for bit what `Timestamp.parse(text)?.timeIntervalSince1970` gives,
    /// or nil when the text is not a valid RFC 3339 time.
    static func seconds(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        if range.count == 24, let fast = canonical(UnsafeRawBufferPointer(rebasing: bytes[range])) { return fast }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return Timestamp.parse(text)?.timeIntervalSince1970
    }

    private static func canonical(_ b: UnsafeRawBufferPointer) -> Double? {
        @inline(__always) func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for k in start..<(start + count) {
                let d = b[k]
                guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(d - UInt8(ascii: "0"))
            }
            return value
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "."),
              b[23] == UInt8(ascii: "Z"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              let millis = number(20, 3)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        // The same two Doubles added as in Timestamp.parse (fraction = numerator/denominator),
        // and the same round trip through Date, which stores seconds since 2001.
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / Double(1000)).timeIntervalSince1970
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
