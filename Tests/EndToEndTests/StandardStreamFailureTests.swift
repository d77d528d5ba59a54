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

    /// Runs prefer with stdout on /dev/full and returns its exit status and stderr.
    private func runWithFullStdout(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PreferBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "prefer died of signal \(process.terminationStatus)")
        return (process.terminationStatus, text)
    }

    func testAResultThatCannotBeWrittenToStdoutSaysWhichAndExitsOne() throws {
        let validate = try runWithFullStdout(["validate", "examples/demo/tasks.jsonl"])
        XCTAssertEqual(validate.status, 1)
        XCTAssertEqual(validate.stderr, "prefer: the result could not be written to standard output: No space left on device\n")
        let report = try runWithFullStdout(["report", "benchmarks/report/example/sessions",
                                            "--tasks", "examples/demo/tasks.jsonl", "--bootstrap", "0"])
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.stderr.hasSuffix("prefer: the report could not be written to standard output: No space left on device\n"),
                      report.stderr)
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
