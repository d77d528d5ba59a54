import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// `SessionLogTail`: reading session files again and again, each time only what was appended.
final class SessionLogTailTests: XCTestCase {
    private let start = #"{"v":1,"type":"session_start","rater":"ana","session":"s1","at":"2026-11-28T09:00:00.000Z","scale":["A","B","tie","both_bad"]}"#

    private func label(_ task: String, _ choice: String, rater: String = "ana", second: Int = 1) -> String {
        #"{"v":1,"type":"label","rater":"\#(rater)","session":"s1","at":"2026-11-28T09:00:\#(String(format: "%02d", second)).000Z","task":"\#(task)","choice":"\#(choice)","left":"A","ms":900}"#
    }

    private func append(_ folder: SessionTempFolder, _ relative: String, _ text: String) {
        let fd = open(folder.file(relative), O_WRONLY | O_APPEND)
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// "task rater choice" of every effective label.
    private func labels(_ tail: SessionLogTail) -> [String] {
        tail.labels().observedLabels().map { "\($0.item) \($0.rater) \($0.choice)" }
    }

    func testAGrowingFileIsReadOnlyFromWhereTheLastStepEnded() {
        let folder = SessionTempFolder()
        folder.write("s/ana/a.jsonl", start + "\n" + label("t1", "A") + "\n")
        let tail = SessionLogTail(paths: [folder.file("s")], workers: 2)
        let first = tail.advance()
        XCTAssertEqual(first.events, 1)
        XCTAssertEqual(first.newFiles, [folder.file("s/ana/a.jsonl")])
        XCTAssertEqual(labels(tail), ["t1 ana A"])
        let size = folder.bytes("s/ana/a.jsonl").count
        XCTAssertEqual(tail.cursor(of: folder.file("s/ana/a.jsonl"))?.offset, size)
        XCTAssertEqual(tail.cursor(of: folder.file("s/ana/a.jsonl"))?.line, 3)

        var idle = tail.advance()
        XCTAssertEqual(idle.foldersListed, 2, "folders changed under a second ago are listed again")
        idle.foldersListed = 0
        XCTAssertEqual(idle, SessionLogTail.Step(), "nothing appended: nothing read")

        append(folder, "s/ana/a.jsonl", label("t2", "B", second: 2) + "\n" + label("t1", "tie", second: 3) + "\n")
        let second = tail.advance()
        XCTAssertEqual(second.events, 2)
        XCTAssertEqual(second.newFiles, [])
        XCTAssertEqual(labels(tail), ["t1 ana tie", "t2 ana B"])
        XCTAssertEqual(tail.cursor(of: folder.file("s/ana/a.jsonl"))?.line, 5)
    }

    func testALastLineWithoutItsNewlineIsLeftAndReadWholeOnceItIsComplete() {
        let folder = SessionTempFolder()
        let line = label("t2", "B", second: 2)
        folder.write("s/ana/a.jsonl", start + "\n" + label("t1", "A") + "\n" + line.prefix(40))
        let tail = SessionLogTail(paths: [folder.file("s")])
        let first = tail.advance()
        XCTAssertEqual(first.warnings, [], "a line being written is no torn tail yet")
        XCTAssertEqual(first.errors, [])
        XCTAssertEqual(labels(tail), ["t1 ana A"])
        let taken = (start + "\n" + label("t1", "A") + "\n").utf8.count
        XCTAssertEqual(tail.cursor(of: folder.file("s/ana/a.jsonl"))?.offset, taken)

        // Complete JSON but still no newline: not counted yet either.
        append(folder, "s/ana/a.jsonl", String(line.dropFirst(40)))
        XCTAssertEqual(tail.advance().events, 0)
        XCTAssertEqual(labels(tail), ["t1 ana A"])

        append(folder, "s/ana/a.jsonl", "\n")
        let done = tail.advance()
        XCTAssertEqual(done.events, 1)
        XCTAssertEqual(done.errors, [])
        XCTAssertEqual(labels(tail), ["t1 ana A", "t2 ana B"])
        XCTAssertEqual(tail.cursor(of: folder.file("s/ana/a.jsonl"))?.line, 4)
    }

    func testABadLineIsAnErrorOnceALineFollowsIt() {
        let folder = SessionTempFolder()
        folder.write("s/ana/a.jsonl", start + "\n" + #"{"v":1,"type":"lab"# + "\n")
        let tail = SessionLogTail(paths: [folder.file("s")])
        XCTAssertEqual(tail.advance().errors, [], "a bad last line may be a torn write: left for later")
        append(folder, "s/ana/a.jsonl", label("t1", "A") + "\n")
        let step = tail.advance()
        XCTAssertEqual(step.errors.map(\.description).count, 1)
        XCTAssertEqual(step.errors.first?.line, 2)
        XCTAssertEqual(step.events, 1)
        XCTAssertEqual(tail.advance().errors, [], "an error is reported once, when its line is read")
    }

    func testNewFilesAndNewRaterFoldersAreFound() {
        let folder = SessionTempFolder()
        folder.write("s/ana/a.jsonl", start + "\n" + label("t1", "A") + "\n")
        let tail = SessionLogTail(paths: [folder.file("s")])
        tail.advance()
        folder.write("s/bo/b.jsonl", start.replacingOccurrences(of: "ana", with: "bo") + "\n"
                     + label("t1", "B", rater: "bo") + "\n")
        folder.write("s/ana/c.jsonl", start + "\n" + label("t3", "A", second: 9) + "\n")
        let step = tail.advance()
        XCTAssertEqual(step.newFiles, [folder.file("s/ana/c.jsonl"), folder.file("s/bo/b.jsonl")])
        XCTAssertEqual(step.events, 2)
        XCTAssertEqual(labels(tail), ["t1 ana A", "t1 bo B", "t3 ana A"])
        XCTAssertEqual(tail.labels().sittings, 3)
    }

    /// Sets the mtime of `path` an hour back: a folder whose listing can be kept.
    private func age(_ path: String) {
        var times = [timeval(tv_sec: time(nil) - 3600, tv_usec: 0), timeval(tv_sec: time(nil) - 3600, tv_usec: 0)]
        XCTAssertEqual(utimes(path, &times), 0)
    }

    func testAStepListsOnlyFoldersChangedSinceTheLastAndStillFindsWhatAppeared() {
        let folder = SessionTempFolder()
        folder.write("s/ana/a.jsonl", start + "\n" + label("t1", "A") + "\n")
        folder.write("s/bo/b.jsonl", start.replacingOccurrences(of: "ana", with: "bo") + "\n")
        for path in ["s", "s/ana", "s/bo"] { age(folder.file(path)) }
        let tail = SessionLogTail(paths: [folder.file("s")])
        XCTAssertEqual(tail.advance().foldersListed, 3)
        // Appending changes no folder: nothing is listed again, the new line is read.
        append(folder, "s/ana/a.jsonl", label("t2", "B", second: 2) + "\n")
        let grown = tail.advance()
        XCTAssertEqual(grown.foldersListed, 0)
        XCTAssertEqual(grown.events, 1)
        // A new file changes its folder; a new rater folder changes the root (and is new).
        folder.write("s/bo/c.jsonl", start.replacingOccurrences(of: "ana", with: "bo") + "\n"
                     + label("t1", "B", rater: "bo") + "\n")
        folder.write("s/cy/d.jsonl", start.replacingOccurrences(of: "ana", with: "cy") + "\n"
                     + label("t1", "tie", rater: "cy") + "\n")
        let appeared = tail.advance()
        XCTAssertEqual(appeared.newFiles, [folder.file("s/bo/c.jsonl"), folder.file("s/cy/d.jsonl")])
        XCTAssertEqual(appeared.foldersListed, 3)
        XCTAssertEqual(labels(tail), ["t1 ana A", "t1 bo B", "t1 cy tie", "t2 ana B"])
        // A link planted in a kept folder changes it too: skipped with a warning (SPEC §4).
        for path in ["s", "s/ana", "s/bo", "s/cy"] { age(folder.file(path)) }
        tail.advance()
        XCTAssertEqual(symlink(folder.file("s/bo/c.jsonl"), folder.file("s/ana/link.jsonl")), 0)
        let planted = tail.advance()
        XCTAssertEqual(planted.foldersListed, 1)
        XCTAssertEqual(planted.warnings.map(\.description),
                       ["\(folder.file("s/ana/link.jsonl")): skipped: a symbolic link (only regular files are read in a folder)"])
        XCTAssertEqual(labels(tail), ["t1 ana A", "t1 bo B", "t1 cy tie", "t2 ana B"])
    }

    func testAFileCutShortOrReplacedMakesTheTailStartOver() {
        let folder = SessionTempFolder()
        folder.write("s/ana/a.jsonl", start + "\n" + label("t1", "A") + "\n" + label("t2", "B", second: 2) + "\n")
        let tail = SessionLogTail(paths: [folder.file("s")])
        tail.advance()
        XCTAssertEqual(labels(tail), ["t1 ana A", "t2 ana B"])

        // Truncated: its second label is gone.
        XCTAssertEqual(truncate(folder.file("s/ana/a.jsonl"), off_t((start + "\n" + label("t1", "A") + "\n").utf8.count)), 0)
        let cut = tail.advance()
        XCTAssertEqual(cut.restarted, [folder.file("s/ana/a.jsonl")])
        XCTAssertEqual(labels(tail), ["t1 ana A"])

        // Replaced by another file of the same length or longer (another inode).
        let replacement = start + "\n" + label("t1", "tie") + "\n" + label("t4", "A", second: 5) + "\n"
        _ = FileManager.default.createFile(atPath: folder.file("s/ana/new"), contents: Data(replacement.utf8))
        XCTAssertEqual(rename(folder.file("s/ana/new"), folder.file("s/ana/a.jsonl")), 0)
        let replaced = tail.advance()
        XCTAssertEqual(replaced.restarted, [folder.file("s/ana/a.jsonl")])
        XCTAssertEqual(replaced.events, 2)
        XCTAssertEqual(labels(tail), ["t1 ana tie", "t4 ana A"])

        // Gone.
        XCTAssertEqual(unlink(folder.file("s/ana/a.jsonl")), 0)
        XCTAssertEqual(tail.advance().restarted, [folder.file("s/ana/a.jsonl")])
        XCTAssertEqual(labels(tail), [])
    }

    func testTailedStepsEndWhereOneReadingOfTheWholeFilesEnds() throws {
        // Appending line by line and reading after each, versus one reading at the end.
        let folder = SessionTempFolder()
        let lines = [start, label("t1", "A"), label("t2", "B", second: 2),
                     #"{"v":1,"type":"undo","rater":"ana","session":"s1","at":"2026-11-28T09:00:04.000Z","task":"t1"}"#,
                     #"{"v":1,"type":"skip","rater":"ana","session":"s1","at":"2026-11-28T09:00:05.000Z","task":"t3"}"#,
                     label("t3", "tie", second: 6)]
        folder.write("s/ana/a.jsonl", "")
        let tail = SessionLogTail(paths: [folder.file("s")])
        for line in lines {
            append(folder, "s/ana/a.jsonl", line + "\n")
            tail.advance()
        }
        let whole = try SessionLabelReader.read(paths: [folder.file("s")])
        XCTAssertEqual(tail.labels(), whole)
        XCTAssertEqual(labels(tail), ["t2 ana B", "t3 ana tie"])
        XCTAssertEqual(whole.labelEvents, 3)
        XCTAssertEqual(whole.undoEvents, 1)
        XCTAssertEqual(whole.skipEvents, 1)
    }
}
