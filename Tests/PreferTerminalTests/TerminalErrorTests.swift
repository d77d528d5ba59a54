import XCTest
@testable import PreferTerminal

final class TerminalErrorTests: XCTestCase {
    func testHostileTermValueIsEscapedInTheMessage() {
        let message = TerminalError.termUnknown(term: "x\u{1B}]0;owned\u{7}").description
        XCTAssertTrue(message.contains("TERM=x\\u{1B}]0;owned\\u{7} is not known"), message)
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    func testVeryLongTermValueIsCutWithAnEllipsis() {
        let printable = TerminalError.printable(String(repeating: "a", count: 100))
        XCTAssertEqual(printable, String(repeating: "a", count: 64) + "…")
    }

    func testMessagesAreSentencesThatSayWhatToDo() {
        XCTAssertEqual(
            TerminalError.termNotSet.description,
            "TERM is not set, so prefer cannot tell how to draw on this terminal; "
                + "set it (for example TERM=xterm-256color) and try again.")
        XCTAssertTrue(TerminalError.noUTF8Locale(codeset: "ANSI_X3.4-1968").description
            .contains("uses the ANSI_X3.4-1968 character set and C.UTF-8 is not available"))
    }
}
