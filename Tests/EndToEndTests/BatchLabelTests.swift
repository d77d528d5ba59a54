import Foundation
import XCTest

/// `prefer label --batch` and `prefer validate` on batch files, through the built binary.
final class BatchLabelTests: XCTestCase {
    private func batchWorkspace(_ toml: String) throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write("gold.jsonl", #"{"task":"task-2","choice":"A"}"# + "\n")
        try workspace.write("batch.toml", toml)
        return workspace
    }

    private let goodBatch = """
        name = "e2e-batch"
        tasks = "tasks.jsonl"
        guideline = "guide.md"
        overlap = 2
        gold = "gold.jsonl"
        raters = ["ana", "bo"]

        """

    func testBadBatchFilesAreRefusedWithFileLineExitTwoAndNoSessionFile() throws {
        let cases: [(String, String)] = [
            (goodBatch.replacingOccurrences(of: "overlap = 2", with: "overlap = 0"), "batch.toml:4: \"overlap\" must be at least 1"),
            (goodBatch + "max_overlap = 1\n", "batch.toml:7: \"max_overlap\" (1) must be at least \"overlap\" (2)"),
            (goodBatch + "repeat_rate = -0.1\n", "batch.toml:7: \"repeat_rate\" must be between 0 and 1"),
            (goodBatch + "shuffle = true\n", "batch.toml:7: unknown key \"shuffle\""),
            (goodBatch.replacingOccurrences(of: "\"tasks.jsonl\"", with: "\"nope.jsonl\""), "batch.toml:2: tasks file \"nope.jsonl\" not found"),
            (goodBatch.replacingOccurrences(of: "\"bo\"", with: "\"b/o\""), "batch.toml:6: rater name \"b/o\" is not allowed"),
            (goodBatch + "overlap = \n", "batch.toml:7: invalid TOML"),
        ]
        for (toml, expected) in cases {
            let workspace = try batchWorkspace(toml)
            let label = try PreferBinary.run(["label", "--batch", "batch.toml", "--rater", "ana", "--sessions", "sessions"],
                                             in: workspace.root)
            XCTAssertEqual(label.status, 2, label.stderr)
            XCTAssertTrue(label.stderr.contains(expected), "expected \(expected) in: \(label.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("sessions")), "nothing is written: \(expected)")
            let validate = try PreferBinary.run(["validate", "batch.toml"], in: workspace.root)
            XCTAssertEqual(validate.status, 2, validate.stderr)
            XCTAssertTrue(validate.stderr.contains(expected), "expected \(expected) in: \(validate.stderr)")
        }
    }

    func testAGoldIdNotInTheTaskFileIsAnErrorOnTheGoldFilesLine() throws {
        let workspace = try batchWorkspace(goodBatch)
        try workspace.write("gold.jsonl", #"{"task":"task-2","choice":"A"}"# + "\n" + #"{"task":"task-99","choice":"B"}"# + "\n")
        let validate = try PreferBinary.run(["validate", "batch.toml"], in: workspace.root)
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stderr.contains("gold.jsonl:2: gold answer for task \"task-99\", which is not in tasks.jsonl"), validate.stderr)
    }

    func testAGoodBatchFileValidatesWithASummary() throws {
        let workspace = try batchWorkspace(goodBatch)
        let validate = try PreferBinary.run(["validate", "batch.toml"], in: workspace.root)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertEqual(validate.stdout, "batch.toml: ok (batch \"e2e-batch\", 6 tasks, overlap 2, 1 gold task, 2 raters)\n")
    }

    func testARaterOffTheListAndClashingOptionsAreRefused() throws {
        let workspace = try batchWorkspace(goodBatch)
        let stranger = try PreferBinary.run(["label", "--batch", "batch.toml", "--rater", "chen", "--sessions", "sessions"],
                                            in: workspace.root)
        XCTAssertEqual(stranger.status, 2)
        XCTAssertTrue(stranger.stderr.contains("rater \"chen\" is not on the raters list of batch.toml:6"), stranger.stderr)
        let clash = try PreferBinary.run(["label", "--batch", "batch.toml", "--tasks", "tasks.jsonl", "--rater", "ana"],
                                         in: workspace.root)
        XCTAssertEqual(clash.status, 2)
        XCTAssertTrue(clash.stderr.contains("leave out --tasks"), clash.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("sessions")))
    }

    func testABatchSittingRecordsTheBatchAndUsesItsSettings() throws {
        let workspace = try batchWorkspace(goodBatch + "scale = \"likert5\"\n")
        let tmux = try TmuxSession([PreferBinary.path, "label", "--batch", "batch.toml", "--rater", "ana", "--sessions", "sessions"],
                                   directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Question number")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
        let start = try XCTUnwrap(workspace.events(ofType: "session_start", rater: "ana").first)
        XCTAssertEqual(start["batch"] as? String, "batch.toml")
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [workspace.path("batch.toml")]
        let digest = try PreferBinary.collect(sum).stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(start["batch_sha256"] as? String, digest)
        XCTAssertEqual(start["tasks"] as? String, "tasks.jsonl")
        XCTAssertEqual(start["guideline"] as? String, "guide.md")
        XCTAssertEqual(start["scale"] as? [String], ["A>>B", "A>B", "tie", "B>A", "B>>A"])
    }
}
