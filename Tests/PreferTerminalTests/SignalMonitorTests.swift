import Glibc
import XCTest
@testable import PreferTerminal

final class SignalMonitorTests: XCTestCase {
    override func setUp() {
        super.setUp()
        SignalMonitor.install()
        SignalMonitor.reset()
    }

    override func tearDown() {
        SignalMonitor.reset()
        for signalNumber in SignalMonitor.watchedSignals { signal(signalNumber, SIG_DFL) }
        signal(SIGPIPE, SIG_DFL)
        super.tearDown()
    }

    func testNothingIsPendingBeforeASignal() {
        XCTAssertNil(SignalMonitor.pending)
    }

    func testEachWatchedSignalMapsToItsReason() {
        let expected: [(Int32, EndSignal)] = [
            (SIGHUP, .hangup), (SIGTERM, .terminated), (SIGINT, .interrupted), (SIGQUIT, .interrupted),
        ]
        for (signalNumber, reason) in expected {
            SignalMonitor.reset()
            raise(signalNumber)
            XCTAssertEqual(SignalMonitor.pending, reason, "signal \(signalNumber)")
        }
    }

    func testTheFirstSignalWins() {
        raise(SIGHUP)
        raise(SIGTERM)
        XCTAssertEqual(SignalMonitor.pending, .hangup)
    }

    func testSigpipeIsIgnoredSoAWriteToAClosedPipeReturnsEPIPE() {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        close(fds[0])
        let written = write(fds[1], "x", 1)
        let error = errno
        close(fds[1])
        XCTAssertEqual(written, -1)
        XCTAssertEqual(error, EPIPE)
    }

    func testSignalsNcursesOwnsAreLeftAlone() {
        XCTAssertFalse(SignalMonitor.watchedSignals.contains(SIGWINCH))
        XCTAssertFalse(SignalMonitor.watchedSignals.contains(SIGTSTP))
        var current = sigaction()
        sigaction(SIGWINCH, nil, &current)
        XCTAssertNil(unsafeBitCast(current.__sigaction_handler.sa_handler, to: Optional<UnsafeRawPointer>.self))
    }
}
