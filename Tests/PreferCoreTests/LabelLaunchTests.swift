import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// The one launch of a rater's sitting, shared by `prefer raters add` and `prefer serve`.
final class LabelLaunchTests: XCTestCase {
    func testArgumentsAreAbsoluteAndNameTheRater() throws {
        let launch = try LabelLaunch(executable: "/usr/local/bin/prefer", work: .batch("/srv/b/batch-07.toml"),
                                     rater: RaterName("ana"), sessions: "/srv/b/./sessions/")
        XCTAssertEqual(launch.arguments, ["/usr/local/bin/prefer", "label", "--batch", "/srv/b/batch-07.toml",
                                          "--rater", "ana", "--sessions", "/srv/b/sessions"])
        XCTAssertEqual(launch.forRater(try RaterName("bo")).arguments[5], "bo")
        let cwd = FileManager.default.currentDirectoryPath
        let relative = try LabelLaunch(executable: "/p", work: .tasks("t/../tasks.jsonl"), rater: RaterName("ana"), sessions: nil)
        XCTAssertEqual(relative.arguments, ["/p", "label", "--tasks", (cwd == "/" ? "" : cwd) + "/tasks.jsonl", "--rater", "ana"])
    }

    /// The shell command is read back by a real `sh`, which prints each word it got on its
    /// own line: spaces, quotes, `$`, `;` and globs in paths stay one argument each.
    func testShellCommandIsReadBackWordForWordBySh() throws {
        let odd = "/srv/lab's data/$HOME;rm -rf *`id`/batch 07.toml"
        let launch = try LabelLaunch(executable: "/opt/pre fer/prefer", work: .batch(odd),
                                     rater: RaterName("ana.b-c_d"), sessions: "/srv/x y")
        // `sh -c COMMAND` as sshd runs a forced command: the command line is parsed by sh.
        let viaShell = Process()
        viaShell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let printer = "printargs() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }; printargs "
        viaShell.arguments = ["-c", printer + launch.shellCommand]
        let pipe = Pipe()
        viaShell.standardOutput = pipe
        try viaShell.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        viaShell.waitUntilExit()
        XCTAssertEqual(output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init),
                       launch.arguments)
        XCTAssertFalse(launch.shellCommand.contains("\""), "authorized_keys command=\"…\" must hold no double quote")
    }

    func testPathsThatAuthorizedKeysCannotCarryAreRefused() throws {
        for (path, shown) in [("/srv/a\"b", "\""), ("/srv/a\\b", "\\"), ("/srv/a\nb", "U+A"), ("/srv/a\u{9B}b", "U+9B")] {
            XCTAssertThrowsError(try LabelLaunch(executable: "/p", work: .tasks(path), rater: RaterName("ana"), sessions: nil)) { error in
                XCTAssertEqual((error as? LabelLaunchError)?.reason,
                               "the task file \(JSONWriter.quoted(path)): paths with \(shown) cannot be written into an SSH forced command; rename it")
            }
        }
    }
}
