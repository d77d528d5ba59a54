import Foundation
import XCTest
import PreferTUI

/// Layout runs at every keypress (scrolling, resizing), so a typical 1.5 KB response must
/// lay out far below a frame's budget. The bound is loose enough for a debug build on a
/// busy machine and still catches a quadratic slip; the measured figure is printed.
final class TextLayoutPerformanceTests: XCTestCase {
    static let response: String = {
        let block = """
        ## Comparing the two *approaches*

        The first answer is **correct** but verbose; the second uses `reduce` well.

        - It handles empty input, 中文 text and emoji 👍🏽 correctly.
        - It keeps tabs\tand wide glyphs aligned.
          1. Nested numbered point with a bit more text to wrap.

        ```swift
        let total = values.reduce(0, +) // sum of all values in the list
        ```
        > A quoted remark that spans more than one line when narrow.

        """
        var text = ""
        while text.utf8.count < 1500 { text += block }
        return text
    }()

    private func averageMilliseconds(_ text: String, width: Int, repetitions: Int) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        var lines = 0
        for _ in 0..<repetitions {
            lines += TextLayout.layout(text, width: width, markdown: true).lines.count
        }
        XCTAssertGreaterThan(lines, 0)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(repetitions)
    }

    func testATypicalResponseLaysOutWellWithinAFrame() {
        let milliseconds = averageMilliseconds(Self.response, width: 60, repetitions: 200)
        print("layout of \(Self.response.utf8.count) bytes at width 60: \(String(format: "%.3f", milliseconds)) ms")
        XCTAssertLessThan(milliseconds, 25)
    }

    func testManyEmphasisMarkersDoNotSlowLayoutDown() {
        let hostile = String(repeating: "*a _b ", count: 250) + String(repeating: "`", count: 200)
        let milliseconds = averageMilliseconds(hostile, width: 60, repetitions: 20)
        print("layout of \(hostile.utf8.count) bytes of unmatched markers: \(String(format: "%.3f", milliseconds)) ms")
        XCTAssertLessThan(milliseconds, 25)
    }
}
