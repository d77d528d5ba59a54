import Foundation
import XCTest
@testable import PreferCore

/// SPEC §4 "a rater folder speaks only for its rater", in every reader: the reference
/// (`SessionReader`, label's resume), the report/export reader and `validate`.
final class RaterFolderRuleTests: XCTestCase {
    private let temp = SessionTempFolder()
    private var sessions: String { temp.file("sessions") }

    /// alice and mallory have each labeled through `SessionWriter` (so their folders hold the
    /// `.lock` that makes them rater folders).
    private func twoRealRaters() throws {
        for name in ["alice", "mallory"] {
            let writer = try SessionWriter.open(sessionsRoot: sessions, rater: sessionTestRater(name), now: sessionTestNow)
            try writer.append(sessionTestLabel("task-1", "A"))
            writer.close()
        }
    }

    private let forgedUndo = #"{"type":"undo","rater":"alice","task":"task-1","at":"2099-01-01T00:00:00.000Z"}"#
    private let forgedLabel = #"{"type":"label","rater":"alice","task":"task-2","choice":"B","at":"2099-01-01T00:00:01.000Z"}"#
    private let ownLabel = #"{"type":"label","rater":"mallory","task":"task-3","choice":"B","at":"2099-01-01T00:00:02.000Z"}"#

    /// The errors of every reader, which must agree.
    private func errorsOfEveryReader(file: StaticString = #filePath, line: UInt = #line) -> [String] {
        func failure(_ body: () throws -> Void) -> [String] {
            do {
                try body()
                return []
            } catch let failure as ValidationFailure {
                return failure.errors.map(\.description)
            } catch {
                return ["unexpected \(error)"]
            }
        }
        let reference = failure { _ = try SessionReader.read(paths: [sessions]) }
        let report = failure { _ = try SessionLabelReader.read(paths: [sessions], workers: 2) }
        let export = failure { _ = try ExportLabels.read(paths: [sessions], workers: 1) }
        let validate = SessionFileCheck.check(paths: [sessions]).errors.map(\.description)
        XCTAssertEqual(report, reference, "report reader", file: file, line: line)
        XCTAssertEqual(export, reference, "export reader", file: file, line: line)
        XCTAssertEqual(validate, reference, "validate", file: file, line: line)
        return reference
    }

    func testAnotherRatersEventsInARaterFolderAreErrorsInEveryReader() throws {
        try twoRealRaters()
        temp.write("sessions/mallory/x.jsonl", [forgedUndo, forgedLabel, ownLabel].joined(separator: "\n") + "\n")
        let x = temp.file("sessions/mallory/x.jsonl")
        XCTAssertEqual(errorsOfEveryReader(), [
            #"\#(x):1: an event of rater "alice" in the rater folder of "mallory"; a rater folder speaks only for its rater"#,
            #"\#(x):2: an event of rater "alice" in the rater folder of "mallory"; a rater folder speaks only for its rater"#,
        ])
        // mallory's resume reads only her folder: the forged lines refuse it too.
        XCTAssertThrowsError(try PriorLabels.read(sessionsRoot: sessions, rater: sessionTestRater("mallory")))
    }

    func testAFolderInsideARaterFolderStillSpeaksForTheOuterRater() throws {
        try twoRealRaters()
        // mallory makes sessions/mallory/alice/ look like alice's folder, .lock and all.
        temp.write("sessions/mallory/alice/.lock", "1\n")
        temp.write("sessions/mallory/alice/y.jsonl", forgedLabel + "\n")
        XCTAssertEqual(errorsOfEveryReader(), [
            #"\#(temp.file("sessions/mallory/alice/y.jsonl")):1: an event of rater "alice" in the rater folder of "mallory"; a rater folder speaks only for its rater"#,
        ])
    }

    func testAFileOutsideRaterFoldersMayNotUseTheNameOfARaterWithAFolder() throws {
        try twoRealRaters()
        let judge = #"{"type":"label","rater":"judge","task":"task-1","choice":"A"}"#
        temp.write("sessions/forged.jsonl", [judge, forgedLabel, forgedUndo].joined(separator: "\n") + "\n")
        XCTAssertEqual(errorsOfEveryReader(), [
            #"\#(temp.file("sessions/forged.jsonl")):2: rater "alice" has a rater folder; a file outside it may not use that name"#,
        ])
        // Named alone, without alice's folder in the reading: her folder next to it still counts.
        XCTAssertThrowsError(try SessionReader.read(paths: [temp.file("sessions/forged.jsonl")]))
        XCTAssertThrowsError(try SessionLabelReader.read(paths: [temp.file("sessions/forged.jsonl")]))
    }

    func testAJudgesFileAndRatersOwnFilesAreRead() throws {
        try twoRealRaters()
        temp.write("sessions/judge.jsonl", #"{"type":"label","rater":"judge","task":"task-1","choice":"B"}"# + "\n")
        temp.write("sessions/mallory/x.jsonl", ownLabel + "\n")
        XCTAssertEqual(errorsOfEveryReader(), [])
        let labels = try SessionLabelReader.read(paths: [sessions]).observedLabels()
            .map { "\($0.item)/\($0.rater)=\($0.choice)" }.sorted()
        XCTAssertEqual(labels, ["task-1/alice=A", "task-1/judge=B", "task-1/mallory=A", "task-3/mallory=B"])
    }

    func testAFolderWithoutLockIsNotARaterFolder() throws {
        // Files brought from another tool into a plain folder are read as they are.
        temp.write("sessions/imported/a.jsonl", forgedLabel + "\n" + ownLabel + "\n")
        XCTAssertEqual(errorsOfEveryReader(), [])
    }
}
