import Glibc
import XCTest
@testable import PreferTerminal

final class HangupDetectorTests: XCTestCase {
    func testEIOMeansTheTerminalIsGoneAtOnce() {
        var detector = HangupDetector()
        XCTAssertTrue(detector.noteFailure(elapsedMs: 0, timeoutMs: 200, errorNumber: EIO, pollEvents: 0))
    }

    func testPollHangupOrErrorMeansTheTerminalIsGoneAtOnce() {
        var hangup = HangupDetector()
        XCTAssertTrue(hangup.noteFailure(elapsedMs: 0, timeoutMs: 200, errorNumber: 0,
                                         pollEvents: Int16(POLLIN) | Int16(POLLHUP)))
        var error = HangupDetector()
        XCTAssertTrue(error.noteFailure(elapsedMs: 0, timeoutMs: 200, errorNumber: 0, pollEvents: Int16(POLLERR)))
    }

    func testAReadThatWaitedOutItsTimeoutIsAnOrdinaryTimeout() {
        var detector = HangupDetector()
        for _ in 0..<20 {
            XCTAssertFalse(detector.noteFailure(elapsedMs: 200, timeoutMs: 200, errorNumber: 0, pollEvents: 0))
        }
        XCTAssertEqual(detector.consecutiveEarlyFailures, 0)
    }

    func testFiveEarlyFailuresInARowMeanEndOfFile() {
        var detector = HangupDetector()
        for attempt in 1..<HangupDetector.earlyFailureLimit {
            XCTAssertFalse(detector.noteFailure(elapsedMs: 1, timeoutMs: 200, errorNumber: 0, pollEvents: Int16(POLLIN)),
                           "attempt \(attempt)")
        }
        XCTAssertTrue(detector.noteFailure(elapsedMs: 1, timeoutMs: 200, errorNumber: 0, pollEvents: Int16(POLLIN)))
    }

    func testAKeyBetweenEarlyFailuresStartsTheCountAgain() {
        var detector = HangupDetector()
        for _ in 1..<HangupDetector.earlyFailureLimit {
            _ = detector.noteFailure(elapsedMs: 1, timeoutMs: 200, errorNumber: EINTR, pollEvents: 0)
        }
        detector.noteSuccess()
        XCTAssertFalse(detector.noteFailure(elapsedMs: 1, timeoutMs: 200, errorNumber: EINTR, pollEvents: 0))
        XCTAssertEqual(detector.consecutiveEarlyFailures, 1)
    }

    func testAFullTimeoutBetweenEarlyFailuresStartsTheCountAgain() {
        var detector = HangupDetector()
        for _ in 1..<HangupDetector.earlyFailureLimit {
            _ = detector.noteFailure(elapsedMs: 1, timeoutMs: 200, errorNumber: 0, pollEvents: 0)
        }
        _ = detector.noteFailure(elapsedMs: 201, timeoutMs: 200, errorNumber: 0, pollEvents: 0)
        XCTAssertEqual(detector.consecutiveEarlyFailures, 0)
    }

    func testZeroTimeoutFailuresNeverCountAsEarly() {
        var detector = HangupDetector()
        for _ in 0..<20 {
            XCTAssertFalse(detector.noteFailure(elapsedMs: 0, timeoutMs: 0, errorNumber: 0, pollEvents: 0))
        }
    }

    func testAnyFailureOfABlockingReadCountsAsEarly() {
        var detector = HangupDetector()
        _ = detector.noteFailure(elapsedMs: 5000, timeoutMs: -1, errorNumber: 0, pollEvents: 0)
        XCTAssertEqual(detector.consecutiveEarlyFailures, 1)
    }
}
