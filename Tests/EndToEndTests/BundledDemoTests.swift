import Foundation
import XCTest

/// `prefer label` with no arguments opens the built-in demo from any folder, and a file the
/// rater named but prefer cannot open is reported with the option that named it.
final class BundledDemoTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// An empty folder outside the repository.
    private func emptyFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "prefer-bundled-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        XCTAssertFalse(folder.hasPrefix(repository))
        return folder
    }

    private func sha256sum(_ path: String) throws -> String {
        String(try ChildProcess.run(["sha256sum", path]).stdout.prefix(64))
    }

    /// Every event of the only rater folder under `sessions`, and that rater's name.
    private func events(in folder: String) -> (rater: String, events: [[String: Any]]) {
        let sessions = folder + "/sessions"
        let raters = ((try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? []).filter { !$0.hasPrefix(".") }
        guard raters.count == 1 else { return ("", []) }
        let dir = sessions + "/" + raters[0]
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        let events = files.flatMap { name -> [[String: Any]] in
            let text = (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        return (raters[0], events)
    }

    func testLabelWithNoArgumentsOpensTheBuiltInDemoOutsideTheRepositoryAndResumes() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try TmuxSession([PreferBinary.path, "label"], cols: 160, rows: 48, directory: folder)
        defer { tmux.kill() }
        tmux.waitFor("Write a Python function median(values) that returns the median")
        tmux.waitFor("0/28")
        // At 160 columns the guideline sits beside the responses: the built-in one.
        tmux.waitFor("Labeling guideline: which response is better?")
        usleep(450_000)
        try tmux.type("1")
        tmux.waitFor("What is the capital of Australia?")
        tmux.waitFor("1/28")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0, tmux.standardError)

        let (rater, first) = events(in: folder)
        let start = try XCTUnwrap(first.first)
        XCTAssertEqual(start["type"] as? String, "session_start")
        XCTAssertEqual(start["tasks"] as? String, "(built-in) examples/demo/tasks.jsonl")
        XCTAssertEqual(start["tasks_sha256"] as? String, try sha256sum(repository + "/examples/demo/tasks.jsonl"))
        XCTAssertEqual(start["guideline"] as? String, "(built-in) guidelines/default.md")
        XCTAssertEqual(start["guideline_sha256"] as? String, try sha256sum(repository + "/guidelines/default.md"))
        let labels = first.filter { $0["type"] as? String == "label" }
        XCTAssertEqual(labels.map { $0["task"] as? String }, ["demo-01-python-median"])

        // The next sitting from the same folder resumes at the second demo task.
        let again = try TmuxSession([PreferBinary.path, "label"], cols: 160, rows: 48, directory: folder)
        defer { again.kill() }
        again.waitFor("1/28")
        again.waitFor("What is the capital of Australia?")
        try again.type("q")
        XCTAssertEqual(again.exitStatus(), 0, again.standardError)
        XCTAssertEqual(events(in: folder).rater, rater)
        XCTAssertEqual(events(in: folder).events.filter { $0["type"] as? String == "session_start" }.count, 2)
    }

    func testAMissingTaskFileNamesTheOptionAndTheGuidelineIsBuiltIn() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try PreferBinary.run(["label", "--tasks", "mine.jsonl", "--rater", "e2e"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, """
            prefer: mine.jsonl: cannot be opened: No such file or directory
            (the task file given with --tasks; nothing was labeled, fix the file and try again)

            """)
    }

    func testAMissingGuidelineNamesTheOption() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try PreferBinary.run(["label", "--guideline", "rules.md", "--rater", "e2e"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, """
            prefer: rules.md: cannot be opened: No such file or directory
            (the guideline given with --guideline; nothing was labeled, fix the file and try again)

            """)
    }
}
