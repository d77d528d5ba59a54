import PreferCore
@testable import PreferTUI
import XCTest

/// A response of megabytes: the panes lay out only the lines they show (`LazyLayout`), so
/// the first screen needs the first 64 KiB block, not the whole text (a 10 MB response
/// without spaces took 11 s and 1.5 GB to show), and the rest behaves as for any response.
final class HugeResponseTests: XCTestCase {
    /// 36 characters: exactly one line of a response pane at 80 columns.
    static let unit = "abcdefghijklmnopqrstuvwxyz0123456789"

    static func noSpaces(_ bytes: Int) -> String {
        String(String(repeating: unit, count: bytes / unit.count + 1).prefix(bytes))
    }

    static func task(_ response: String, index: Int = 0) -> LoadedTask {
        LoadedTask(index: index, id: "huge-\(index)", sha256: "h\(index)", promptText: "Huge question?",
                   responseA: response, responseB: "Short.", leftIsA: true)
    }

    /// The screen lines of a no-space ASCII response, computed independently of the layout
    /// code: pieces of `LazyLayout.blockBytes` bytes, each cut every `width` characters.
    static func expectedLines(_ text: String, width: Int) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + LazyLayout.blockBytes)
            var line = start
            while line < end {
                lines.append(String(decoding: bytes[line..<min(end, line + width)], as: UTF8.self))
                line += width
            }
            start = end
        }
        return lines
    }

    private func state(_ task: LoadedTask?, cols: Int = 80, rows: Int = 24, requireRead: Bool = false) -> AppState {
        let config = LabelingConfig(rater: "ana", taskSetName: "batch-07.jsonl", requireRead: requireRead,
                                    guideline: ScreenFixtures.guideline, choiceGuardMs: 300)
        var s = AppState(config: config, size: TerminalSize(cols: cols, rows: rows), queue: [1], totalTasks: 24,
                         labeledCount: 7)
        s.guidelineVisible = false
        if let task { _ = Reducer.reduce(&s, .taskLoaded(task), now: 0) }
        return s
    }

    /// The rows of the 80×24 screen with the huge response focused in Response 1 (its
    /// inner lines `left`), "Short." in Response 2 and `position` on the focused border.
    private func screen80x24(_ left: [String], position: String) -> [String] {
        let pad = { (text: String) in text + String(repeating: " ", count: 36 - DisplayWidth.of(text)) }
        var rows = [
            " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
            "┌─ Prompt ─────────────────────────────────────────────────────────────────────┐",
            "│ Huge question?                                                               │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┏━ ▶ Response 1 ━━━━━━━━━━━━━━━━━━━━━━━┓┌─ Response 2 ─────────────────────────┐",
        ]
        for row in 0..<16 {
            rows.append("┃ " + pad(row < left.count ? left[row] : "") + " ┃│ " + pad(row == 0 ? "Short." : "") + " │")
        }
        rows.append("┗" + String(repeating: "━", count: 40 - 3 - position.count) + position + "━┛"
                    + "└──────────────────────────────────────┘")
        rows.append(String(repeating: " ", count: 80))
        rows.append(" 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit")
        return rows
    }

    private func assertScreen(_ state: AppState, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let rows = Screen.render(state).rows()
        XCTAssertEqual(rows.count, expected.count, "row count", file: file, line: line)
        for (index, (got, want)) in zip(rows, expected).enumerated() where got != want {
            XCTFail("row \(index):\n got: \(got)\nwant: \(want)", file: file, line: line)
        }
    }

    private func content(_ pane: Pane, _ s: AppState) -> PaneContent {
        ScreenLayout.frame(for: s).metrics[pane]!.content
    }

    func testTheFirstScreenOfATenMegabyteResponseLaysOutOnlyItsFirstBlock() {
        let s = state(Self.task(Self.noSpaces(10_000_000)))
        XCTAssertEqual(s.focus, .response1, "focus starts on the pane that scrolls")
        // 65,536 bytes of the first block at 36 columns: 1820 full lines and one of 16.
        assertScreen(s, screen80x24(Array(repeating: Self.unit, count: 16), position: " 1–16 of 1821+ ↓ "))
        let laidOut = content(.response1, s).known
        XCTAssertEqual(laidOut.count, 1821)
        XCTAssertFalse(laidOut.isComplete)
        XCTAssertEqual(content(.response1, s).hiddenCount, 0)
    }

    func testATenMegabyteLineOfChineseIsCutIntoBlocksToo() {
        // No space and no ASCII: a piece ends before the first character past 64 KiB that
        // starts a glyph of its own (here the next character: 21,846 of 3 bytes).
        let unit = "光合作用是植物利用阳光把二氧化碳和水变成糖和氧气的过程"
        let text = String(String(repeating: unit, count: 10_000_000 / (3 * 27) + 1).prefix(3_333_333))
        let s = state(Self.task(text))
        let chars = Array(text.prefix(16 * 18))
        // 18 two-column characters in 36 columns; 21,846 characters are 1213 lines and one of 12.
        let row = { (line: Int) in String(chars[(line * 18)..<(line * 18 + 18)]) }
        assertScreen(s, screen80x24((0..<16).map(row), position: " 1–16 of 1214+ ↓ "))
        XCTAssertEqual(content(.response1, s).known.count, 1214)
        XCTAssertEqual(content(.response1, s).hiddenCount, 0)
    }

    func testAPieceNeverCutsAnEmojiSequenceAFlagOrACombiningMark() {
        // Each joined or combined sequence sits right where a 64-byte piece would end.
        for sequence in ["👩\u{200D}💻", "🇯🇵", "e\u{301}\u{302}", "\r\n", "\u{1b}[2J", "❤\u{FE0F}"] {
            let text = String(repeating: "x", count: 62) + sequence + String(repeating: "y", count: 200)
            let whole = LazyLayout(text, width: 30, markdown: false, blockBytes: Int.max)
            let pieces = LazyLayout(text, width: 30, markdown: false, blockBytes: 64)
            XCTAssertEqual(pieces.hiddenCount, whole.hiddenCount, sequence.debugDescription)
            let joined = { (layout: LazyLayout) in layout.lines(0..<layout.count).map(\.text).joined() }
            XCTAssertEqual(joined(pieces), joined(whole), sequence.debugDescription)
        }
    }

    func testEndInAHugePaneShowsItsLastLinesAndHomeComesBack() {
        // Ten blocks: more than `LazyLayout.keptBlocks`, so Home lays block 0 out again.
        let text = Self.noSpaces(640_000)
        let expected = Self.expectedLines(text, width: 36)
        XCTAssertEqual(expected.count, 17_783)
        var s = state(Self.task(text))
        let first = Screen.render(s).rows()
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 1000)
        XCTAssertEqual(s.offset(of: .response1), expected.count - 16)
        XCTAssertEqual(content(.response1, s).known.count, expected.count)
        XCTAssertTrue(content(.response1, s).known.isComplete)
        assertScreen(s, screen80x24(Array(expected.suffix(16)), position: " 17768–17783 of 17783 end "))
        // The last piece is 640,000 − 9 × 65,536 = 50,176 bytes: 1393 lines of 36 and one of 28
        // (9 × 65,536 is a multiple of 36, so it starts at the unit's first letter).
        XCTAssertEqual(expected.last, String(Self.unit.prefix(28)))
        _ = Reducer.reduce(&s, .command(.scrollPages(-1)), now: 1000)
        assertScreen(s, screen80x24(Array(expected[(expected.count - 31)..<(expected.count - 15)]),
                                    position: " 17753–17768 of 17783 ↓ "))
        _ = Reducer.reduce(&s, .command(.scrollToTop), now: 1000)
        XCTAssertEqual(Screen.render(s).rows()[5...20], first[5...20])
        XCTAssertEqual(Screen.render(s).rows()[21], "┗━━━━━━━━━━━━━━━━━━━━ 1–16 of 17783 ↓ ━┛└──────────────────────────────────────┘")
    }

    func testRequireReadWaitsForTheEndOfAHugePane() {
        var s = state(Self.task(Self.noSpaces(200_000)), requireRead: true)
        XCTAssertEqual(s.readToEnd, [.prompt, .response2], "the panes whose text fits count as read")
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1000)
        XCTAssertEqual(s.message?.text, "Read to the end first: Response 1 (Tab to it, then Space or End).")
        for _ in 0..<200 { _ = Reducer.reduce(&s, .command(.scrollPages(1)), now: 1000) }
        XCTAssertEqual(s.offset(of: .response1), 3000)
        XCTAssertFalse(s.readToEnd.contains(.response1), "3000 of 5558 lines is not the end")
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1000)
        XCTAssertEqual(s.message?.isError, true)
        // 200,000 bytes: three 65,536-byte blocks (1821 lines each) and 3392 bytes (95 lines).
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 1000)
        XCTAssertEqual(s.offset(of: .response1), 5558 - 16)
        XCTAssertTrue(s.readToEnd.contains(.response1))
        let effects = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1000)
        XCTAssertEqual(effects.count, 1, "the choice is recorded once the end was shown")
    }

    func testScrollingToTheLastLineLineByLineCountsAsRead() {
        var s = state(Self.task(Self.noSpaces(70_000)), requireRead: true)
        // 65,536 bytes (1821 lines) and 4464 bytes (124 lines): 1945 lines, 16 shown.
        _ = Reducer.reduce(&s, .command(.scrollLines(1928)), now: 1000)
        XCTAssertFalse(s.readToEnd.contains(.response1), "one line is still below")
        _ = Reducer.reduce(&s, .command(.scrollLines(1)), now: 1000)
        XCTAssertTrue(s.readToEnd.contains(.response1))
        _ = Reducer.reduce(&s, .command(.scrollLines(5)), now: 1000)
        XCTAssertEqual(s.offset(of: .response1), 1929, "no scrolling past the end")
    }

    func testSearchInTheGuidelineBesideAHugeResponseLaysOutNoMoreOfIt() {
        let text = Self.noSpaces(10_000_000)
        var s = state(Self.task(text), cols: 160, rows: 48)
        _ = Reducer.reduce(&s, .command(.startSearch), now: 1000)
        for character in "ties" { _ = Reducer.reduce(&s, .insertText(character), now: 1000) }
        _ = Reducer.reduce(&s, .commitInput, now: 1000)
        XCTAssertEqual(s.message?.text, "Match 1 of 1 for ties")
        XCTAssertEqual(s.searchHit, 9, "the heading `## Ties`, line 10 of the guideline at 50 columns")
        let grid = Screen.render(s)
        // Prompt, Response 1 and 2 (53 columns, 49 of text) on the left; the guideline on
        // the right (54 columns, 50 of text), focused, its heading `## Ties` highlighted.
        let pad = { (text: String, width: Int) in text + String(repeating: " ", count: width - text.count) }
        let line = { (repeated: String, count: Int) in String(repeating: repeated, count: count) }
        let bytes = Array(text.utf8)
        let left = { (line: Int) in String(decoding: bytes[(line * 49)..<(line * 49 + 49)], as: UTF8.self) }
        let guideline = ["Guideline", "", "Pick the response that is more helpful, truthful", "and harmless.", "",
                         "• Ignore which side a response is on.", "• Ignore length unless it hurts.",
                         "  • Padding is not helpfulness.", "", "Ties", "", "Use tie only when neither is better."]
        var expected = [pad(" prefer · ana · batch-07.jsonl", 149) + "7/24 · 29% "]
        for row in 1...45 {
            let main: String
            switch row {
            case 1: main = "┌─ Prompt " + line("─", 95) + "┐"
            case 2: main = "│ " + pad("Huge question?", 102) + " │"
            case 3: main = "└" + line("─", 104) + "┘"
            case 4: main = "┌─ Response 1 " + line("─", 38) + "┐┌─ Response 2 " + line("─", 38) + "┐"
            // 65,536 bytes at 49 columns: 1337 lines and one of 23.
            case 45: main = "└" + line("─", 33) + " 1–40 of 1338+ ↓ ─┘└" + line("─", 51) + "┘"
            default: main = "│ " + left(row - 5) + " ││ " + pad(row == 5 ? "Short." : "", 49) + " │"
            }
            let side: String
            switch row {
            case 1: side = "┏━ ▶ Guideline " + line("━", 38) + "┓"
            case 45: side = "┗" + line("━", 52) + "┛"
            default: side = "┃ " + pad(row - 2 < guideline.count ? guideline[row - 2] : "", 50) + " ┃"
            }
            expected.append(main + side)
        }
        expected.append(pad(" Match 1 of 1 for ties", 160))
        expected.append(pad(" 1 left  2 right  3/t tie  4/x both bad  u undo  s skip  n note  Tab focus  j/↓ scroll  "
                            + "g guide  / search  ? help  q quit", 160))
        assertScreen(s, expected)
        XCTAssertTrue(grid[11, 108].style.contains(.reverse), "the guideline line found is highlighted")
        XCTAssertFalse(grid[12, 108].style.contains(.reverse))
        XCTAssertEqual(content(.response1, s).known.count, 1338, "the search laid out no more of the response")
    }

    func testAResizeLaysOutTheNewWidthOnlyAsFarAsShownAndKeepsTheOldOne() {
        let text = Self.noSpaces(10_000_000)
        var s = state(Self.task(text))
        let at80 = s.current!.left.layout(width: 36)
        _ = Reducer.reduce(&s, .command(.scrollPages(3)), now: 1000)
        XCTAssertEqual(s.offset(of: .response1), 45)
        _ = Reducer.reduce(&s, .resize(cols: 100, rows: 30), now: 1000)
        XCTAssertEqual(s.offset(of: .response1), 45, "the same line number at the new width")
        let rows = Screen.render(s).rows()
        // At 100 columns Response 1 has 46 columns of text: line 45 starts at byte 45 × 46.
        let bytes = Array(text.utf8)
        for row in 0..<22 {
            let start = (45 + row) * 46
            XCTAssertEqual(rows[5 + row], "┃ " + String(decoding: bytes[start..<(start + 46)], as: UTF8.self) + " ┃"
                           + "│ " + (row == 0 ? "Short." : "      ") + String(repeating: " ", count: 40) + " │")
        }
        XCTAssertEqual(rows[27], "┗" + String(repeating: "━", count: 29) + " 46–67 of 1425+ ↓ ━┛└"
                       + String(repeating: "─", count: 48) + "┘")
        XCTAssertEqual(content(.response1, s).known.count, 1425, "65,536 bytes at 46 columns")
        _ = Reducer.reduce(&s, .resize(cols: 80, rows: 24), now: 1000)
        XCTAssertTrue(s.current!.left.layout(width: 36) === at80, "the layout at 80 columns was kept")
        assertScreen(s, screen80x24(Array(Self.expectedLines(String(text.prefix(70_000)), width: 36)[45..<61]),
                                    position: " 46–61 of 1821+ ↓ "))
    }

    func testUndoBackToAHugeTaskFindsItsLinesLaidOut() {
        let text = Self.noSpaces(300_000)
        var s = state(Self.task(text))
        let layout = s.current!.left.layout(width: 36)
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 1000)
        XCTAssertTrue(layout.known.isComplete)
        let label = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1000)
        guard case .record(let record) = label.first else { return XCTFail("no label: \(label)") }
        XCTAssertEqual(Reducer.reduce(&s, .saved(record), now: 1000), [.loadTask(index: 1), .flushInput])
        _ = Reducer.reduce(&s, .taskLoaded(LoadedTask(index: 1, id: "small", sha256: "s", promptText: "Small?",
                                                      responseA: "a", responseB: "b", leftIsA: true)), now: 1000)
        let undo = Reducer.reduce(&s, .command(.undo), now: 2000)
        guard case .record(let undoRecord) = undo.first else { return XCTFail("no undo: \(undo)") }
        XCTAssertEqual(Reducer.reduce(&s, .saved(undoRecord), now: 2000), [.loadTask(index: 0), .flushInput])
        // The runtime reads the task line again: an equal task, with new strings.
        _ = Reducer.reduce(&s, .taskLoaded(Self.task(Self.noSpaces(300_000))), now: 2000)
        XCTAssertTrue(s.current!.left.layout(width: 36) === layout, "the layout made before undo is used again")
        XCTAssertEqual(s.offset(of: .response1), 0, "the task opens at its top as it did")
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 3000)
        // Four blocks of 1821 lines and 37,856 bytes (1052 lines), laid out before undo.
        XCTAssertEqual(s.offset(of: .response1), 4 * 1821 + 1052 - 16)
    }

    func testAnEditedTaskIsNotShownFromTheLayoutsOfTheOldOne() {
        var s = state(Self.task("Old text."))
        let old = s.current!
        s.recentTasks = [old]
        _ = Reducer.reduce(&s, .taskLoaded(Self.task("New text.")), now: 1000)
        XCTAssertFalse(s.current!.left === old.left)
        XCTAssertEqual(Screen.render(s).rows()[4].prefix(20), "┌─ Response 1 ──────")
        XCTAssertEqual(Screen.render(s).rows()[5].prefix(12), "│ New text. ")
    }

    func testBlocksOfAnySizeLayOutAsTheWholeTextDoes() {
        let markdown = """
        # Heading with **bold** and a `code` span
        - item one that is long enough to wrap at thirty columns
          - nested item *with emphasis* that wraps as well
            continued under the nested item
        > quoted **line** \u{1b}[2J with a hidden escape
        > > deeper quote
        ```
        let code = "kept verbatim, hard broken with a continuation mark"

        still code after a blank line
        ```
            indented code after a paragraph is a continuation
        | a | table | row |
        ---
        \tTabbed\tline with 日本語 and emoji 🌱 and e\u{301}\u{302}

        """
        let text = String(repeating: markdown, count: 60)
        for markdownOn in [true, false] {
            let whole = LazyLayout(text, width: 30, markdown: markdownOn, blockBytes: Int.max)
            for size in [100, 1000, 4096] {
                let blocks = LazyLayout(text, width: 30, markdown: markdownOn, blockBytes: size)
                XCTAssertEqual(blocks.count, whole.count, "block size \(size)")
                XCTAssertEqual(blocks.lines(0..<blocks.count), whole.lines(0..<whole.count), "block size \(size)")
                XCTAssertEqual(blocks.hiddenCount, 60, "one escape in each copy")
                XCTAssertEqual(blocks.lines(matching: "DEEPER"), whole.lines(matching: "deeper"))
            }
            XCTAssertEqual(whole.lines(matching: "deeper").count, 60)
        }
    }
}
