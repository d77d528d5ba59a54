import XCTest
@testable import PreferTerminal
import PreferTUI

/// Codes are written as the octal literals of curses.h so the test does not trust the header import.
final class KeyDecoderTests: XCTestCase {
    func testArrowAndPagingKeysDecodeToTheirEvents() {
        XCTAssertEqual(KeyDecoder.functionKey(0o403), .up)
        XCTAssertEqual(KeyDecoder.functionKey(0o402), .down)
        XCTAssertEqual(KeyDecoder.functionKey(0o404), .left)
        XCTAssertEqual(KeyDecoder.functionKey(0o405), .right)
        XCTAssertEqual(KeyDecoder.functionKey(0o523), .pageUp)
        XCTAssertEqual(KeyDecoder.functionKey(0o522), .pageDown)
        XCTAssertEqual(KeyDecoder.functionKey(0o406), .home)
        XCTAssertEqual(KeyDecoder.functionKey(0o550), .end)
    }

    func testKeypadCornersAndVT220KeysDoubleAsHomeEndAndPaging() {
        XCTAssertEqual(KeyDecoder.functionKey(0o534), .home)  // KEY_A1
        XCTAssertEqual(KeyDecoder.functionKey(0o540), .pageDown)  // KEY_C3
        XCTAssertEqual(KeyDecoder.functionKey(0o552), .home)  // KEY_FIND
        XCTAssertEqual(KeyDecoder.functionKey(0o601), .end)  // KEY_SELECT
    }

    func testBackspaceEnterAndBackTabFunctionKeysDecode() {
        XCTAssertEqual(KeyDecoder.functionKey(0o407), .backspace)
        XCTAssertEqual(KeyDecoder.functionKey(0o527), .enter)
        XCTAssertEqual(KeyDecoder.functionKey(0o541), .backTab)
    }

    func testUnlistedFunctionKeyIsUnknownWithItsCode() {
        XCTAssertEqual(KeyDecoder.functionKey(0o410), .unknown(0o410))  // KEY_F0
    }

    func testEnterArrivesAsEitherLineFeedOrCarriageReturn() {
        XCTAssertEqual(KeyDecoder.character(10), .enter)
        XCTAssertEqual(KeyDecoder.character(13), .enter)
    }

    func testBackspaceArrivesAsEitherDeleteOrControlH() {
        XCTAssertEqual(KeyDecoder.character(127), .backspace)
        XCTAssertEqual(KeyDecoder.character(8), .backspace)
    }

    func testTabAndEscapeDecode() {
        XCTAssertEqual(KeyDecoder.character(9), .tab)
        XCTAssertEqual(KeyDecoder.character(27), .escape)
    }

    func testControlLettersDecodeToLowercaseLetters() {
        XCTAssertEqual(KeyDecoder.character(1), .control("a"))
        XCTAssertEqual(KeyDecoder.character(21), .control("u"))
        XCTAssertEqual(KeyDecoder.character(26), .control("z"))
    }

    func testPrintableCharactersIncludingWideOnesDecodeAsCharacters() {
        XCTAssertEqual(KeyDecoder.character(0x71), .character("q"))
        XCTAssertEqual(KeyDecoder.character(0x20), .character(" "))
        XCTAssertEqual(KeyDecoder.character(0x754C), .character("界"))
        XCTAssertEqual(KeyDecoder.character(0xE9), .character("é"))
    }

    func testControlAndInvisibleCharactersNeverBecomeCharacters() {
        XCTAssertEqual(KeyDecoder.character(0), .unknown(0))
        XCTAssertEqual(KeyDecoder.character(0x1C), .unknown(0x1C))
        XCTAssertEqual(KeyDecoder.character(0x9B), .unknown(0x9B))  // C1 CSI
        XCTAssertEqual(KeyDecoder.character(0x202E), .unknown(0x202E))  // right-to-left override
        XCTAssertEqual(KeyDecoder.character(0x200B), .unknown(0x200B))  // zero-width space
        XCTAssertEqual(KeyDecoder.character(0xE000), .unknown(0xE000))  // private use
        XCTAssertEqual(KeyDecoder.character(0x110000), .unknown(0x110000))  // beyond Unicode
    }
}
