import XCTest
@testable import PreferTerminal
import PreferTUI

/// Bit values are those of curses.h (NCURSES_BITS(1, n) = 1 << (n + 8)), written out so the test
/// does not trust the shim it checks.
final class TerminalAttributesTests: XCTestCase {
    private let underline: UInt32 = 1 << 17
    private let reverse: UInt32 = 1 << 18
    private let dim: UInt32 = 1 << 20
    private let bold: UInt32 = 1 << 21

    func testPlainTextHasNoAttributes() {
        XCTAssertEqual(Terminal.attributes(for: .plain), 0)
    }

    func testEachStyleMapsToItsAttribute() {
        XCTAssertEqual(Terminal.attributes(for: .bold), bold)
        XCTAssertEqual(Terminal.attributes(for: .reverse), reverse)
        XCTAssertEqual(Terminal.attributes(for: .underline), underline)
        XCTAssertEqual(Terminal.attributes(for: .dim), dim)
    }

    func testItalicIsUnderlinedAndPlaceholderIsReversed() {
        XCTAssertEqual(Terminal.attributes(for: .italic), underline)
        XCTAssertEqual(Terminal.attributes(for: .placeholder), reverse)
    }

    func testAccentAddsNoAttributeSoItIsOnlyEverColour() {
        XCTAssertEqual(Terminal.attributes(for: [.accent, .bold]), bold)
    }
}
