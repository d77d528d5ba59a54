import Foundation
import XCTest
@testable import PreferCore

final class SessionEventTests: XCTestCase {
    private func line(_ body: SessionEventBody) -> String {
        String(decoding: SessionEvent(at: sessionTestNow, body).encodedLine(session: "S", rater: "ana"), as: UTF8.self)
    }

    func testALabelLineHasTheSpecKeysInOrder() {
        let info = LabelInfo(task: "t1", taskSHA256: "ab12", choice: "A", left: .b, ms: 1234, note: "why")
        XCTAssertEqual(line(.label(info)),
                       #"{"v":1,"type":"label","session":"S","rater":"ana","at":"2026-11-28T10:00:00.123Z","#
                       + #""task":"t1","task_sha256":"ab12","choice":"A","left":"B","ms":1234,"note":"why"}"# + "\n")
    }

    func testALabelWithoutANoteHasNoNoteKey() {
        let info = LabelInfo(task: "t1", taskSHA256: "ab12", choice: "tie", left: .a, ms: 0)
        XCTAssertEqual(line(.label(info)),
                       #"{"v":1,"type":"label","session":"S","rater":"ana","at":"2026-11-28T10:00:00.123Z","#
                       + #""task":"t1","task_sha256":"ab12","choice":"tie","left":"A","ms":0}"# + "\n")
    }

    func testSessionStartLineCarriesTheSittingsContext() {
        let info = SessionStartInfo(tasks: "tasks/demo.jsonl", tasksSHA256: "f0", guideline: "guidelines/default.md",
                                    guidelineSHA256: "e1", scale: Scale.pairwise.values, tool: "prefer 0.1.0",
                                    login: "ana", termColumns: 80, termRows: 24)
        XCTAssertEqual(line(.sessionStart(info)),
                       #"{"v":1,"type":"session_start","session":"S","rater":"ana","at":"2026-11-28T10:00:00.123Z","#
                       + #""tasks":"tasks/demo.jsonl","tasks_sha256":"f0","guideline":"guidelines/default.md","#
                       + #""guideline_sha256":"e1","scale":["A","B","tie","both_bad"],"tool":"prefer 0.1.0","#
                       + #""login":"ana","term":{"cols":80,"rows":24}}"# + "\n")
    }

    func testUndoSkipAndEndLines() {
        let head = #"{"v":1,"type":"#
        let common = #""session":"S","rater":"ana","at":"2026-11-28T10:00:00.123Z","#
        XCTAssertEqual(line(.undo(task: "t1")), head + #""undo","# + common + #""task":"t1"}"# + "\n")
        XCTAssertEqual(line(.skip(task: "t2")), head + #""skip","# + common + #""task":"t2"}"# + "\n")
        XCTAssertEqual(line(.sessionEnd(labels: 7, reason: .hangup)),
                       head + #""session_end","# + common + #""labels":7,"reason":"hangup"}"# + "\n")
    }

    func testEveryEventReadsBackAsTheSameFields() throws {
        let label = LabelInfo(task: "t\u{202E}1", taskSHA256: "ab", choice: "A>>B", left: .a, ms: 99, note: "n\u{1B}")
        let bytes = SessionEvent(at: sessionTestNow, .label(label)).encodedLine(session: "S", rater: "ana")
        let record = SessionReader.parse(bytes, file: "f").records[0]
        XCTAssertEqual(record, SessionRecord(file: "f", line: 1, type: "label", rater: "ana", at: sessionTestNow,
                                             atText: "2026-11-28T10:00:00.123Z", session: "S", task: "t\u{202E}1",
                                             taskSHA256: "ab", choice: "A>>B", left: .a, ms: 99, note: "n\u{1B}",
                                             json: record.json))
        XCTAssertEqual(record.at.map(Timestamp.format), "2026-11-28T10:00:00.123Z")
    }
}
