import Foundation
import XCTest
@testable import PreferCore

final class EffectiveLabelsTests: XCTestCase {
    private func record(_ type: String, _ task: String, _ choice: String? = nil, rater: String = "ana",
                        at: String? = nil, file: String = "s/ana/f.jsonl", line: Int) -> SessionRecord {
        SessionRecord(file: file, line: line, type: type, rater: rater, at: at.flatMap(Timestamp.parse),
                      atText: at, task: task, choice: choice)
    }

    private func effective(_ records: [SessionRecord]) -> [String] {
        EffectiveLabels.compute(records).map { "\($0.task)/\($0.rater)=\($0.choice)@\($0.line)" }
    }

    func testARelabelReplacesTheEarlierLabel() {
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("label", "t1", "B", at: "2026-11-28T10:00:05.000Z", line: 2),
        ]), ["t1/ana=B@2"])
    }

    func testAnUndoClearsTheLabelAndALaterLabelSetsItAgain() {
        let labeled = record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1)
        let undone = record("undo", "t1", at: "2026-11-28T10:00:01.000Z", line: 2)
        XCTAssertEqual(effective([labeled, undone]), [])
        XCTAssertEqual(effective([labeled, undone, record("label", "t1", "tie", at: "2026-11-28T10:00:02.000Z", line: 3)]),
                       ["t1/ana=tie@3"])
    }

    func testAnUndoRetractsOnlyThatRatersLabelOfThatTask() {
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("label", "t2", "B", at: "2026-11-28T10:00:00.000Z", line: 2),
            record("label", "t1", "B", rater: "bob", at: "2026-11-28T10:00:00.000Z", file: "s/bob/g.jsonl", line: 1),
            record("undo", "t1", at: "2026-11-28T10:00:09.000Z", line: 3),
        ]), ["t1/bob=B@1", "t2/ana=B@2"])
    }

    func testASkipNeitherLabelsNorRetracts() {
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("skip", "t1", at: "2026-11-28T10:00:01.000Z", line: 2),
            record("skip", "t2", at: "2026-11-28T10:00:02.000Z", line: 3),
        ]), ["t1/ana=A@1"])
    }

    func testEventsAcrossFilesAreReplayedByTimeNotByFileName() {
        // The file sorting first holds the later events (e.g. a clock-named file from another machine).
        XCTAssertEqual(effective([
            record("undo", "t1", at: "2026-11-28T11:00:00.000Z", file: "a.jsonl", line: 1),
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", file: "b.jsonl", line: 1),
        ]), [])
        XCTAssertEqual(effective([
            record("label", "t1", "B", at: "2026-11-28T11:00:00.000Z", file: "a.jsonl", line: 1),
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", file: "b.jsonl", line: 1),
        ]), ["t1/ana=B@1"])
    }

    func testEqualTimesAreBrokenByFileNameThenLine() {
        let at = "2026-11-28T10:00:00.000Z"
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: at, file: "x/2.jsonl", line: 1),
            record("label", "t1", "B", at: at, file: "y/1.jsonl", line: 5),
        ]), ["t1/ana=A@1"], "base name 2.jsonl sorts after 1.jsonl whatever the folder")
        XCTAssertEqual(effective([
            record("label", "t1", "B", at: at, line: 7),
            record("label", "t1", "A", at: at, line: 3),
        ]), ["t1/ana=B@7"])
    }

    func testLinesWithoutTimesAreReplayedInFileOrder() {
        XCTAssertEqual(effective([
            record("label", "t1", "A", rater: "judge", file: "judge.jsonl", line: 1),
            record("label", "t1", "B", rater: "judge", file: "judge.jsonl", line: 2),
            record("undo", "t2", rater: "judge", file: "judge.jsonl", line: 3),
            record("label", "t2", "tie", rater: "judge", file: "judge.jsonl", line: 4),
        ]), ["t1/judge=B@2", "t2/judge=tie@4"])
    }

    func testALineWithoutTimeStaysBehindTheTimedLineAboveIt() {
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("label", "t1", "B", line: 2),
        ]), ["t1/ana=B@2"])
    }

    func testTheResultIsOrderedByTaskThenRaterWhateverTheInputOrder() {
        let records = [
            record("label", "t2", "A", rater: "bob", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("label", "t10", "B", rater: "ana", at: "2026-11-28T10:00:00.000Z", line: 2),
            record("label", "t2", "B", rater: "ana", at: "2026-11-28T10:00:00.000Z", line: 3),
        ]
        XCTAssertEqual(effective(records), ["t10/ana=B@2", "t2/ana=B@3", "t2/bob=A@1"])
        XCTAssertEqual(effective(records.reversed()), effective(records))
    }

    func testAnEffectiveLabelCarriesEveryFieldOfItsLine() throws {
        let line = #"{"v":1,"type":"label","session":"S","rater":"ana","at":"2026-11-28T10:00:00.123Z","task":"t1","task_sha256":"h","choice":"A","left":"B","ms":900,"note":"close call"}"#
        let label = try XCTUnwrap(EffectiveLabels.compute(SessionReader.parse(Array((line + "\n").utf8), file: "f").records).first)
        XCTAssertEqual([label.task, label.rater, label.choice, label.session, label.note, label.taskSHA256, label.atText, label.file],
                       ["t1", "ana", "A", "S", "close call", "h", "2026-11-28T10:00:00.123Z", "f"])
        XCTAssertEqual(label.left, .b)
        XCTAssertEqual(label.ms, 900)
        XCTAssertEqual(label.at, sessionTestNow)
        XCTAssertEqual(label.line, 1)
    }

    // MARK: clock steps (SPEC §4: within a file, file order is authoritative)

    func testAfterTheClockStepsBackAnUndoInTheSameFileStillRetracts() {
        // NTP set the clock back an hour between the label and the undo.
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("undo", "t1", at: "2026-11-28T09:00:00.000Z", line: 2),
        ]), [])
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", line: 1),
            record("label", "t1", "B", at: "2026-11-28T09:00:00.000Z", line: 2),
        ]), ["t1/ana=B@2"], "the relabel made after the step is the label")
    }

    func testFilesAreOrderedByTheirFirstTimeAndTheirLinesStayInFileOrder() {
        // The later sitting's file holds a line stamped before the first sitting began (a step
        // back inside it); the sitting as a whole still comes second.
        XCTAssertEqual(effective([
            record("label", "t1", "A", at: "2026-11-28T10:00:00.000Z", file: "s/ana/1.jsonl", line: 1),
            record("session_start", "", at: "2026-11-28T11:00:00.000Z", file: "s/ana/2.jsonl", line: 1),
            record("label", "t1", "B", at: "2026-11-28T08:00:00.000Z", file: "s/ana/2.jsonl", line: 2),
        ]), ["t1/ana=B@2"])
    }

    func testAFileWithoutTimesComesAfterTheTimedOnes() {
        XCTAssertEqual(effective([
            record("label", "t1", "A", rater: "judge", file: "a-judge.jsonl", line: 1),
            record("label", "t1", "B", rater: "judge", at: "2026-11-28T10:00:00.000Z", file: "b.jsonl", line: 1),
        ]), ["t1/judge=A@1"])
    }
}
