import XCTest
@testable import PreferCore

final class JSONLinesTests: XCTestCase {
    /// (number, content, hasNewline, isBlank, isLast) of every line.
    private func lines(_ text: [UInt8], from start: Int = 0, firstLine: Int = 1) -> [String] {
        text.withUnsafeBytes { raw in
            let lines = JSONLines(raw, from: start, firstLine: firstLine)
            return lines.map { line in
                "\(line.number)|\(String(decoding: lines[line], as: UTF8.self))|"
                    + "\(line.hasNewline ? "nl" : "-")|\(line.isBlank ? "blank" : "-")|\(line.isLast ? "last" : "-")|\(line.next)"
            }
        }
    }

    func testBOMCRLFBlankLinesAndATornTail() {
        let text = Array("\u{FEFF}{\"a\":1}\r\n\r\n  \t\n{\"b\":2}\n{\"c\":".utf8)
        XCTAssertEqual(lines(text), [
            "1|{\"a\":1}|nl|-|-|12",
            "2||nl|blank|-|14",
            "3|  \t|nl|blank|-|18",
            "4|{\"b\":2}|nl|-|-|26",
            "5|{\"c\":|-|-|last|31",
        ])
    }

    func testTheLastContentfulLineIsLastEvenWithBlankLinesAfterIt() {
        let text = Array("{\"a\":1}\n{\"b\":\n\n \r\n".utf8)
        XCTAssertEqual(lines(text), [
            "1|{\"a\":1}|nl|-|-|8",
            "2|{\"b\":|nl|-|last|14",
            "3||nl|blank|-|15",
            "4| |nl|blank|-|18",
        ])
    }

    func testABOMIsOnlySkippedAtTheStartOfAFile() {
        let text = Array("x\n\u{FEFF}y\n".utf8)
        XCTAssertEqual(lines(text, from: 2, firstLine: 2), ["2|\u{FEFF}y|nl|-|last|7"])
        XCTAssertEqual(lines(Array("\u{FEFF}".utf8)), [])
    }

    func testACarriageReturnWithoutNewlineStaysInTheLine() {
        // Only a CRLF is a line end; a lone CR at the end of an unterminated line is content
        // (JSON takes it as white space), and a line of CRs is blank.
        XCTAssertEqual(lines(Array("{}\r".utf8)), ["1|{}\r|-|-|last|3"])
        XCTAssertEqual(lines(Array("\r\r\n{}".utf8)), ["1|\r|nl|blank|-|3", "2|{}|-|-|last|5"])
    }

    func testEmptyAndAllBlankBuffers() {
        XCTAssertEqual(lines([]), [])
        XCTAssertEqual(lines(Array("\n\n".utf8)), ["1||nl|blank|-|1", "2||nl|blank|-|2"])
    }
}
