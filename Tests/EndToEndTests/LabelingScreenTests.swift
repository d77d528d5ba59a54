import Foundation
import XCTest

/// The built `prefer` binary in a real terminal (tmux), as a rater would use it.
final class LabelingScreenTests: XCTestCase {
    /// Longer than the choice guard, so a key counts as a deliberate choice.
    private let pause: useconds_t = 450_000

    private func start(_ workspace: Workspace, rater: String = "e2e", cols: Int = 80, rows: Int = 24,
                       extra: [String] = []) throws -> TmuxSession {
        try TmuxSession(workspace.labelCommand(rater: rater, extra: extra), cols: cols, rows: rows,
                        directory: workspace.root)
    }

    private func choose(_ key: String, in tmux: TmuxSession) throws {
        usleep(pause)
        try tmux.type(key)
    }

    func testChoiceKeysUndoAndResumeRecordWhatTheScreenShowed() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        tmux.waitFor("0/6")
        let keys = ["1", "2", "t", "x"]
        for (n, key) in keys.enumerated() {
            try choose(key, in: tmux)
            tmux.waitFor("Question number \(n + 2)?")
        }
        let labels = workspace.waitForEvents("label", count: 4)
        XCTAssertEqual(labels.map { $0["task"] as? String }, ["task-1", "task-2", "task-3", "task-4"])
        let left0 = labels[0]["left"] as? String
        XCTAssertEqual(labels[0]["choice"] as? String, left0, "key 1 picks the response shown on the left")
        let left1 = labels[1]["left"] as? String
        XCTAssertEqual(labels[1]["choice"] as? String, left1 == "A" ? "B" : "A", "key 2 picks the right one")
        XCTAssertEqual(labels[2]["choice"] as? String, "tie")
        XCTAssertEqual(labels[3]["choice"] as? String, "both_bad")

        try choose("u", in: tmux)
        tmux.waitFor("Question number 4?")
        let undos = workspace.waitForEvents("undo", count: 1)
        XCTAssertEqual(undos.first?["task"] as? String, "task-4")
        tmux.waitFor("3/6")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 5?")
        tmux.waitFor("4/6")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)

        let events = workspace.events()
        XCTAssertEqual(events.first?["type"] as? String, "session_start")
        XCTAssertEqual(events.last?["type"] as? String, "session_end")
        XCTAssertEqual(events.last?["reason"] as? String, "quit")
        try assertEveryEventHasTheSpecFields(events, workspace: workspace)

        // A second sitting resumes: 4 of 6 done, only tasks 5 and 6 are offered.
        let again = try start(workspace)
        defer { again.kill() }
        again.waitFor("4/6")
        again.waitFor("Question number 5?")
        try choose("1", in: again)
        again.waitFor("Question number 6?")
        try choose("2", in: again)
        again.waitFor("All done")
        try again.type("q")
        XCTAssertEqual(again.exitStatus(), 0)
        XCTAssertEqual(workspace.sessionFiles().count, 2, "a new sitting never appends to an old file")
    }

    private func assertEveryEventHasTheSpecFields(_ events: [[String: Any]], workspace: Workspace) throws {
        let lines = try String(contentsOfFile: workspace.path("tasks.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for event in events {
            XCTAssertEqual(event["v"] as? Int, 1)
            XCTAssertEqual(event["rater"] as? String, "e2e")
            XCTAssertNotNil(event["session"] as? String)
            let at = event["at"] as? String ?? ""
            XCTAssertNotNil(at.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), at)
        }
        let start = events[0]
        for key in ["tasks", "tasks_sha256", "guideline", "guideline_sha256", "scale", "tool", "login", "term"] {
            XCTAssertNotNil(start[key], "session_start lacks \(key)")
        }
        XCTAssertEqual(start["tasks_sha256"] as? String, try sha256sum(file: workspace.path("tasks.jsonl")))
        XCTAssertEqual(start["scale"] as? [String], ["A", "B", "tie", "both_bad"])
        for label in events where label["type"] as? String == "label" {
            let task = label["task"] as! String
            let number = Int(task.split(separator: "-").last!)!
            XCTAssertEqual(label["task_sha256"] as? String, try sha256sum(text: lines[number - 1]), task)
            XCTAssertNotNil(label["ms"] as? Int)
            XCTAssertTrue(["A", "B"].contains(label["left"] as? String ?? ""))
        }
    }

    func testOnLikertXRecordsBothBadAndTheKeyBarSaysSo() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace, extra: ["--scale", "likert5"])
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        let blank: String = "│" + String(repeating: " ", count: 38) + "││" + String(repeating: " ", count: 38) + "│"
        let heavy = String(repeating: "━", count: 78), light = String(repeating: "─", count: 38)
        let title = String(repeating: "─", count: 25)
        var expected: [String] = [
            " prefer · e2e · tasks.jsonl                                            0/6 · 0%",
            "┏━ ▶ Prompt " + String(heavy.prefix(67)) + "┓",
            "┃ Question number 1?                                                           ┃",
            "┗" + heavy + "┛",
            "┌─ Response 1 " + title + "┐┌─ Response 2 " + title + "┐",
            "│ Answer beta 1.                       ││ Answer alpha 1.                      │",
        ]
        expected += Array(repeating: blank, count: 15)
        expected += ["└" + light + "┘└" + light + "┘", "",
                     " 1…5 L≫R…R≫L x bad u undo s skip n note Tab pane g guide / find ? help q quit"]
        XCTAssertEqual(Array(tmux.screen().prefix(24)), expected)
        try choose("x", in: tmux)
        tmux.waitFor("Question number 2?")
        let labels = workspace.waitForEvents("label", count: 1)
        XCTAssertEqual(labels.first?["task"] as? String, "task-1")
        XCTAssertEqual(labels.first?["choice"] as? String, "both_bad", "x is both-bad on likert5 too")
        XCTAssertEqual(labels.first?["left"] as? String, "B", "task-1 shows B on the left for this rater")
        let file = try String(contentsOfFile: workspace.sessionFiles()[0], encoding: .utf8)
        XCTAssertTrue(file.contains(#""choice":"both_bad""#), file)
        // 4 stays a value of the scale: the right response better, in canonical terms.
        let left2 = tmux.screen()[5].hasPrefix("│ Answer alpha 2.") ? "A" : "B"
        try choose("4", in: tmux)
        tmux.waitFor("Question number 3?")
        let both = workspace.waitForEvents("label", count: 2)
        XCTAssertEqual(both.last?["choice"] as? String, left2 == "A" ? "B>A" : "A>B")
        // Undo takes back the 4, then the both-bad label, as for any choice.
        try choose("u", in: tmux)
        tmux.waitFor("Question number 2?")
        try choose("u", in: tmux)
        tmux.waitFor("Question number 1?")
        XCTAssertEqual(workspace.waitForEvents("undo", count: 2).map { $0["task"] as? String }, ["task-2", "task-1"])
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
        XCTAssertEqual(workspace.events(ofType: "session_start").first?["scale"] as? [String],
                       ["A>>B", "A>B", "tie", "B>A", "B>>A"], "session_start still lists the five values")
    }

    func testHostileTextIsShownAsPlaceholdersAndCannotTouchTheTerminal() throws {
        let hostile = "safe\rEVIL \u{1b}]0;pwned-title\u{7} \u{1b}]52;c;ZWNobyBwd25lZA==\u{7} "
            + "\u{1b}]8;;http://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{1b}[2J\u{1b}[H "
            + "\u{9b}31m c1 \u{8}\u{8}XX \u{202e}txt.exe\u{202c} zero\u{200b}width \u{2066}iso\u{2069}"
        let workspace = try Workspace(tasks: [["id": "evil", "prompt": "Which is safer?", "response_a": hostile,
                                               "response_b": "A plain answer."]])
        let tmux = try start(workspace, cols: 120, rows: 40)
        defer { tmux.kill() }
        let titleBefore = tmux.paneValue("#{pane_title}")
        tmux.waitFor("Which is safer?")
        tmux.waitFor("hidden chars:")
        let screen = tmux.screen().joined(separator: "\n")
        XCTAssertTrue(screen.contains("␛]0;pwned-title␇"), screen)
        XCTAssertTrue(screen.contains("␛[2J"), screen)
        XCTAssertTrue(screen.contains("safe␍EVIL"), "\\r must not overwrite text:\n\(screen)")
        XCTAssertTrue(screen.contains("U+202E"), screen)
        XCTAssertTrue(tmux.screen()[0].contains("prefer"), "the screen was cleared or moved:\n\(screen)")
        XCTAssertEqual(tmux.paneValue("#{pane_title}"), titleBefore)
        XCTAssertFalse(tmux.paneValue("#{pane_title}").contains("pwned"))
        let buffers = (try? TmuxSession.tmux(["-L", tmux.socket, "list-buffers"])) ?? ""
        XCTAssertEqual(buffers, "", "an OSC 52 clipboard write reached tmux")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testTooSmallRecordsNothingAndAResizeStormRecovers() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace, cols: 30, rows: 8)
        defer { tmux.kill() }
        tmux.waitFor("too small")
        for key in ["1", "2", "t", "x", "s", "u"] { try choose(key, in: tmux) }
        usleep(pause)
        XCTAssertTrue(workspace.events(ofType: "label").isEmpty)
        XCTAssertTrue(workspace.events(ofType: "skip").isEmpty)
        for (cols, rows) in [(200, 60), (20, 5), (1, 1), (90, 30), (45, 12), (160, 48), (80, 24)] {
            try tmux.resize(cols: cols, rows: rows)
            usleep(30_000)
        }
        tmux.waitFor("Question number 1?")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 2?")
        XCTAssertEqual(workspace.waitForEvents("label", count: 1).count, 1)
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testASecondSittingForTheSameRaterIsRefusedNamingThePid() throws {
        let workspace = try Workspace()
        let first = try start(workspace)
        defer { first.kill() }
        first.waitFor("Question number 1?")
        let second = try start(workspace)
        defer { second.kill() }
        XCTAssertEqual(second.exitStatus(), 1)
        let pid = first.commandPID()
        XCTAssertNotNil(pid)
        XCTAssertTrue(second.standardError.contains("already"), second.standardError)
        XCTAssertTrue(second.standardError.contains("\(pid ?? -1)"), second.standardError)
        XCTAssertEqual(workspace.sessionFiles().count, 1)
        try first.type("q")
        XCTAssertEqual(first.exitStatus(), 0)
    }

    func testSkipAndNoteAreRecorded() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try choose("s", in: tmux)
        tmux.waitFor("Question number 2?")
        try choose("n", in: tmux)
        tmux.waitFor("Note")
        try tmux.type("B cites a fake paper")
        try tmux.press("Enter")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 3?")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
        XCTAssertEqual(workspace.events(ofType: "skip").first?["task"] as? String, "task-1")
        let label = workspace.events(ofType: "label").first
        XCTAssertEqual(label?["task"] as? String, "task-2")
        XCTAssertEqual(label?["note"] as? String, "B cites a fake paper")
    }

    func testAChoiceUnderTheGuidelineOverlayRecordsNothingUntilTheGuidelineIsClosed() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try tmux.type("g")
        tmux.waitFor("Pick the more helpful answer.")
        try choose("1", in: tmux)
        tmux.waitFor("press g to close it, then choose")
        try tmux.press("Tab")
        usleep(pause)
        XCTAssertTrue(tmux.screen()[1].contains("▶ Guideline"), tmux.screen().joined(separator: "\n"))
        XCTAssertTrue(workspace.events(ofType: "label").isEmpty, "a label was recorded under the overlay")
        try tmux.type("g")
        tmux.waitFor("Question number 1?")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 2?")
        XCTAssertEqual(workspace.waitForEvents("label", count: 1).map { $0["task"] as? String }, ["task-1"])
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testUndoAfterASkipReturnsToItAndUndoOfALabelOffersItsNoteAgain() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try choose("n", in: tmux)
        tmux.waitFor("Note")
        try tmux.type("B cites a fake paper")
        try tmux.press("Enter")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 2?")
        try choose("s", in: tmux)
        tmux.waitFor("Question number 3?")
        try choose("u", in: tmux)
        tmux.waitFor("Question number 2?")
        tmux.waitFor("Skip undone: this task is back.")
        try choose("u", in: tmux)
        tmux.waitFor("Question number 1?")
        tmux.waitFor("Your note is kept")
        try choose("n", in: tmux)
        tmux.waitFor("Note (Enter saves, Esc cancels): B cites a fake paper")
        try tmux.press("Enter")
        try choose("2", in: tmux)
        tmux.waitFor("Question number 2?")
        tmux.waitFor("Saved.")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
        XCTAssertEqual(workspace.events(ofType: "skip").map { $0["task"] as? String }, ["task-2"])
        XCTAssertEqual(workspace.events(ofType: "undo").map { $0["task"] as? String }, ["task-1"],
                       "only the label is retracted on disk; the skip needs no undo line")
        let labels = workspace.events(ofType: "label")
        XCTAssertEqual(labels.map { $0["task"] as? String }, ["task-1", "task-1"])
        XCTAssertEqual(labels.map { $0["note"] as? String }, ["B cites a fake paper", "B cites a fake paper"])
    }

    func testAChoiceTypedAsTheTaskAppearsSaysSoAndSavedGoesAway() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 2?")
        tmux.waitFor("Saved.")
        try tmux.type("1")
        tmux.waitFor("Too soon")
        XCTAssertEqual(workspace.events(ofType: "label").count, 1)
        try choose("j", in: tmux)
        XCTAssertTrue(waitUntilGone("Too soon", from: tmux, within: 2), "the next key leaves the hint on screen")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 3?")
        tmux.waitFor("Saved.")
        let shown = Date()
        XCTAssertTrue(waitUntilGone("Saved.", from: tmux, within: 4), tmux.screen().joined(separator: "\n"))
        XCTAssertGreaterThan(Date().timeIntervalSince(shown), 1.0, "Saved. is shown for a moment first")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testAt80x24TheKeyBarNamesTheWayAroundAndSpaceScrollsTheLongResponseAtOnce() throws {
        let long = (1...27).map { "Step \($0) of the answer." }.joined(separator: "\n")
        let workspace = try Workspace(tasks: [["id": "long", "prompt": "How?", "response_a": long,
                                               "response_b": long + "\nOne more step."]])
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("How?")
        let bar = tmux.screen()[23]
        XCTAssertEqual(bar, " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit")
        XCTAssertTrue(tmux.screen()[4].contains("▶ Response 1"), tmux.screen().joined(separator: "\n"))
        try tmux.press("Space")
        tmux.waitFor("13–28 of 28 end")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testALongPromptIsShownWholeAndRequireReadWaitsForItsEnd() throws {
        let passage = (1...6).map { "Sentence \($0) of the passage." }.joined(separator: "\n")
        let long = (1...40).map { "Background line \($0)." }.joined(separator: "\n")
        let workspace = try Workspace(tasks: [
            ["id": "summary", "prompt": "Summarize this:\n\n" + passage, "response_a": "Six sentences.",
             "response_b": "Sentences."],
            ["id": "context", "prompt": "Read this first.\n" + long, "response_a": "Read.", "response_b": "Done."],
        ])
        let tmux = try start(workspace, extra: ["--require-read"])
        defer { tmux.kill() }
        tmux.waitFor("Sentence 6 of the passage.")
        XCTAssertFalse(tmux.screen().joined().contains(" of 8 "), "the prompt scrolls while rows stay empty")
        try choose("1", in: tmux)
        tmux.waitFor("Background line 1.")
        try choose("1", in: tmux)
        tmux.waitFor("Read to the end first: Prompt")
        XCTAssertEqual(workspace.events(ofType: "label").count, 1)
        try tmux.press("End")
        tmux.waitFor("Background line 40.")
        try choose("1", in: tmux)
        tmux.waitFor("All done")
        XCTAssertEqual(workspace.waitForEvents("label", count: 2).map { $0["task"] as? String }, ["summary", "context"])
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testATurnTwoTaskShowsItsTurnAndQuestionAndOpensAtTheReply() throws {
        func side(_ first: String, _ second: String) -> [[String: String]] {
            [["role": "user", "content": "Plan a trip to Hawaii."],
             ["role": "assistant", "content": (1...20).map { "\(first) plan, day \($0)." }.joined(separator: "\n")],
             ["role": "user", "content": "Now make it a budget trip."],
             ["role": "assistant", "content": second]]
        }
        let workspace = try Workspace(tasks: [["id": "mt1-t2-x-vs-y", "conversation_a": side("Alpha", "Alpha budget."),
                                               "conversation_b": side("Beta", "Beta budget."), "turn": 2]])
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("turn 2 of 2")
        let screen = tmux.screen()
        XCTAssertTrue(screen[2].contains("Now make it a budget trip."), screen.joined(separator: "\n"))
        XCTAssertTrue(screen[5].contains("assistant:"), screen.joined(separator: "\n"))
        XCTAssertTrue(screen[7].contains("budget."), screen.joined(separator: "\n"))
        XCTAssertFalse(screen.joined().contains("plan, day"), "the first turn is above, out of view")
        try tmux.press("Home")
        tmux.waitFor("plan, day 1.")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testFlagsReachTheTerminalAsTheirRegionalIndicatorsNeverAsQuestionMarks() throws {
        let flags = ["🇯🇵", "🇵🇹", "🇧🇷", "🇩🇪", "🇺🇦"]
        let workspace = try Workspace(tasks: [["id": "flags", "prompt": "Which flags?",
                                               "response_a": "Flags: " + flags.joined(separator: " ") + " end",
                                               "response_b": "No flags here."]])
        // Too small first, so the whole task is drawn only after the recording starts.
        let tmux = try start(workspace, cols: 30, rows: 8)
        defer { tmux.kill() }
        tmux.waitFor("too small")
        let raw = workspace.path("raw-output")
        try tmux.recordOutput(to: raw)
        try tmux.resize(cols: 80, rows: 24)
        tmux.waitFor("Which flags?")
        tmux.waitFor("end")
        usleep(300_000)
        let bytes = try String(contentsOfFile: raw, encoding: .utf8)
        for flag in flags {
            XCTAssertTrue(bytes.contains(flag), "\(flag) did not reach the terminal as its two indicators")
        }
        // Escape sequences hold `?` (`ESC[?25l`); the text between them must not.
        let text = bytes.replacingOccurrences(of: "\u{1B}(\\[[0-?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78])", with: "",
                                              options: .regularExpression)
        let questionMarks = text.replacingOccurrences(of: "Which flags?", with: "")
            .replacingOccurrences(of: "? help", with: "").filter { $0 == "?" }.count
        XCTAssertEqual(questionMarks, 0, "a ? reached the terminal besides the prompt's and the key bar's: \(text)")
        let line = tmux.screen().first { $0.contains("Flags:") } ?? ""
        XCTAssertTrue(line.contains("Flags: 🇯🇵 🇵🇹 🇧🇷 🇩🇪 🇺🇦 end"), line)
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testSessionEndCountsTheLabelsLeftAfterUndoAsTheScreenDoes() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 2?")
        try choose("2", in: tmux)
        tmux.waitFor("Question number 3?")
        try choose("u", in: tmux)
        tmux.waitFor("Question number 2?")
        tmux.waitFor("1/6")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
        XCTAssertEqual(workspace.events(ofType: "label").count, 2)
        XCTAssertEqual(workspace.events(ofType: "session_end").first?["labels"] as? Int, 1,
                       "session_end.labels counts labels of this sitting not undone")
        XCTAssertTrue(tmux.standardError.contains("1 label saved this sitting"), tmux.standardError)
    }

    func testATaskFileReplacedByRenameEndsTheSittingWithOnlyTheSittingEndedBox() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try choose("1", in: tmux)
        tmux.waitFor("Question number 2?")
        // New content under the old name, as `mv new tasks.jsonl` or a sync tool leaves it.
        let changed = Workspace.sixTasks().map { task -> [String: Any] in
            var task = task
            task["prompt"] = "Changed question?"
            return task
        }
        try workspace.write("tasks.new", Workspace.jsonl(changed))
        XCTAssertEqual(rename(workspace.path("tasks.new"), workspace.path("tasks.jsonl")), 0)
        try choose("2", in: tmux)
        tmux.waitFor("Sitting ended")
        let screen = tmux.screen().joined(separator: "\n")
        XCTAssertTrue(screen.contains("the file was replaced or"), screen)
        XCTAssertFalse(screen.contains("All done"), screen)
        XCTAssertFalse(screen.contains("Finished"), screen)
        XCTAssertFalse(screen.contains("Changed question?"), "content nobody validated reached the screen")
        try tmux.type("x")
        XCTAssertEqual(tmux.exitStatus(), 1)
        XCTAssertEqual(workspace.events(ofType: "label").map { $0["task"] as? String }, ["task-1", "task-2"])
        XCTAssertEqual(workspace.events(ofType: "session_end").first?["reason"] as? String, "error")
    }

    func testKillNineRightAfterTheScreenMovesOnKeepsThatLabel() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        try choose("2", in: tmux)
        tmux.waitFor("Question number 2?")
        let pid = try XCTUnwrap(tmux.commandPID())
        Glibc.kill(pid, SIGKILL)
        XCTAssertEqual(tmux.exitStatus(), 137)
        XCTAssertEqual(workspace.events(ofType: "label").map { $0["task"] as? String }, ["task-1"])
    }

    func testHangupEndsTheSittingCleanly() throws {
        let workspace = try Workspace()
        let tmux = try start(workspace)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        let pid = try XCTUnwrap(tmux.commandPID())
        Glibc.kill(pid, SIGHUP)
        XCTAssertNotNil(tmux.exitStatus(timeout: 2), "still running 2 s after SIGHUP")
        XCTAssertEqual(workspace.events(ofType: "session_end").first?["reason"] as? String, "hangup")
    }

    /// Waits until `text` is no longer on screen; false if it still is after `seconds`.
    private func waitUntilGone(_ text: String, from tmux: TmuxSession, within seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !tmux.screen().joined().contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    private func sha256sum(file: String) throws -> String {
        String(try ChildProcess.run(["sha256sum", file]).stdout.prefix(64))
    }

    private func sha256sum(text: String) throws -> String {
        let file = NSTemporaryDirectory() + "line-" + UUID().uuidString
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try sha256sum(file: file)
    }
}
