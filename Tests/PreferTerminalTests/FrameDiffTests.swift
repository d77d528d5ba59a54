import XCTest
@testable import PreferTerminal
import PreferTUI

final class FrameDiffTests: XCTestCase {
    /// One row from a string; `_` after a glyph marks its continuation cell.
    private func row(_ text: String) -> CellGrid {
        let cells = text.map { $0 == "_" ? Cell.continuation : Cell(String($0)) }
        return CellGrid(width: cells.count, height: 1, cells: cells)
    }

    func testIdenticalRowsNeedNoRedraw() {
        XCTAssertNil(FrameDiff.changedColumns(row: 0, previous: row("abc界_d"), next: row("abc界_d")))
    }

    func testOneChangedCellIsTheWholeSpan() {
        XCTAssertEqual(FrameDiff.changedColumns(row: 0, previous: row("abcdef"), next: row("abXdef")), 2..<3)
    }

    func testSpanRunsFromFirstToLastChange() {
        XCTAssertEqual(FrameDiff.changedColumns(row: 0, previous: row("abcdef"), next: row("aXcdYf")), 1..<5)
    }

    func testAStyleChangeAloneIsAChange() {
        var next = row("abc")
        next.cells[1].style = .bold
        XCTAssertEqual(FrameDiff.changedColumns(row: 0, previous: row("abc"), next: next), 1..<2)
    }

    func testANewWideGlyphTakesItsContinuationCell() {
        XCTAssertEqual(FrameDiff.changedColumns(row: 0, previous: row("a界_b"), next: row("a國_b")), 1..<3)
    }

    func testAWideGlyphSplitIntoTwoNarrowOnesRedrawsBothCells() {
        XCTAssertEqual(FrameDiff.changedColumns(row: 0, previous: row("a界_b"), next: row("axyb")), 1..<3)
    }

    func testAChangeOnlyInTheOldContinuationCellReachesBackToItsLead() {
        // The lead cell's glyph is the same text, but the old frame drew it wide.
        XCTAssertEqual(FrameDiff.changedColumns(row: 0, previous: row("ax_b"), next: row("axyb")), 1..<3)
    }

    func testOnlyTheRequestedRowIsCompared() {
        let previous = CellGrid(width: 2, height: 2, cells: [Cell("a"), Cell("b"), Cell("c"), Cell("d")])
        let next = CellGrid(width: 2, height: 2, cells: [Cell("a"), Cell("b"), Cell("c"), Cell("Z")])
        XCTAssertNil(FrameDiff.changedColumns(row: 0, previous: previous, next: next))
        XCTAssertEqual(FrameDiff.changedColumns(row: 1, previous: previous, next: next), 1..<2)
    }
}
