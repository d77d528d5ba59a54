import Foundation
import XCTest
@testable import PreferCore

final class TimestampTests: XCTestCase {
    func testFormatIsUTCWithMillisecondsAndZ() {
        XCTAssertEqual(Timestamp.format(sessionTestNow), "2026-11-28T10:00:00.123Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 951_782_400.5)), "2000-02-29T00:00:00.500Z")
    }

    func testFileStampIsCompactUTCSeconds() {
        XCTAssertEqual(Timestamp.fileStamp(sessionTestNow), "20261128T100000Z")
    }

    func testFormatThenParseIsExactForEveryMillisecondOfASecond() {
        for millis in 0..<1000 {
            let date = Date(timeIntervalSince1970: 1_795_860_000 + Double(millis) / 1000)
            let text = Timestamp.format(date)
            XCTAssertEqual(Timestamp.parse(text).map(Timestamp.format), text)
        }
    }

    func testForeignFormsWithoutFractionOrWithOffsetsNameTheSameInstant() {
        let expected = Date(timeIntervalSince1970: 1_795_860_000)
        XCTAssertEqual(Timestamp.parse("2026-11-28T10:00:00Z"), expected)
        XCTAssertEqual(Timestamp.parse("2026-11-28T10:00:00+00:00"), expected)
        XCTAssertEqual(Timestamp.parse("2026-11-28T12:30:00+02:30"), expected)
        XCTAssertEqual(Timestamp.parse("2026-11-28T05:00:00-05:00"), expected)
        XCTAssertEqual(Timestamp.parse("2026-11-28t10:00:00z"), expected)
        XCTAssertEqual(Timestamp.parse("2026-11-28T10:00:00.250000Z"), Date(timeIntervalSince1970: 1_795_860_000.25))
    }

    func testMalformedTimesAreRejected() {
        for text in ["", "2026-11-28", "2026-11-28T10:00:00", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
                     "2026-11-28 10:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T10:00:00.Z",
                     "2026-11-28T10:00:00+0000", "2026-11-28T10:00:00Zjunk", "２026-11-28T10:00:00Z"] {
            XCTAssertNil(Timestamp.parse(text), text)
        }
        XCTAssertNotNil(Timestamp.parse("2024-02-29T00:00:00Z"))
    }

    /// The instant as the parser computed it before it counted days itself: `timegm` (libc's
    /// calendar, independent of ours), minus the zone offset, plus the fraction, through `Date`.
    private static func libcInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                                    fraction: (Int, Int), offset: Int) -> Double {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = Int(timegm(&parts)) - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(fraction.0) / Double(fraction.1)).timeIntervalSince1970
    }

    /// Both ways in (`parse` of a String, `seconds` of the bytes of a session line) give, bit for
    /// bit, the instant libc's `timegm` gives, for random times in every accepted shape: with 0–9
    /// fraction digits, `Z`/`z`/numeric offsets, leap seconds, years 0001–9999.
    func testEveryShapeReadsBitForBitAsLibcTimegmGivesIt() {
        var rng = Xoshiro256StarStar(seed: 13)
        func below(_ n: Int) -> Int { Int(rng.below(UInt64(n))) }
        for round in 0..<20_000 {
            let year = round % 4 == 0 ? 1 + below(9999) : 1900 + below(300)
            let month = 1 + below(12), day = 1 + below(28), hour = below(24), minute = below(60), second = below(61)
            let digits = round % 3 == 0 ? 3 : below(10)
            var scale = 1
            for _ in 0..<digits { scale *= 10 }
            let numerator = below(scale)
            var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
            if digits > 0 { text += "." + String(format: "%0\(digits)d", numerator) }
            var offset = 0
            switch below(4) {
            case 0: text += "z"
            case 1:
                let h = below(24), m = below(60), sign = below(2) == 0 ? 1 : -1
                offset = sign * (h * 3600 + m * 60)
                text += String(format: "%@%02d:%02d", sign < 0 ? "-" : "+", h, m)
            default: text += "Z"
            }
            let expected = Self.libcInstant(year, month, day, hour, minute, second, fraction: (numerator, scale), offset: offset)
            XCTAssertEqual(Timestamp.parse(text)?.timeIntervalSince1970, expected, text)
            let quoted = Array(("\"" + text + "\"").utf8)
            XCTAssertEqual(quoted.withUnsafeBytes { Timestamp.seconds($0, 1..<($0.count - 1)) }, expected, text)
        }
        for bad in ["2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-01-01T24:00:00.000Z"] {
            XCTAssertNil(Array(bad.utf8).withUnsafeBytes { Timestamp.seconds($0, 0..<$0.count) }, bad)
        }
    }
}
