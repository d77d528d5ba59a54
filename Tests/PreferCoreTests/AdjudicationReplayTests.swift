import Foundation
import XCTest
@testable import PreferCore

/// `adjudication` events (SPEC §12): written by the session writer's one encoder, read by the
/// session reader, replayed by `EffectiveLabels` into verdicts that are never labels.
final class AdjudicationReplayTests: XCTestCase {
    private func record(_ type: String, _ task: String, _ choice: String? = nil, rater: String = "lee",
                        file: String = "s/lee/f.jsonl", line: Int) -> SessionRecord {
        SessionRecord(file: file, line: line, type: type, rater: rater, task: task, choice: choice)
    }

    private func verdicts(_ records: [SessionRecord]) -> [String] {
        EffectiveLabels.verdicts(records).map { "\($0.task)/\($0.rater)=\($0.choice)@\($0.line)" }
    }

    func testAVerdictIsWrittenAsOneCatSafeLineWithItsFields() {
        let event = SessionEvent(at: Date(timeIntervalSince1970: 1_764_324_000.123),
                                 .adjudication(AdjudicationInfo(task: "t1", taskSHA256: "ab", choice: "B", note: "x\u{1b}y")))
        XCTAssertEqual(String(decoding: event.encodedLine(session: "S", rater: "lee"), as: UTF8.self),
                       #"{"v":1,"type":"adjudication","session":"S","rater":"lee","at":"2025-11-28T10:00:00.123Z","task":"t1","task_sha256":"ab","choice":"B","note":"x\u001by"}"# + "\n")
    }

    func testTheReaderDecodesAVerdictAndTheReplayNeverCountsItAsALabel() throws {
        let line = #"{"v":1,"type":"adjudication","session":"S","rater":"lee","at":"2026-11-28T10:00:00.123Z","task":"t1","task_sha256":"ab","choice":"B","note":"n"}"#
        let parsed = SessionReader.parse(Array((line + "\n").utf8), file: "s/lee/f.jsonl", raterFolder: "lee")
        XCTAssertEqual(parsed.errors, [])
        let record = try XCTUnwrap(parsed.records.first)
        XCTAssertEqual([record.type, record.task, record.choice, record.taskSHA256, record.note],
                       ["adjudication", "t1", "B", "ab", "n"])
        XCTAssertEqual(EffectiveLabels.compute(parsed.records), [])
        XCTAssertEqual(verdicts(parsed.records), ["t1/lee=B@1"])
    }

    func testAVerdictWithoutAChoiceIsAnErrorAtItsLine() {
        let line = #"{"v":1,"type":"adjudication","rater":"lee","task":"t1"}"#
        let parsed = SessionReader.parse(Array((line + "\n").utf8), file: "f.jsonl")
        XCTAssertEqual(parsed.errors.map(\.description), ["f.jsonl:1: missing \"choice\""])
    }

    func testALaterVerdictReplacesTheEarlierAndAnUndoRetractsIt() {
        let first = record("adjudication", "t1", "A", line: 1)
        let second = record("adjudication", "t1", "tie", line: 2)
        XCTAssertEqual(verdicts([first, second]), ["t1/lee=tie@2"])
        XCTAssertEqual(verdicts([first, second, record("undo", "t1", line: 3)]), [])
        XCTAssertEqual(verdicts([first, record("undo", "t1", line: 2), record("adjudication", "t1", "B", line: 3)]),
                       ["t1/lee=B@3"])
    }

    func testOfTwoLeadsTheLaterVerdictInReplayOrderStandsAndAnUndoTouchesOnlyItsLead() {
        let early = SessionRecord(file: "s/kim/a.jsonl", line: 1, type: "adjudication", rater: "kim",
                                  at: Timestamp.parse("2026-11-28T10:00:00.000Z"), task: "t1", choice: "A")
        let late = SessionRecord(file: "s/lee/b.jsonl", line: 1, type: "adjudication", rater: "lee",
                                 at: Timestamp.parse("2026-11-28T11:00:00.000Z"), task: "t1", choice: "B")
        XCTAssertEqual(verdicts([late, early]), ["t1/lee=B@1"])
        let undo = SessionRecord(file: "s/lee/b.jsonl", line: 2, type: "undo", rater: "lee", task: "t1")
        XCTAssertEqual(verdicts([late, early, undo]), ["t1/kim=A@1"])
    }

    func testAVerdictLeavesTheLeadsOwnLabelAsItWas() {
        let records = [record("label", "t1", "A", line: 1), record("adjudication", "t1", "B", line: 2)]
        XCTAssertEqual(EffectiveLabels.compute(records).map(\.choice), ["A"])
        XCTAssertEqual(verdicts(records), ["t1/lee=B@2"])
    }

    func testTheReportReaderFindsTheSameVerdictsAsTheSessionReader() throws {
        let folder = SessionTempFolder()
        func line(_ rater: String, _ type: String, _ task: String, _ choice: String?, _ at: String) -> String {
            #"{"v":1,"type":"\#(type)","session":"S-\#(rater)","rater":"\#(rater)","at":"\#(at)","task":"\#(task)""#
                + (choice.map { #","choice":"\#($0)""# } ?? "") + "}\n"
        }
        folder.write("sessions/ana/a.jsonl", line("ana", "label", "t1", "A", "2026-11-28T10:00:00.000Z")
                     + line("ana", "label", "t2", "B", "2026-11-28T10:00:01.000Z"))
        folder.write("sessions/kim/k.jsonl", line("kim", "adjudication", "t1", "B", "2026-11-28T12:00:00.000Z")
                     + line("kim", "adjudication", "t2", "tie", "2026-11-28T12:00:01.000Z"))
        folder.write("sessions/lee/l.jsonl", line("lee", "adjudication", "t1", "A", "2026-11-28T11:00:00.000Z")
                     + line("lee", "adjudication", "t2", "A", "2026-11-28T13:00:00.000Z")
                     + line("lee", "undo", "t2", nil, "2026-11-28T13:00:01.000Z"))
        let reference = EffectiveLabels.verdicts(try ReferenceSessionLog.log(paths: [folder.file("sessions")]).records)
        let fast = try SessionLabelReader.read(paths: [folder.file("sessions")], workers: 2).verdicts
        // t1: kim's file starts later than lee's, so kim's B stands; t2: lee undid hers, kim's tie stands.
        XCTAssertEqual(reference.map { "\($0.task)/\($0.rater)=\($0.choice)" }, ["t1/kim=B", "t2/kim=tie"])
        XCTAssertEqual(fast.map { "\($0.task)/\($0.rater)=\($0.choice)" }, ["t1/kim=B", "t2/kim=tie"])
        XCTAssertEqual(try SessionLabelReader.read(paths: [folder.file("sessions")]).count, 2, "verdicts are not labels")
    }
}
