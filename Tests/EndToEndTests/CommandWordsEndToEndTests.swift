import Foundation
import XCTest

/// What the commands say, as a user sees it: results on stdout, counts in the right number,
/// a suggestion for a mistyped command.
final class CommandWordsEndToEndTests: XCTestCase {
    func testValidatePrintsItsOkLinesOnStdoutInTheRightNumber() throws {
        let workspace = try Workspace()
        try workspace.write("one.jsonl", #"{"id":"a","prompt":"p","response_a":"x","response_b":"y"}"# + "\n")
        let result = try PreferBinary.run(["validate", "tasks.jsonl", "one.jsonl", "guide.md"], in: workspace.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "tasks.jsonl: ok (6 tasks)\none.jsonl: ok (1 task)\nguide.md: ok (guideline, 7 lines)\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testAMistypedSubcommandGetsADidYouMean() throws {
        let workspace = try Workspace()
        let result = try PreferBinary.run(["reprot", "sessions"], in: workspace.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            prefer: unknown command 'reprot'; did you mean 'report'?
            Commands: label, validate, report, export, make-tasks, status (see prefer --help)

            """)
    }

    func testTheFarewellCountsOneLabelInTheSingular() throws {
        let workspace = try Workspace()
        let tmux = try TmuxSession(workspace.labelCommand(), directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        usleep(450_000)
        try tmux.type("1")
        tmux.waitFor("Question number 2?")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
        let session = try XCTUnwrap(workspace.sessionFiles().first)
        XCTAssertEqual(tmux.standardError, "1 label saved this sitting in sessions/e2e/\(URL(fileURLWithPath: session).lastPathComponent) (1/6 done).\n")
    }
}
