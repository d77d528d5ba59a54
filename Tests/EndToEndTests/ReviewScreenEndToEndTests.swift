import Foundation
import XCTest

/// `prefer review` through the built binary in a private tmux server: a lead settles split
/// items, each verdict is on disk when the screen says so, and hostile text stays inert.
final class ReviewScreenEndToEndTests: XCTestCase {
    /// Longer than the 350 ms verdict guard, so a key is read as meant.
    private let pause: useconds_t = 450_000

    /// Eight tasks; ana and bo split on tasks 1–6 (A against B) and agree on 7 and 8 (A).
    static func splitWorkspace(prompt3: String = "Question number 3?", note2: String = "B misreads it") throws -> Workspace {
        let tasks: [[String: Any]] = (1...8).map { n in
            ["id": "task-\(n)", "prompt": n == 3 ? prompt3 : "Question number \(n)?",
             "response_a": "Answer alpha \(n).", "response_b": "Answer beta \(n).",
             "model_a": "model-x", "model_b": "model-y"]
        }
        let workspace = try Workspace(tasks: tasks)
        for (rater, split) in [("ana", "A"), ("bo", "B")] {
            try FileManager.default.createDirectory(atPath: workspace.path("sessions/\(rater)"),
                                                    withIntermediateDirectories: true)
            let lines: [[String: Any]] = (1...8).map { n in
                var line: [String: Any] = ["type": "label", "rater": rater, "task": "task-\(n)",
                                           "choice": n <= 6 ? split : "A", "left": n % 2 == 0 ? "A" : "B", "ms": 1000 * n]
                if n == 2 && rater == "ana" { line["note"] = note2 }
                return line
            }
            try workspace.write("sessions/\(rater)/labels.jsonl", Workspace.jsonl(lines))
        }
        return workspace
    }

    static func reviewCommand(lead: String = "lee", extra: [String] = []) -> [String] {
        [PreferBinary.path, "review", "--tasks", "tasks.jsonl", "--guideline", "guide.md", "--sessions", "sessions",
         "--rater", lead] + extra
    }

    private func verdict(_ key: String, in tmux: TmuxSession) throws {
        usleep(pause)
        try tmux.type(key)
    }

    func testALeadReviewsFiveSplitItemsAndEachVerdictIsInHerSessionFile() throws {
        let workspace = try Self.splitWorkspace()
        let tmux = try TmuxSession(Self.reviewCommand(), directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("item 1/6 · 0 adjudicated")
        XCTAssertFalse(tmux.screen().joined().contains("model-x"), "model names are hidden without --show-models")
        tmux.waitFor("ana    A       B     1.0s")
        // task-2 carries ana's note; the lead writes a note of her own with c.
        try verdict("1", in: tmux)
        tmux.waitFor("Saved: verdict A on task-1.")
        tmux.waitFor("B misreads it")
        try tmux.type("c")
        try tmux.type("agree with bo")
        try tmux.press("Enter")
        try verdict("2", in: tmux)
        tmux.waitFor("Saved: verdict B on task-2.")
        try verdict("t", in: tmux)
        tmux.waitFor("Saved: verdict tie on task-3.")
        try verdict("1", in: tmux)
        tmux.waitFor("Saved: verdict A on task-4.")
        try verdict("x", in: tmux)
        tmux.waitFor("Saved: verdict both_bad on task-5.")
        tmux.waitFor("item 6/6 · 5 adjudicated")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0, tmux.standardError)
        XCTAssertTrue(tmux.standardError.contains("5 verdicts saved this sitting in sessions/lee/"), tmux.standardError)

        let verdicts = workspace.events(ofType: "adjudication", rater: "lee")
        XCTAssertEqual(verdicts.map { $0["task"] as? String }, ["task-1", "task-2", "task-3", "task-4", "task-5"])
        XCTAssertEqual(verdicts.map { $0["choice"] as? String }, ["A", "B", "tie", "A", "both_bad"])
        XCTAssertEqual(verdicts.map { $0["note"] as? String }, [nil, "agree with bo", nil, nil, nil])
        for event in verdicts {
            XCTAssertEqual(event["rater"] as? String, "lee")
            XCTAssertEqual((event["task_sha256"] as? String)?.count, 64)
            XCTAssertNotNil(event["session"] as? String)
            XCTAssertNotNil(event["at"] as? String)
        }
        XCTAssertEqual(workspace.events(ofType: "label", rater: "lee").count, 0, "a verdict is never a label")

        // Reopened, the review resumes at the first item without a verdict; u retracts one.
        let again = try TmuxSession(Self.reviewCommand(), directory: workspace.root)
        defer { again.kill() }
        again.waitFor("item 6/6 · 5 adjudicated")
        again.waitFor("Prompt · task-6")
        try verdict("p", in: again)
        again.waitFor("your verdict: both_bad")
        try verdict("u", in: again)
        again.waitFor("Verdict retracted: this item has none now.")
        again.waitFor("item 5/6 · 4 adjudicated")
        try again.type("q")
        XCTAssertEqual(again.exitStatus(), 0, again.standardError)
        XCTAssertEqual(workspace.events(ofType: "undo", rater: "lee").map { $0["task"] as? String }, ["task-5"])
    }

    func testAVerdictAcknowledgedOnScreenSurvivesKillNine() throws {
        let workspace = try Self.splitWorkspace()
        let tmux = try TmuxSession(Self.reviewCommand(), directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("item 1/6")
        try verdict("2", in: tmux)
        tmux.waitFor("Saved: verdict B on task-1.")
        guard let pid = tmux.commandPID() else { return XCTFail("no prefer process") }
        XCTAssertEqual(Glibc.kill(pid, SIGKILL), 0)
        XCTAssertEqual(tmux.exitStatus(), 137)
        let events = workspace.events(rater: "lee")
        XCTAssertEqual(events.map { $0["type"] as? String }, ["session_start", "adjudication"])
        XCTAssertEqual(events.last?["choice"] as? String, "B")
        XCTAssertEqual(events.last?["task"] as? String, "task-1")
    }

    func testHostileTextInTasksAndNotesIsShownAsPlaceholders() throws {
        let workspace = try Self.splitWorkspace(prompt3: "Evil \u{1b}]0;pwned-title\u{7} \u{1b}[2J prompt \u{202e}txt",
                                                note2: "note \u{1b}]52;c;ZWNobyBwd25lZA==\u{7} \u{1b}[H")
        let tmux = try TmuxSession(Self.reviewCommand(), cols: 120, rows: 40, directory: workspace.root)
        defer { tmux.kill() }
        let titleBefore = tmux.paneValue("#{pane_title}")
        tmux.waitFor("item 1/6")
        try verdict("n", in: tmux)
        tmux.waitFor("Prompt · task-2")
        tmux.waitFor("note ␛]52;c;ZWNobyBwd25lZA==␇ ␛[H")
        XCTAssertTrue(tmux.screen().joined().contains("Labels · 1 A · 1 B · no majority · hidden chars: 3"), tmux.screen().joined(separator: "\n"))
        try verdict("n", in: tmux)
        tmux.waitFor("Evil ␛]0;pwned-title␇ ␛[2J prompt")
        XCTAssertTrue(tmux.screen().joined().contains("U+202E"))
        XCTAssertTrue(tmux.screen()[0].contains("prefer review"), "the screen was cleared or moved")
        XCTAssertEqual(tmux.paneValue("#{pane_title}"), titleBefore)
        let buffers = (try? TmuxSession.tmux(["-L", tmux.socket, "list-buffers"])) ?? ""
        XCTAssertEqual(buffers, "", "an OSC 52 clipboard write reached tmux")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testWithoutTasksOrBatchReviewSaysWhatItNeeds() throws {
        let workspace = try Self.splitWorkspace()
        let result = try PreferBinary.run(["review", "--sessions", "sessions", "--rater", "lee"], in: workspace.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "prefer: say which tasks to review: --batch FILE, or --tasks FILE (with session PATHs)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("sessions/lee")))
    }

    /// SPEC §12's acceptance, on a batch: a lead reviews five split items; the DPO export then
    /// has a row decided by adjudication for exactly the items whose verdict is A or B, and
    /// the report's agreement numbers are what they were before the verdicts.
    func testOnABatchVerdictsDecideTheDPORowsAndLeaveTheReportsAgreementAsItWas() throws {
        let workspace = try Self.splitWorkspace()
        try workspace.write("batch.toml", "name = \"review-batch\"\ntasks = \"tasks.jsonl\"\nguideline = \"guide.md\"\noverlap = 2\n")
        func report() throws -> [String: Any] {
            let run = try PreferBinary.run(["report", "sessions", "--tasks", "tasks.jsonl", "--format", "json",
                                            "--bootstrap", "50"], in: workspace.root)
            XCTAssertEqual(run.status, 0, run.stderr)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        }
        let before = try report()
        XCTAssertNil(before["adjudication"])

        let tmux = try TmuxSession([PreferBinary.path, "review", "--batch", "batch.toml", "--sessions", "sessions",
                                    "--rater", "lee"], directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("item 1/6 · 0 adjudicated")
        for (n, key) in ["1", "2", "t", "1", "x"].enumerated() {
            try verdict(key, in: tmux)
            tmux.waitFor("item \(n + 2)/6 · \(n + 1) adjudicated")
        }
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0, tmux.standardError)
        let start = try XCTUnwrap(workspace.events(ofType: "session_start", rater: "lee").first)
        XCTAssertEqual(start["batch"] as? String, "batch.toml")

        let dpo = try PreferBinary.run(["export", "sessions", "--tasks", "tasks.jsonl", "--format", "dpo"], in: workspace.root)
        XCTAssertEqual(dpo.status, 0, dpo.stderr)
        let rows = try dpo.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let decided = Dictionary(grouping: rows) { $0["decided_by"] as? String ?? "?" }
            .mapValues { $0.compactMap { $0["task"] as? String } }
        XCTAssertEqual(decided["adjudication"], ["task-1", "task-2", "task-4"], "verdicts A, B, A; tie and both_bad give no row")
        XCTAssertEqual(decided["majority"], ["task-7", "task-8"])
        XCTAssertEqual(rows.first { $0["task"] as? String == "task-2" }?["chosen"] as? String, "Answer beta 2.")

        let after = try report()
        for key in ["items", "raters", "labels", "agreement", "raters_detail"] {
            XCTAssertEqual(after[key] as? NSObject, before[key] as? NSObject, "report \(key) changed with the verdicts")
        }
        let adjudication = try XCTUnwrap(after["adjudication"] as? [String: Any])
        XCTAssertEqual(adjudication["items"] as? Int, 5)
        let accuracy = (adjudication["raters"] as? [[String: Any]] ?? []).map { "\($0["rater"] ?? "")=\($0["agreed"] ?? "")/\($0["items"] ?? "")" }
        // ana chose A on tasks 1–5, bo B: verdicts A, B, tie, A, both_bad.
        XCTAssertEqual(accuracy, ["ana=2/5", "bo=1/5"])
    }
}
