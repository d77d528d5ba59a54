import XCTest
@testable import PreferTUI

/// Scroll state: clamped scrolling, pages, ends, revealing a line, and "seen to the end".
final class ViewportTests: XCTestCase {
    func testScrollingIsClampedToTheContent() {
        var viewport = Viewport()
        viewport.scroll(by: 5, contentHeight: 20, viewHeight: 8)
        XCTAssertEqual(viewport.offset, 5)
        viewport.scroll(by: 100, contentHeight: 20, viewHeight: 8)
        XCTAssertEqual(viewport.offset, 12)
        viewport.scroll(by: -100, contentHeight: 20, viewHeight: 8)
        XCTAssertEqual(viewport.offset, 0)
        viewport.scroll(by: Int.max, contentHeight: 20, viewHeight: 8)
        XCTAssertEqual(viewport.offset, 12)
        viewport.scroll(by: Int.min, contentHeight: 20, viewHeight: 8)
        XCTAssertEqual(viewport.offset, 0)
    }

    func testContentShorterThanTheViewDoesNotScroll() {
        var viewport = Viewport()
        viewport.scroll(by: 3, contentHeight: 4, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 0)
        XCTAssertTrue(viewport.isAtEnd(contentHeight: 4, viewHeight: 10))
        XCTAssertTrue(viewport.isAtEnd(contentHeight: 0, viewHeight: 10))
    }

    func testPagesKeepOneLineOfContext() {
        var viewport = Viewport()
        viewport.pageDown(contentHeight: 30, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 9)
        viewport.pageDown(contentHeight: 30, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 18)
        viewport.pageDown(contentHeight: 30, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 20)
        viewport.pageUp(contentHeight: 30, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 11)
        viewport.pageDown(contentHeight: 30, viewHeight: 1)
        XCTAssertEqual(viewport.offset, 12)
    }

    func testHomeAndEnd() {
        var viewport = Viewport(offset: 7)
        viewport.end(contentHeight: 50, viewHeight: 20)
        XCTAssertEqual(viewport.offset, 30)
        XCTAssertTrue(viewport.isAtEnd(contentHeight: 50, viewHeight: 20))
        viewport.home()
        XCTAssertEqual(viewport.offset, 0)
        XCTAssertFalse(viewport.isAtEnd(contentHeight: 50, viewHeight: 20))
    }

    func testIsAtEndOnlyWhenTheLastLineIsVisible() {
        var viewport = Viewport()
        viewport.scroll(by: 11, contentHeight: 20, viewHeight: 8)
        XCTAssertFalse(viewport.isAtEnd(contentHeight: 20, viewHeight: 8))
        viewport.scroll(by: 1, contentHeight: 20, viewHeight: 8)
        XCTAssertTrue(viewport.isAtEnd(contentHeight: 20, viewHeight: 8))
        XCTAssertFalse(Viewport().isAtEnd(contentHeight: 5, viewHeight: 0))
    }

    func testRevealScrollsAsLittleAsPossible() {
        var viewport = Viewport()
        viewport.reveal(line: 3, contentHeight: 40, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 0)
        viewport.reveal(line: 15, contentHeight: 40, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 6)
        viewport.reveal(line: 2, contentHeight: 40, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 2)
        viewport.reveal(line: 39, contentHeight: 40, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 30)
    }

    func testAResizeClampsAndTheVisibleRangeFollows() {
        var viewport = Viewport(offset: 30)
        viewport.clamp(contentHeight: 35, viewHeight: 10)
        XCTAssertEqual(viewport.offset, 25)
        XCTAssertEqual(viewport.visibleLines(contentHeight: 35, viewHeight: 10), 25..<35)
        XCTAssertEqual(Viewport(offset: 3).visibleLines(contentHeight: 5, viewHeight: 10), 3..<5)
        XCTAssertEqual(Viewport(offset: -2).offset, 0)
    }
}
