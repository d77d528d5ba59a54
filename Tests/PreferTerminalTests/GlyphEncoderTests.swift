import Glibc
import XCTest
@testable import PreferTerminal

final class GlyphEncoderTests: XCTestCase {
    override func setUp() {
        super.setUp()
        // wcwidth answers -1 for everything beyond ASCII in the C locale.
        XCTAssertNotNil(setlocale(LC_CTYPE, "C.UTF-8"))
    }

    private func encode(_ glyph: String, columns: Int = 1) -> EncodedGlyph {
        GlyphEncoder.encode(glyph, columns: columns)
    }

    func testAsciiLetterPassesThroughAsOneColumn() {
        XCTAssertEqual(encode("a"), EncodedGlyph(characters: [0x61], width: 1))
    }

    func testWideGlyphInTwoColumnsKeepsItsWidth() {
        XCTAssertEqual(encode("界", columns: 2), EncodedGlyph(characters: [0x754C], width: 2))
    }

    func testWideGlyphInOneColumnBecomesAQuestionMark() {
        XCTAssertEqual(encode("界", columns: 1), .questionMark)
    }

    func testNarrowGlyphInTwoColumnsStaysNarrowSoTheCallerBlanksTheRest() {
        XCTAssertEqual(encode("a", columns: 2).width, 1)
    }

    func testControlCharactersNeverReachNcurses() {
        XCTAssertEqual(encode("\u{1B}"), .questionMark)
        XCTAssertEqual(encode("\u{7F}"), .questionMark)
        XCTAssertEqual(encode("\u{9B}"), .questionMark)
        XCTAssertEqual(encode("\r"), .questionMark)
    }

    func testControlScalarsAreReplacedOneByOne() {
        XCTAssertEqual(GlyphEncoder.safeValue("\u{0}"), 0x3F)
        XCTAssertEqual(GlyphEncoder.safeValue("\u{1F}"), 0x3F)
        XCTAssertEqual(GlyphEncoder.safeValue("\u{85}"), 0x3F)
        XCTAssertEqual(GlyphEncoder.safeValue("\u{9F}"), 0x3F)
        XCTAssertEqual(GlyphEncoder.safeValue(" "), 0x20)
        XCTAssertEqual(GlyphEncoder.safeValue("\u{A0}"), 0xA0)
    }

    func testCombiningMarksTravelWithTheirBaseCharacter() {
        XCTAssertEqual(encode("e\u{301}"), EncodedGlyph(characters: [0x65, 0x301], width: 1))
    }

    func testMoreCombiningMarksThanACcharHoldsBecomeAQuestionMark() {
        XCTAssertEqual(encode("e" + String(repeating: "\u{301}", count: 5)), .questionMark)
    }

    func testTwoSpacingCharactersInOneCellBecomeAQuestionMark() {
        // setcchar accepts only one spacing character.
        XCTAssertEqual(encode("ab", columns: 2), .questionMark)
    }

    func testAFlagGoesOutAsItsTwoRegionalIndicatorsOnePerCell() {
        let flags: [(String, UInt32, UInt32)] = [
            ("🇯🇵", 0x1F1EF, 0x1F1F5), ("🇵🇹", 0x1F1F5, 0x1F1F9), ("🇩🇪", 0x1F1E9, 0x1F1EA),
            ("🇧🇷", 0x1F1E7, 0x1F1F7), ("🇺🇦", 0x1F1FA, 0x1F1E6),
        ]
        for (flag, first, second) in flags {
            XCTAssertEqual(encode(flag, columns: 2),
                           EncodedGlyph(characters: [wchar_t(first)], width: 1, trailing: [wchar_t(second)]), flag)
        }
        XCTAssertEqual(encode("🇯🇵", columns: 1), .questionMark, "a flag with one column left is not split")
        XCTAssertEqual(encode("\u{1F1EF}"), EncodedGlyph(characters: [0x1F1EF], width: 1), "a lone indicator")
    }

    func testAGlyphStartingWithACombiningMarkBecomesAQuestionMark() {
        XCTAssertEqual(encode("\u{301}"), .questionMark)
    }

    func testEmptyGlyphIsDrawnAsASpace() {
        XCTAssertEqual(encode(""), .space)
    }
}
