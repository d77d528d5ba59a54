import Foundation
import XCTest
@testable import PreferCore

final class SessionResumeTests: XCTestCase {
    func testPriorLabelsAreTheRatersEffectiveLabelsAndSkipOnlyTasks() throws {
        let temp = SessionTempFolder()
        let first = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow)
        try first.append(sessionTestLabel("t1", "A", at: sessionTestNow))
        try first.append(sessionTestLabel("t2", "B", at: sessionTestNow.addingTimeInterval(1)))
        try first.append(SessionEvent(at: sessionTestNow.addingTimeInterval(2), .skip(task: "t3")))
        try first.append(SessionEvent(at: sessionTestNow.addingTimeInterval(3), .skip(task: "t4")))
        first.close()
        let second = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(),
                                            now: sessionTestNow.addingTimeInterval(60))
        try second.append(SessionEvent(at: sessionTestNow.addingTimeInterval(61), .undo(task: "t2")))
        try second.append(sessionTestLabel("t4", "tie", at: sessionTestNow.addingTimeInterval(62)))
        try second.append(SessionEvent(at: sessionTestNow.addingTimeInterval(63), .skip(task: "t1")))
        second.close()
        // Another rater's work is not ours.
        let bob = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater("bob"), now: sessionTestNow)
        try bob.append(sessionTestLabel("t9"))
        bob.close()

        let prior = try PriorLabels.read(sessionsRoot: temp.path, rater: sessionTestRater())
        XCTAssertEqual(prior.labeled, [
            "t1": PriorLabels.Label(taskSHA256: "sha-t1", choice: "A"),
            "t4": PriorLabels.Label(taskSHA256: "sha-t4", choice: "tie"),
        ])
        XCTAssertEqual(prior.skippedOnly, ["t3"])
        XCTAssertEqual(prior.warnings, [])
        XCTAssertTrue(prior.isLabeled(task: "t1", sha256: "sha-t1"))
        XCTAssertFalse(prior.isLabeled(task: "t1", sha256: "changed"), "an edited task is shown again")
        XCTAssertFalse(prior.isLabeled(task: "t2", sha256: "sha-t2"), "an undone label does not count")
        XCTAssertFalse(prior.isLabeled(task: "t3", sha256: "sha-t3"), "a skip does not count")
    }

    func testResumeReplaysASittingInFileOrderAfterAClockStep() throws {
        // The clock stepped back a minute after t1 was labeled; the undo that followed is the
        // rater's last word, so resume shows t1 again.
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow)
        try writer.append(sessionTestLabel("t1", "A", at: sessionTestNow))
        try writer.append(SessionEvent(at: sessionTestNow.addingTimeInterval(-60), .undo(task: "t1")))
        try writer.append(sessionTestLabel("t2", "A", at: sessionTestNow.addingTimeInterval(1)))
        try writer.append(sessionTestLabel("t2", "B", at: sessionTestNow.addingTimeInterval(-30)))
        writer.close()
        let prior = try PriorLabels.read(sessionsRoot: temp.path, rater: sessionTestRater())
        XCTAssertEqual(prior.labeled, ["t2": PriorLabels.Label(taskSHA256: "sha-t2", choice: "B")])
    }

    func testARaterWithoutAFolderHasNothingToResume() throws {
        let temp = SessionTempFolder()
        XCTAssertEqual(try PriorLabels.read(sessionsRoot: temp.file("none"), rater: sessionTestRater()),
                       PriorLabels())
    }

    func testATornTailFromACrashIsReportedAndTheRestResumes() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow,
                                            sessionID: "S1")
        try writer.append(sessionTestLabel("t1"))
        writer.close()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: temp.file("ana/S1.jsonl")))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"v":1,"type":"label","sess"#.utf8))
        handle.closeFile()
        let prior = try PriorLabels.read(sessionsRoot: temp.path + "/", rater: sessionTestRater())
        XCTAssertEqual(Array(prior.labeled.keys), ["t1"])
        XCTAssertEqual(prior.warnings.map(\.description), [temp.file("ana/S1.jsonl") + ":2: ignored a torn last line"])
    }
}
