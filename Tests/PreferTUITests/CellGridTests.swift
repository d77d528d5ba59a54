import XCTest
@testable import PreferTUI

/// The cell grid: clipping by display width, wide glyph pairs, boxes, whole-screen rows.
final class CellGridTests: XCTestCase {
    func testANewGridIsBlankRows() {
        XCTAssertEqual(CellGrid(width: 3, height: 2).rows(), ["   ", "   "])
        XCTAssertEqual(CellGrid(width: -1, height: 2).rows(), ["", ""])
    }

    func testTextIsClippedToMaxWidthAndTheGrid() {
        var grid = CellGrid(width: 8, height: 2)
        XCTAssertEqual(grid.put(text: "hello world", row: 0, col: 1, maxWidth: 4), 4)
        XCTAssertEqual(grid.put(text: "overflow", row: 1, col: 5, maxWidth: 10), 3)
        XCTAssertEqual(grid.rows(), [" hell   ", "     ove"])
    }

    func testWideGlyphsTakeALeadAndAContinuationCell() {
        var grid = CellGrid(width: 6, height: 1)
        XCTAssertEqual(grid.put(text: "中a文", row: 0, col: 0, maxWidth: 6), 5)
        XCTAssertEqual(grid[0, 0].glyph, "中")
        XCTAssertTrue(grid[0, 1].isContinuation)
        XCTAssertEqual(grid[0, 2].glyph, "a")
        XCTAssertEqual(grid.rows(), ["中a文 "])
    }

    func testAWideGlyphThatDoesNotFitBecomesASpace() {
        var grid = CellGrid(width: 5, height: 2)
        grid.fill(grid.bounds, with: Cell("."))
        XCTAssertEqual(grid.put(text: "ab中", row: 0, col: 0, maxWidth: 3), 3)
        // The last column of the grid: never half a glyph, never a glyph that wraps.
        XCTAssertEqual(grid.put(text: "中文中", row: 1, col: 0, maxWidth: 5), 5)
        XCTAssertEqual(grid.rows(), ["ab ..", "中文 "])
        XCTAssertFalse(grid[1, 4].isContinuation)
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put(text: "中文中", row: 0, col: 0, maxWidth: 6)
        grid.put(text: "x", row: 0, col: 1, maxWidth: 1)
        grid.put(text: "y", row: 0, col: 2, maxWidth: 1)
        XCTAssertEqual(grid.rows(), [" xy 中"])
        XCTAssertEqual(grid.row(0).filter(\.isContinuation).count, 1)
    }

    func testStyledLinesKeepSpanStylesPlusTheBaseStyle() {
        var grid = CellGrid(width: 6, height: 1)
        let line = StyledLine(spans: [Span("a", style: .bold), Span("b")])
        grid.put(line, row: 0, col: 0, maxWidth: 6, baseStyle: .reverse)
        XCTAssertEqual(grid[0, 0], Cell("a", style: [.bold, .reverse]))
        XCTAssertEqual(grid[0, 1], Cell("b", style: .reverse))
        XCTAssertEqual(grid[0, 2], Cell.blank)
    }

    func testTheGridSanitizesWhateverReachesIt() {
        var grid = CellGrid(width: 12, height: 1)
        grid.put(text: "a\u{1b}[2J\nb", row: 0, col: 0, maxWidth: 12)
        XCTAssertEqual(grid.rows(), ["a␛[2J␊b     "])
        XCTAssertEqual(grid[0, 1].style, .placeholder)
        XCTAssertEqual(grid[0, 2].style, .plain)
    }

    func testOutOfRangeWritesAreIgnored() {
        var grid = CellGrid(width: 3, height: 1)
        XCTAssertEqual(grid.put(text: "x", row: 1, col: 0, maxWidth: 3), 0)
        XCTAssertEqual(grid.put(text: "x", row: 0, col: -1, maxWidth: 3), 0)
        XCTAssertEqual(grid.put(text: "x", row: 0, col: 3, maxWidth: 3), 0)
        grid.fill(Rect(x: -5, y: -5, width: 100, height: 100), with: Cell("#"))
        XCTAssertEqual(grid.rows(), ["###"])
    }

    func testBoxesAreDrawnWithTitles() {
        var grid = CellGrid(width: 14, height: 4)
        grid.drawBox(Rect(x: 0, y: 0, width: 14, height: 4), title: "Response 1")
        XCTAssertEqual(grid.rows(), [
            "┌─ Response ─┐",
            "│            │",
            "│            │",
            "└────────────┘",
        ])
    }

    func testLongTitlesAreShortenedAndFocusedBoxesAreHeavy() {
        var grid = CellGrid(width: 10, height: 3)
        grid.drawBox(grid.bounds, title: "Guideline \u{1b}]0;x", style: .bold, weight: .heavy)
        XCTAssertEqual(grid.rows(), [
            "┏━ Guide━┓",
            "┃        ┃",
            "┗━━━━━━━━┛",
        ])
        XCTAssertEqual(grid[0, 0].style, .bold)
    }

    func testBoxesSmallerThanTwoByTwoAreNotDrawn() {
        var grid = CellGrid(width: 3, height: 3)
        grid.drawBox(Rect(x: 0, y: 0, width: 1, height: 3), title: nil)
        XCTAssertEqual(grid.rows(), ["   ", "   ", "   "])
        grid.drawBox(Rect(x: 1, y: 1, width: 2, height: 2), title: "t")
        XCTAssertEqual(grid.rows(), ["   ", " ┌┐", " └┘"])
    }

    func testAPaneOfLaidOutTextRendersAsLiteralRows() {
        var grid = CellGrid(width: 16, height: 5)
        grid.drawBox(grid.bounds, title: "Prompt")
        // The second line continues the list item lazily, so it hangs under its text.
        let text = TextLayout.layout("- 中文 item that wraps\n\u{1b}[2J", width: 14, markdown: true)
        for (index, line) in text.lines.prefix(3).enumerated() {
            grid.put(line, row: index + 1, col: 1, maxWidth: 14)
        }
        XCTAssertEqual(grid.rows(), [
            "┌─ Prompt ─────┐",
            "│• 中文 item   │",
            "│  that wraps  │",
            "│  ␛[2J        │",
            "└──────────────┘",
        ])
    }

    func testChangedRunsAgainstThePreviousFrame() {
        var before = CellGrid(width: 6, height: 3)
        before.put(text: "abc", row: 0, col: 0, maxWidth: 6)
        var after = before
        after.put(text: "中", row: 1, col: 2, maxWidth: 6)
        after.put(text: "X", row: 2, col: 5, maxWidth: 1)
        XCTAssertEqual(after.changes(since: before), [
            CellGrid.Change(row: 1, columns: 2..<4),
            CellGrid.Change(row: 2, columns: 5..<6),
        ])
        XCTAssertEqual(after.changes(since: after), [])
        XCTAssertEqual(after.changes(since: nil), (0..<3).map { CellGrid.Change(row: $0, columns: 0..<6) })
        XCTAssertEqual(after.changes(since: CellGrid(width: 5, height: 3)).count, 3)
    }

    func testAChangeInsideAWideGlyphRepaintsTheWholeGlyph() {
        var before = CellGrid(width: 4, height: 1)
        before.put(text: "中", row: 0, col: 0, maxWidth: 4)
        var after = CellGrid(width: 4, height: 1)
        after.put(text: "中", row: 0, col: 0, maxWidth: 4, style: .bold)
        // Only the style changed; the run still covers lead and continuation.
        XCTAssertEqual(after.changes(since: before), [CellGrid.Change(row: 0, columns: 0..<2)])
        var shifted = before
        shifted[0, 1] = Cell("", style: .bold)
        XCTAssertEqual(shifted.changes(since: before), [CellGrid.Change(row: 0, columns: 0..<2)])
    }
}
