import XCTest
@testable import PreferTUI

/// Plain wrapping: display-width word wrap, long words, wide glyphs, tabs, tiny widths.
final class TextLayoutTests: XCTestCase {
    private func rows(_ text: String, width: Int, markdown: Bool = false) -> [String] {
        TextLayout.layout(text, width: width, markdown: markdown).lines.map(\.text)
    }

    func testWordsWrapAtSpaces() {
        XCTAssertEqual(rows("the quick brown fox jumps over the lazy dog", width: 10),
                       ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    func testAWordLongerThanTheLineIsBroken() {
        XCTAssertEqual(rows("abcdefghijklmnop xy", width: 5), ["abcde", "fghij", "klmno", "p xy"])
    }

    func testAWideGlyphNeverStartsInTheLastColumn() {
        XCTAssertEqual(rows("ab中文", width: 5), ["ab中", "文"])
        XCTAssertEqual(rows("中文中文中", width: 5), ["中文", "中文", "中"])
        let lines = TextLayout.layout("中文中文中", width: 5, markdown: false).lines
        XCTAssertEqual(lines.map(\.width), [4, 4, 2])
    }

    func testCJKAndEmojiAreMeasuredByDisplayWidth() {
        XCTAssertEqual(rows("你好 世界 👋 ok", width: 6), ["你好", "世界", "👋 ok"])
        XCTAssertEqual(rows("family 👨\u{200D}👩\u{200D}👧 here", width: 12), ["family", "👨👩👧 here"])
        XCTAssertEqual(rows("family 👨\u{200D}👩\u{200D}👧 here", width: 5), ["famil", "y 👨", "👩👧", "here"])
    }

    func testTabsExpandToTheNextMultipleOfFourColumns() {
        XCTAssertEqual(rows("a\tb\tc\n\tx\n12345\ty\n中\tz", width: 40),
                       ["a   b   c", "    x", "12345   y", "中  z"])
    }

    func testNonPositiveWidthGivesNoLines() {
        XCTAssertEqual(TextLayout.layout("hello", width: 0, markdown: false).lines, [])
        XCTAssertEqual(TextLayout.layout("# hello", width: -4, markdown: true).lines, [])
        XCTAssertEqual(TextLayout.layout("\u{1b}x", width: 0, markdown: true).hiddenCount, 1)
    }

    func testWidthOneTerminatesAndShowsAWideGlyphAsAPlaceholder() {
        let laid = TextLayout.layout("ab 中", width: 1, markdown: false)
        XCTAssertEqual(laid.lines.map(\.text), ["a", "b", "?"])
        XCTAssertEqual(laid.lines[2].spans, [Span("?", style: .placeholder)])
    }

    func testLeadingIndentAndBlankLinesAreKeptAndATrailingNewlineAddsNoLine() {
        XCTAssertEqual(rows("  x\n\ny\n", width: 10), ["  x", "", "y"])
        XCTAssertEqual(rows("", width: 10), [""])
    }

    func testHostileTextIsLaidOutAsPlaceholders() {
        let laid = TextLayout.layout("\u{1b}]0;pwn\u{7}ok", width: 80, markdown: false)
        XCTAssertEqual(laid.hiddenCount, 2)
        XCTAssertEqual(laid.lines, [StyledLine(spans: [
            Span("␛", style: .placeholder), Span("]0;pwn"), Span("␇", style: .placeholder), Span("ok"),
        ])])
    }

    func testOverwritesAndBidiStayOnOneVisibleLine() {
        let laid = TextLayout.layout("safe\rEVIL\r\nab\u{8}\u{8}cd \u{202E}gnp.exe", width: 30, markdown: false)
        XCTAssertEqual(laid.lines.map(\.text), ["safe␍EVIL", "ab␈␈cd ⟨U+202E⟩gnp.exe"])
        XCTAssertEqual(laid.hiddenCount, 4)
    }

    func testNoLineIsEverWiderThanTheWidth() {
        let text = """
        # Title with 中文 and 👨‍👩‍👧
        - item \u{1b}[2J with a verylongwordthatneverends and 🇺🇸🇫🇷
          - nested\tTab
        > quote 中文中文中文
        ```
        code 中文中文中文中文中文中文 \u{202E}
        ```
            indented code 中
        plain **bold** `code` 𠀀𠀀𠀀
        """
        for width in 1...45 {
            for markdown in [true, false] {
                for line in TextLayout.layout(text, width: width, markdown: markdown).lines {
                    XCTAssertLessThanOrEqual(line.width, width, "width \(width) markdown \(markdown): \(line.text)")
                    XCTAssertEqual(line.width, DisplayWidth.of(line.text))
                }
            }
        }
    }

    func testSearchFindsLinesIgnoringCase() {
        let laid = TextLayout.layout("Prefer correct answers.\nTIES are fine.\nA correct tie.", width: 80, markdown: true)
        XCTAssertEqual(laid.lines(matching: "correct"), [0, 2])
        XCTAssertEqual(laid.lines(matching: "tie"), [1, 2])
        XCTAssertEqual(laid.lines(matching: "absent"), [])
        XCTAssertEqual(laid.lines(matching: " "), [])
    }

    func testSearchSeesTextWithoutMarkdownMarkers() {
        let laid = TextLayout.layout("Be **very** careful", width: 80, markdown: true)
        XCTAssertEqual(laid.lines(matching: "very careful"), [0])
    }
}
