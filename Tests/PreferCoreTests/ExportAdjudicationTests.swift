import Foundation
import XCTest
@testable import PreferCore

/// Exports and the leads' verdicts (SPEC §12): `aggregate` and `dpo` use a verdict over the
/// majority and say which decided; `labels --with-adjudications` adds the verdicts. Every
/// case is also held to the reference export by `ExportFixture.export`.
final class ExportAdjudicationTests: XCTestCase {
    /// t1 split 1 A / 1 B, verdict B; t2 majority A (2:1), verdict B; t3 split, verdict tie;
    /// t4 split, no verdict; t5 majority A, no verdict; t6 split, verdict made on other content.
    private func fixture() -> ExportFixture {
        let f = ExportFixture()
        for id in ["t1", "t2", "t3", "t4", "t5", "t6"] { f.addTask(id, a: "alpha \(id)", b: "beta \(id)") }
        let labels: [(String, String, String)] = [
            ("ana", "t1", "A"), ("bo", "t1", "B"), ("ana", "t2", "A"), ("bo", "t2", "A"), ("cy", "t2", "B"),
            ("ana", "t3", "A"), ("bo", "t3", "B"), ("ana", "t4", "A"), ("bo", "t4", "B"), ("ana", "t5", "A"),
            ("bo", "t5", "A"), ("ana", "t6", "A"), ("bo", "t6", "B"),
        ]
        for (k, (rater, task, choice)) in labels.enumerated() { f.event("label", task, choice: choice, rater: rater, second: k) }
        func verdict(_ task: String, _ choice: String, second: Int, sha: String? = nil, note: String? = nil) {
            var line = #"{"v":1,"type":"adjudication","session":"s-lee","rater":"lee","#
                + #""at":"2026-11-28T11:00:\#(String(format: "%02d", second)).000Z","task":"\#(task)","#
                + #""task_sha256":"\#(sha ?? f.sha(task))","choice":"\#(choice)""#
            if let note { line += #","note":"\#(note)""# }
            f.raw(line + "}\n", rater: "lee", file: "20261128T110000Z-0000000b.jsonl")
        }
        verdict("t1", "A", second: 1)
        verdict("t1", "B", second: 2, note: "B is right")
        verdict("t2", "B", second: 3)
        verdict("t3", "tie", second: 4)
        verdict("t6", "A", second: 5, sha: String(repeating: "0", count: 64))
        return f
    }

    func testDPOHasRowsForVerdictsOfAOrBDecidedByAdjudicationAndMajorityRowsOtherwise() throws {
        let (bytes, summary, _) = try fixture().export(ExportOptions(format: .dpo))
        let rows = try exportLines(bytes)
        XCTAssertEqual(rows.map { $0["task"]?.stringValue }, ["t1", "t2", "t5"])
        XCTAssertEqual(rows.map { $0["decided_by"]?.stringValue }, ["adjudication", "adjudication", "majority"])
        // The verdict goes over t2's 2:1 majority for A.
        XCTAssertEqual(rows.map { $0["chosen"]?.stringValue }, ["beta t1", "beta t2", "alpha t5"])
        XCTAssertEqual(rows[1]["votes"]?["chosen"], .number("1"), "votes still count the labels")
        XCTAssertEqual(summary.skipped, [.verdictTie: 1, .split: 2], "t3 tie verdict; t4 and t6 (stale verdict) split")
    }

    func testAggregateSaysTheDecisionAndWhoDecided() throws {
        let (bytes, _, _) = try fixture().export(ExportOptions(format: .aggregate))
        let rows = try exportLines(bytes)
        XCTAssertEqual(rows.map { $0["task"]?.stringValue }, ["t1", "t2", "t3", "t4", "t5", "t6"])
        XCTAssertEqual(rows.map { $0["majority"] }, [.null, .string("A"), .null, .null, .string("A"), .null])
        XCTAssertEqual(rows.map { $0["decision"] }, [.string("B"), .string("B"), .string("tie"), .null, .string("A"), .null])
        XCTAssertEqual(rows.map { $0["decided_by"] }, [.string("adjudication"), .string("adjudication"),
                                                       .string("adjudication"), .null, .string("majority"), .null])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix(#"{"task":"t1","n":2,"counts":{"A":1,"B":1,"tie":0,"both_bad":0},"majority":null,"agreement":null,"decision":"B","decided_by":"adjudication","model_a":"m1""#), text)
    }

    func testLabelsWithAdjudicationsAddsTheVerdictsAsTypedLinesByTheLead() throws {
        let plain = try fixture().export(ExportOptions(format: .labels)).bytes
        XCTAssertFalse(String(decoding: plain, as: UTF8.self).contains("\"type\""), "without the flag, labels as before")
        XCTAssertFalse(String(decoding: plain, as: UTF8.self).contains("\"lee\""))
        let (bytes, summary, _) = try fixture().export(ExportOptions(format: .labels, withAdjudications: true))
        let rows = try exportLines(bytes)
        XCTAssertEqual(summary.rows, 13 + 3)
        let verdicts = rows.filter { $0["type"]?.stringValue == "adjudication" }
        XCTAssertEqual(verdicts.map { $0["task"]?.stringValue }, ["t1", "t2", "t3"])
        XCTAssertEqual(verdicts.map { $0["rater"]?.stringValue }, ["lee", "lee", "lee"])
        XCTAssertEqual(verdicts.map { $0["choice"]?.stringValue }, ["B", "B", "tie"])
        XCTAssertEqual(verdicts.first?["note"]?.stringValue, "B is right")
        XCTAssertEqual(verdicts.first?["left"], .null)
        XCTAssertEqual(rows.filter { $0["type"]?.stringValue == "label" }.count, 13)
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix(#"{"type":"label","task":"t1","rater":"ana""#))
    }
}
