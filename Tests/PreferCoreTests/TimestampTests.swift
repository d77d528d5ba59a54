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
}
