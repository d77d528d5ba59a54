import Foundation
import XCTest

/// Bad input is refused before anything starts: exit 2, `FILE:LINE: reason`, no file written.
final class CommandLineInputTests: XCTestCase {
    private func assertRefused(tasks: String, expecting fragment: String, file: StaticString = #filePath,
                               line: UInt = #line) throws {
        let workspace = try Workspace()
        try workspace.write("bad.jsonl", tasks)
        let result = try PreferBinary.run(["label", "--tasks", "bad.jsonl", "--guideline", "guide.md",
                                           "--sessions", "sessions", "--rater", "e2e"], in: workspace.root)
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(fragment), "stderr was: \(result.stderr)", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("sessions")), file: file, line: line)
    }

    private let good = #"{"id":"a","prompt":"p","response_a":"x","response_b":"y"}"#

    func testALineOverTheLimitIsRefusedByLabelAndValidateAlikeNamingItsLargestField() throws {
        let huge = #"{"id":"big","prompt":"p","response_a":""# + String(repeating: "x", count: 20_000_000)
            + #"","response_b":"y"}"#
        let tasks = good + "\n" + huge + "\n" + #"{"id":"c","prompt":"p","response_a":"x"}"# + "\n"
        let expected = "bad.jsonl:2: response_a is 20 MB; the limit is 16 MB per task line"
        try assertRefused(tasks: tasks, expecting: expected)
        let workspace = try Workspace()
        try workspace.write("bad.jsonl", tasks)
        let validate = try PreferBinary.run(["validate", "bad.jsonl"], in: workspace.root)
        XCTAssertNotEqual(validate.status, 0)
        XCTAssertTrue(validate.stderr.contains(expected), validate.stderr)
        XCTAssertTrue(validate.stderr.contains("bad.jsonl:3:"), "the lines after it are still counted: \(validate.stderr)")
    }

    func testDuplicateIdIsRefusedWithItsLine() throws {
        try assertRefused(tasks: good + "\n" + #"{"id":"b","prompt":"p","response_a":"x","response_b":"y"}"# + "\n" + good + "\n",
                          expecting: "bad.jsonl:3:")
    }

    func testMissingFieldIsRefusedWithItsLine() throws {
        try assertRefused(tasks: good + "\n" + #"{"id":"b","prompt":"p","response_a":"x"}"# + "\n",
                          expecting: "bad.jsonl:2:")
    }

    func testBrokenJSONIsRefusedWithItsLine() throws {
        try assertRefused(tasks: good + "\n" + #"{"id":"b","prompt":"p","response_a":"x","#  + "\n", expecting: "bad.jsonl:2:")
    }

    func testInvalidUTF8IsRefusedWithItsLine() throws {
        let workspace = try Workspace()
        var bytes = Array((good + "\n").utf8)
        bytes += Array(#"{"id":"b","prompt":"p"#.utf8) + [0xFF, 0xFE] + Array(#"","response_a":"x","response_b":"y"}"#.utf8) + [0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: workspace.path("bad.jsonl")))
        let result = try PreferBinary.run(["label", "--tasks", "bad.jsonl", "--guideline", "guide.md",
                                           "--sessions", "sessions", "--rater", "e2e"], in: workspace.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("bad.jsonl:2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("UTF-8"), result.stderr)
    }

    func testBadRaterNamesAreRefusedAndNothingIsCreated() throws {
        for name in ["../x", "a/b", "..", "", String(repeating: "r", count: 300), "-dash", "evil\u{1b}[2J"] {
            let workspace = try Workspace()
            let result = try PreferBinary.run(["label", "--tasks", "tasks.jsonl", "--guideline", "guide.md",
                                               "--sessions", "sessions", "--rater", name], in: workspace.root)
            XCTAssertEqual(result.status, 2, "rater \(name.debugDescription): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("rater"), result.stderr)
            XCTAssertFalse(result.stderr.contains("\u{1b}"), "the error message must be sanitized")
            XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("sessions")))
            XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("x")), "../x escaped the sessions folder")
        }
    }

    func testDumbOrUnknownTermIsAClearErrorThatTouchesNoFile() throws {
        for term in ["dumb", "no-such-terminal-xyz", ""] {
            let workspace = try Workspace()
            let result = try PreferBinary.run(["label", "--tasks", "tasks.jsonl", "--guideline", "guide.md",
                                               "--sessions", "sessions", "--rater", "e2e"], in: workspace.root,
                                              environment: ["TERM": term])
            XCTAssertEqual(result.status, 2, "TERM=\(term): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("TERM"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("sessions")))
        }
    }

    func testValidateReportsEveryProblemWithItsLine() throws {
        let workspace = try Workspace()
        try workspace.write("bad.jsonl", good + "\n" + good + "\n" + "not json\n")
        let result = try PreferBinary.run(["validate", "bad.jsonl", "tasks.jsonl", "guide.md"], in: workspace.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("bad.jsonl:2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.jsonl:3:"), result.stderr)
        let ok = try PreferBinary.run(["validate", "tasks.jsonl", "guide.md"], in: workspace.root)
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    func testUsageErrorsExitWithTwo() throws {
        let workspace = try Workspace()
        let result = try PreferBinary.run(["label", "--scale", "stars"], in: workspace.root)
        XCTAssertEqual(result.status, 2, result.stderr)
    }
}
