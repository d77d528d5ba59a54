import Foundation
import XCTest

/// A write to a standard stream that fails (a full disk, a hung-up terminal, a closed pipe)
/// is an exit status, never a trap: Foundation's FileHandle traps on such a write (SIGILL)
/// and the Swift backtracer then holds the process for seconds.
final class StandardStreamFailureTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs prefer with stdout and stderr on /dev/full, where every write fails with ENOSPC.
    private func runOnFullDevice(_ arguments: [String]) throws -> (reason: Process.TerminationReason, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PreferBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        process.standardOutput = full
        process.standardError = full
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }

    func testAReportThatCannotBeWrittenExitsOneWithoutATrap() throws {
        let outcome = try runOnFullDevice(["report", "benchmarks/report/example/sessions",
                                           "--tasks", "examples/demo/tasks.jsonl", "--bootstrap", "0"])
        XCTAssertEqual(outcome.reason, .exit, "prefer died of signal \(outcome.status)")
        XCTAssertEqual(outcome.status, 1)
    }

    func testHelpThatCannotBeWrittenExitsOneWithoutATrap() throws {
        let outcome = try runOnFullDevice(["--help"])
        XCTAssertEqual(outcome.reason, .exit, "prefer died of signal \(outcome.status)")
        XCTAssertEqual(outcome.status, 1)
    }

    func testAnErrorMessageThatCannotBeWrittenKeepsItsExitStatus() throws {
        let outcome = try runOnFullDevice(["label", "--tasks", "no-such-file.jsonl"])
        XCTAssertEqual(outcome.reason, .exit, "prefer died of signal \(outcome.status)")
        XCTAssertEqual(outcome.status, 2)
    }
}
