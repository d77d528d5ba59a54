import XCTest
@testable import PreferTUI

/// Widths checked against glibc 2.36 `wcwidth` in `C.UTF-8` (a throwaway C program) and
/// the Python `wcwidth` 0.7.0 package; where the two differ we follow glibc, because
/// ncurses measures with it.
final class DisplayWidthTests: XCTestCase {
    private func width(_ value: UInt32) -> Int {
        DisplayWidth.of(Unicode.Scalar(value)!)
    }

    func testWidthsAgreeWithGlibcAndPythonWcwidth() {
        // Same value in glibc and wcwidth 0.7.0.
        let agreed: [(UInt32, Int)] = [
            (0x61, 1), (0xE9, 1), (0x301, 0), (0x4E16, 2), (0xFF01, 2), (0x3000, 2), (0x1F600, 2),
            (0x263A, 1), (0x231A, 2), (0x2764, 1), (0x1F3FD, 2), (0x1160, 0), (0xAC00, 2), (0xE31, 0),
            (0x20E3, 0), (0xFE0F, 0), (0x1F46A, 2), (0x20000, 2), (0x4DC0, 2), (0x1F90C, 2), (0x2E80, 2),
            (0x1F004, 2), (0x30A2, 2), (0xFF61, 1), (0x5E, 1), (0xE000, 1), (0x10FFFD, 1),
        ]
        for (value, expected) in agreed {
            XCTAssertEqual(width(value), expected, "U+\(String(value, radix: 16))")
        }
    }

    func testWhereReferencesDisagreeGlibcWins() {
        // glibc 1, wcwidth 0.7.0 2: a lone regional indicator (a pair is a 2-column flag).
        XCTAssertEqual(width(0x1F1E6), 1)
        // glibc 1, wcwidth 0.7.0 0: a spacing combining mark (Devanagari visarga).
        XCTAssertEqual(width(0x903), 1)
        // glibc 2, wcwidth 0.7.0 1: circled number ten on black square.
        XCTAssertEqual(width(0x3248), 2)
    }

    func testEmojiNewerThanGlibcAreWideLikePythonWcwidth() {
        // glibc 2.36 does not know these (−1); wcwidth 0.7.0 gives 2.
        XCTAssertEqual(width(0x1FAF8), 2)
        XCTAssertEqual(width(0x1FA77), 2)
    }

    func testControlAndFormatCharactersMeasureZeroBecauseTheyAreNeverDrawn() {
        for value: UInt32 in [0x0, 0x1B, 0x7F, 0x9B, 0x200B, 0x202E, 0xFEFF, 0xE0041] {
            XCTAssertEqual(width(value), 0, "U+\(String(value, radix: 16))")
        }
    }

    func testCharacterAndStringWidthsAreSumsOfScalarWidths() {
        XCTAssertEqual(DisplayWidth.of("中文abc"), 7)
        XCTAssertEqual(DisplayWidth.of(Character("🇺🇸")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("e\u{301}")), 1)
        XCTAssertEqual(DisplayWidth.of(Character("👍🏽")), 4)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testWideTableIsSortedAndDisjoint() {
        let ranges = WideCharacterTable.ranges
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            XCTAssertLessThanOrEqual(previous.lower, previous.upper)
            XCTAssertLessThan(previous.upper, next.lower)
        }
    }
}
