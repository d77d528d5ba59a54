import PreferCore
import XCTest
@testable import PreferTUI

/// Hostile strings from the terminal CVE list and Trojan Source: each must come out as
/// visible placeholders with an exact hidden-character count.
final class SanitizerTests: XCTestCase {
    private func assertSanitized(_ input: String, _ expected: String, hidden: Int,
                                 file: StaticString = #filePath, line: UInt = #line) {
        let result = Sanitizer.sanitize(input)
        XCTAssertEqual(result.string, expected, file: file, line: line)
        XCTAssertEqual(result.hiddenCount, hidden, "hidden count", file: file, line: line)
    }

    func testWindowTitleSequencesAreShownInert() {
        assertSanitized("\u{1b}]0;pwn\u{7}", "␛]0;pwn␇", hidden: 2)
        assertSanitized("\u{1b}]2;title\u{1b}\\", "␛]2;title␛\\", hidden: 2)
    }

    func testClipboardWriteIsShownInert() {
        assertSanitized("\u{1b}]52;c;cm0gLXJmIH4=\u{7}", "␛]52;c;cm0gLXJmIH4=␇", hidden: 2)
    }

    func testHyperlinkSequenceIsShownInert() {
        assertSanitized("\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
                        "␛]8;;https://evil.example␛\\click␛]8;;␛\\", hidden: 4)
    }

    func testScreenClearInSevenAndEightBitFormIsShownInert() {
        assertSanitized("\u{1b}[2J", "␛[2J", hidden: 1)
        assertSanitized("\u{9b}2J", "⟨U+009B⟩2J", hidden: 1)
    }

    func testCarriageReturnAndBackspaceCannotOverwriteText() {
        assertSanitized("safe\rEVIL", "safe␍EVIL", hidden: 1)
        assertSanitized("abc\u{8}\u{8}\u{8}xyz", "abc␈␈␈xyz", hidden: 3)
    }

    func testBidiOverridesAndIsolatesAreShownByCodePoint() {
        assertSanitized("invoice\u{202E}fdp.exe", "invoice⟨U+202E⟩fdp.exe", hidden: 1)
        assertSanitized("\u{2066}admin\u{2069}", "⟨U+2066⟩admin⟨U+2069⟩", hidden: 2)
    }

    func testZeroWidthTagAndByteOrderMarkCharactersAreCounted() {
        assertSanitized("pass\u{200B}word", "pass⟨U+200B⟩word", hidden: 1)
        assertSanitized("hi\u{E0041}\u{E0042}", "hi⟨U+E0041⟩⟨U+E0042⟩", hidden: 2)
        assertSanitized("\u{FEFF}start", "⟨U+FEFF⟩start", hidden: 1)
        assertSanitized("a\u{2028}b", "a⟨U+2028⟩b", hidden: 1)
    }

    func testDeleteAndNulUseControlPictures() {
        assertSanitized("\u{7f}\u{0}\u{7}", "␡␀␇", hidden: 3)
    }

    func testEveryC0ControlButNewlineAndTabBecomesItsControlPicture() {
        for value in UInt32(0)..<0x20 where value != 0x0A && value != 0x09 {
            let scalar = Unicode.Scalar(value)!
            let result = Sanitizer.sanitize("x" + String(Character(scalar)) + "y")
            let picture = String(Character(Unicode.Scalar(0x2400 + value)!))
            XCTAssertEqual(result.string, "x" + picture + "y", "U+\(value)")
            XCTAssertEqual(result.hiddenCount, 1, "U+\(value)")
        }
    }

    func testEveryC1ControlBecomesABracketedCode() {
        for value in UInt32(0x80)...0x9F {
            let result = Sanitizer.sanitize(String(Character(Unicode.Scalar(value)!)))
            XCTAssertEqual(result.string, "⟨U+00" + String(value, radix: 16, uppercase: true) + "⟩")
            XCTAssertEqual(result.hiddenCount, 1)
        }
    }

    func testCRLFIsOneLineBreakAndNotHidden() {
        let result = Sanitizer.sanitize("a\r\nb\nc")
        XCTAssertEqual(result.glyphs.map(\.kind), [.text, .newline, .text, .newline, .text])
        XCTAssertEqual(result.hiddenCount, 0)
    }

    func testSingleLineModeShowsNewlinesAndTabsAsPlaceholders() {
        XCTAssertEqual(Sanitizer.singleLine("a\nb\tc\r\nd"), "a␊b␉c␍␊d")
        XCTAssertEqual(Sanitizer.singleLine("bad file \u{1b}[31mred.jsonl"), "bad file ␛[31mred.jsonl")
        XCTAssertEqual(Sanitizer.sanitize("a\nb\tc", mode: .singleLine).hiddenCount, 0)
    }

    func testAPlaceholderIsDistinguishableFromTheSameCharacterTyped() {
        let result = Sanitizer.sanitize("␛\u{1b}")
        XCTAssertEqual(result.string, "␛␛")
        XCTAssertEqual(result.glyphs.map(\.kind), [.text, .placeholder])
        XCTAssertEqual(result.spans(style: .bold), [Span("␛", style: .bold), Span("␛", style: [.bold, .placeholder])])
    }

    func testZWJFamilyIsSplitIntoSeparateEmojiWithoutCounting() {
        let result = Sanitizer.sanitize("👨\u{200D}👩\u{200D}👧")
        XCTAssertEqual(result.glyphs.map(\.text), ["👨", "👩", "👧"])
        XCTAssertEqual(result.glyphs.map(\.width), [2, 2, 2])
        XCTAssertEqual(result.hiddenCount, 0)
    }

    func testVariationSelectorsAfterEmojiAreDropped() {
        XCTAssertEqual(Sanitizer.sanitize("❤\u{FE0F}").glyphs, [Glyph("❤", width: 1)])
        XCTAssertEqual(Sanitizer.sanitize("☺\u{FE0E}").glyphs, [Glyph("☺", width: 1)])
        let heartOnFire = Sanitizer.sanitize("❤\u{FE0F}\u{200D}🔥")
        XCTAssertEqual(heartOnFire.glyphs.map(\.text), ["❤", "🔥"])
        XCTAssertEqual(heartOnFire.hiddenCount, 0)
    }

    func testZWJOutsideAnEmojiSequenceIsHidden() {
        let result = Sanitizer.sanitize("a\u{200D}b 👨\u{200D}")
        XCTAssertEqual(result.string, "a⟨U+200D⟩b 👨⟨U+200D⟩")
        XCTAssertEqual(result.hiddenCount, 2)
    }

    func testSkinToneModifierGetsItsOwnCellsLikeGlibcAndTmux() {
        // tmux 3.3a advanced the cursor 4 columns for 👍🏽, and glibc wcwidth gives 2 + 2.
        XCTAssertEqual(Sanitizer.sanitize("👍🏽").glyphs, [Glyph("👍", width: 2), Glyph("🏽", width: 2)])
    }

    func testRegionalIndicatorsPairIntoFlags() {
        let flags = Sanitizer.sanitize("🇺🇸🇫🇷🇩")
        XCTAssertEqual(flags.glyphs.map(\.text), ["🇺🇸", "🇫🇷", "🇩"])
        XCTAssertEqual(flags.glyphs.map(\.width), [2, 2, 1])
    }

    func testCombiningMarksStayWithTheirBase() {
        XCTAssertEqual(Sanitizer.sanitize("e\u{301}x").glyphs, [Glyph("e\u{301}", width: 1), Glyph("x", width: 1)])
        // A mark with nothing to sit on gets a space, so it still has a cell of its own.
        XCTAssertEqual(Sanitizer.sanitize("\u{301}a").glyphs, [Glyph(" \u{301}", width: 1), Glyph("a", width: 1)])
        XCTAssertEqual(Sanitizer.sanitize("\u{1b}\u{301}").glyphs.last, Glyph(" \u{301}", width: 1))
    }

    func testStackedCombiningMarksBeyondWhatACellHoldsAreDroppedAndCounted() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 6)
        let result = Sanitizer.sanitize(zalgo)
        XCTAssertEqual(result.glyphs, [Glyph("a" + String(repeating: "\u{301}", count: 4), width: 1)])
        XCTAssertEqual(result.hiddenCount, 2)
    }

    func testNoHiddenCharacterEverSurvivesSanitizing() {
        let alphabet: [Unicode.Scalar] = [
            "\u{0}", "\u{7}", "\u{8}", "\u{9}", "\u{A}", "\u{D}", "\u{1b}", "\u{7f}", "\u{85}", "\u{9b}",
            "\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{FE0F}", "\u{FEFF}", "\u{E0041}", "\u{301}",
            "a", "[", "中", "👨", "🇺", "e", " ",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            var input = String.UnicodeScalarView()
            for _ in 0..<12 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                input.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let text = String(input)
            for mode in [Sanitizer.Mode.multiLine, .singleLine] {
                let glyphs = Sanitizer.sanitize(text, mode: mode).glyphs
                for glyph in glyphs where glyph.kind == .text || glyph.kind == .placeholder {
                    XCTAssertFalse(glyph.text.unicodeScalars.contains(where: HiddenCharacters.isHidden),
                                   "\(text.debugDescription) → \(glyph.text.debugDescription)")
                    XCTAssertEqual(glyph.width, DisplayWidth.of(glyph.text))
                    XCTAssertTrue(glyph.width == 1 || glyph.width == 2)
                }
            }
        }
    }

    func testSanitizingIsIdempotentSoTheGridCanSanitizeAgain() {
        let once = Sanitizer.sanitize("x\u{1b}[2J 👨\u{200D}👩 ❤\u{FE0F} 👍🏽 🇺🇸 e\u{301} \u{301}", mode: .singleLine)
        let twice = Sanitizer.sanitize(once.string, mode: .singleLine)
        XCTAssertEqual(twice.glyphs.map(\.text), once.glyphs.map(\.text))
        XCTAssertEqual(twice.hiddenCount, 0)
    }
}
