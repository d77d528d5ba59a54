import Glibc
import XCTest
@testable import PreferTerminal

final class TerminalEnvironmentTests: XCTestCase {
    func testMissingOrEmptyTermIsRefused() {
        XCTAssertThrowsError(try TerminalEnvironment.checkedTermName(nil)) {
            XCTAssertEqual($0 as? TerminalError, .termNotSet)
        }
        XCTAssertThrowsError(try TerminalEnvironment.checkedTermName("")) {
            XCTAssertEqual($0 as? TerminalError, .termNotSet)
        }
    }

    func testDumbTermIsRefusedBeforeTerminfoIsAsked() {
        XCTAssertThrowsError(try TerminalEnvironment.checkedTermName("dumb")) {
            XCTAssertEqual($0 as? TerminalError, .termCannotAddressCursor(term: "dumb"))
        }
    }

    func testOrdinaryTermNameIsReturned() throws {
        XCTAssertEqual(try TerminalEnvironment.checkedTermName("xterm-256color"), "xterm-256color")
    }

    func testTerminfoProbeAcceptsAFullScreenTerminal() throws {
        try TerminalEnvironment.probeTerminfo(term: "xterm", fileDescriptor: -1)
    }

    func testTerminfoProbeRefusesAnUnknownName() {
        XCTAssertThrowsError(try TerminalEnvironment.probeTerminfo(term: "no-such-terminal-xyz", fileDescriptor: -1)) {
            XCTAssertEqual($0 as? TerminalError, .termUnknown(term: "no-such-terminal-xyz"))
        }
    }

    func testTerminfoProbeRefusesATerminalWithoutCursorAddressing() {
        XCTAssertThrowsError(try TerminalEnvironment.probeTerminfo(term: "dumb", fileDescriptor: -1)) {
            XCTAssertEqual($0 as? TerminalError, .termCannotAddressCursor(term: "dumb"))
        }
    }

    func testTerminfoProbeRefusesAHardcopyTerminal() {
        XCTAssertThrowsError(try TerminalEnvironment.probeTerminfo(term: "lpr", fileDescriptor: -1)) {
            XCTAssertEqual($0 as? TerminalError, .termUnknown(term: "lpr"))
        }
    }

    /// XCTest runs tests on the main thread, so the main actor may be assumed here.
    func testOpenRefusesAnUnsetOrDumbTermBeforeTouchingTheTerminal() throws {
        let saved = getenv("TERM").map { String(cString: $0) }
        defer { if let saved { setenv("TERM", saved, 1) } else { unsetenv("TERM") } }
        try MainActor.assumeIsolated {
            unsetenv("TERM")
            XCTAssertThrowsError(try Terminal.open(noColor: true)) {
                XCTAssertEqual($0 as? TerminalError, .termNotSet)
            }
            setenv("TERM", "dumb", 1)
            XCTAssertThrowsError(try Terminal.open(noColor: true)) {
                XCTAssertEqual($0 as? TerminalError, .termCannotAddressCursor(term: "dumb"))
            }
        }
    }
}
