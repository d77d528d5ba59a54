import Foundation
import XCTest

/// Pastes reach the screen as text (bracketed paste), never as keys: into the note field as
/// one line, elsewhere as nothing; and the mode is off again once prefer has ended.
final class BracketedPasteTests: XCTestCase {
    private let pause: useconds_t = 450_000

    /// Puts `text` in a tmux buffer and pastes it with `-p`: bracketed only if the
    /// application in the pane asked for bracketed paste. tmux turns LF into CR, as a
    /// terminal sends Enter.
    private func paste(_ text: String, into tmux: TmuxSession) throws {
        try TmuxSession.tmux(["-L", tmux.socket, "set-buffer", "-b", "p", "--", text])
        try TmuxSession.tmux(["-L", tmux.socket, "paste-buffer", "-p", "-b", "p", "-t", "e2e"])
    }

    func testAMultiLinePasteIntoANoteIsNoteTextAndRecordsNoChoice() throws {
        let workspace = try Workspace()
        let tmux = try TmuxSession(workspace.labelCommand(), directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        usleep(pause)
        try tmux.type("n")
        tmux.waitFor("Note")
        try paste("Response is fine.\nBut see point 2 of the spec", into: tmux)
        tmux.waitFor("But see point 2 of the spec")
        usleep(pause)
        XCTAssertEqual(workspace.events(ofType: "label").count, 0, "the paste recorded a label")
        XCTAssertEqual(workspace.events(ofType: "undo").count, 0, "the paste's 'u' was read as a key")
        try tmux.press("Enter")
        tmux.waitFor("Note kept")
        usleep(pause)
        try tmux.type("2")
        tmux.waitFor("Question number 2?")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0, tmux.standardError)
        let labels = workspace.events(ofType: "label")
        XCTAssertEqual(labels.count, 1)
        XCTAssertEqual(labels.first?["task"] as? String, "task-1")
        XCTAssertNotEqual(labels.first?["choice"] as? String, "tie")
        XCTAssertEqual(labels.first?["note"] as? String, "Response is fine. But see point 2 of the spec")
    }

    func testAPasteOutsideTheNoteFieldRecordsNothing() throws {
        let workspace = try Workspace()
        let tmux = try TmuxSession(workspace.labelCommand(), directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        usleep(pause)
        try paste("1t2xsu\nq", into: tmux)
        usleep(pause)
        XCTAssertTrue(tmux.screen().joined(separator: "\n").contains("Question number 1?"))
        XCTAssertEqual(workspace.events().map { $0["type"] as? String }, ["session_start"])
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    /// After prefer ends, `cat -v` in the same pane shows whether tmux still brackets a
    /// paste: `^[[200~` if prefer left the mode on.
    private func assertPasteModeIsOffAfter(ending: (TmuxSession) throws -> Void, status: Int32,
                                           file: StaticString = #filePath, line: UInt = #line) throws {
        let workspace = try Workspace()
        let command = workspace.labelCommand().map(TmuxSession.shellQuote).joined(separator: " ")
        let tmux = try TmuxSession(["sh", "-c", "\(command); echo \"ENDED $?\"; exec cat -v"], directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?", file: file, line: line)
        try ending(tmux)
        tmux.waitFor("ENDED \(status)", file: file, line: line)
        try paste("after-the-end\n", into: tmux)
        tmux.waitFor("after-the-end", file: file, line: line)
        usleep(200_000)
        let screen = tmux.screen().joined(separator: "\n")
        XCTAssertFalse(screen.contains("200~"), "bracketed paste was left on:\n\(screen)", file: file, line: line)
    }

    /// The first process named `name` below `root` (the wrappers are shells).
    private func descendant(named name: String, of root: pid_t) -> pid_t? {
        var todo = [root]
        while let pid = todo.popLast() {
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            for child in children.split(separator: " ").compactMap({ pid_t($0) }) {
                let comm = (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)) ?? ""
                if comm.trimmingCharacters(in: .whitespacesAndNewlines) == name { return child }
                todo.append(child)
            }
        }
        return nil
    }

    func testBracketedPasteIsOffAfterQuit() throws {
        try assertPasteModeIsOffAfter(ending: { try $0.type("q") }, status: 0)
    }

    func testBracketedPasteIsOffAfterSIGTERM() throws {
        try assertPasteModeIsOffAfter(ending: { tmux in
            let pid = try XCTUnwrap(self.descendant(named: "prefer", of: pid_t(tmux.paneValue("#{pane_pid}")) ?? 0))
            Glibc.kill(pid, SIGTERM)
        }, status: 143)
    }

    func testBracketedPasteIsOffAfterAnError() throws {
        // A task file changed under the sitting ends it with an error on the next task.
        try assertPasteModeIsOffAfter(ending: { tmux in
            usleep(pause)
            let tasks = tmux.statusFile.components(separatedBy: "/.exit-status-")[0] + "/tasks.jsonl"
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tasks))
            handle.seekToEndOfFile()
            handle.write(Data("\n".utf8))
            try handle.close()
            try tmux.type("1")
            usleep(pause)
            try tmux.type("q")
        }, status: 1)
    }
}
